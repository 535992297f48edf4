using Microsoft.Extensions.Caching.Memory;

namespace PhotoGallery.Core.Photos;

/// <summary>
/// Live photos' file facts, so a thumbnail request costs no database round trip once seen. Entries are dropped
/// whenever a photo leaves the live library (trash, purge) or comes back.
/// </summary>
public sealed class PhotoMediaCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    public bool TryGet(Guid id, out PhotoMediaEntry? entry)
    {
        entry = TryGetItem(id)?.Entry;
        return entry is not null;
    }

    public void Set(Guid id, PhotoMediaEntry entry) => SetItem(id, new Item(entry));

    public void Forget(IEnumerable<Guid> ids)
    {
        foreach (var id in ids)
            _cache.Remove(id);
    }

    public void Clear() => _cache.Clear();

    public void Dispose() => _cache.Dispose();

    internal Item? TryGetItem(Guid id) => _cache.TryGetValue(id, out Item? item) ? item : null;

    internal Item SetItem(Guid id, Item item)
    {
        _cache.Set(id, item, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return item;
    }

    /// <summary>A cached photo: its database facts and, per kind, the file once resolved (path, type, validators).</summary>
    internal sealed class Item(PhotoMediaEntry entry)
    {
        public PhotoMediaEntry Entry { get; } = entry;

        public MediaFile?[] Files { get; } = new MediaFile?[3];
    }
}
