using Microsoft.Extensions.Caching.Memory;

namespace PhotoGallery.Web.Endpoints;

/// <summary>
/// Short-lived, single-use tickets naming a selection of photos to download as one zip, so a selection of hundreds
/// of ids never has to travel in a URL.
/// </summary>
public sealed class DownloadTickets(TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly MemoryCache _tickets = new(new MemoryCacheOptions());

    public Guid Create(IReadOnlyList<Guid> photoIds)
    {
        var ticket = Guid.NewGuid();
        _tickets.Set(ticket, photoIds, clock.GetUtcNow() + Lifetime);
        return ticket;
    }

    public IReadOnlyList<Guid>? Redeem(Guid ticket)
    {
        if (!_tickets.TryGetValue(ticket, out IReadOnlyList<Guid>? ids))
            return null;
        _tickets.Remove(ticket);
        return ids;
    }

    public void Dispose() => _tickets.Dispose();
}
