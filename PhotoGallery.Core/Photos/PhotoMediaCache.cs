using Microsoft.Extensions.Caching.Memory;

namespace PhotoGallery.Core.Photos;

/// <summary>
/// Live photos' file facts, so a thumbnail request costs no database round trip once seen. Entries are dropped
/// whenever a photo leaves the live library (trash, purge) or comes back.
/// </summary>
public sealed class PhotoMediaCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 200_000 });

    public bool TryGet(Guid id, out PhotoMediaEntry? entry) => _cache.TryGetValue(id, out entry);

    public void Set(Guid id, PhotoMediaEntry entry) =>
        _cache.Set(id, entry, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });

    public void Forget(IEnumerable<Guid> ids)
    {
        foreach (var id in ids)
            _cache.Remove(id);
    }

    public void Clear() => _cache.Clear();

    public void Dispose() => _cache.Dispose();
}
