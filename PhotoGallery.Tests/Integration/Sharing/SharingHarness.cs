using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using PhotoGallery.Core.Albums;
using PhotoGallery.Core.Photos;
using PhotoGallery.Core.Sharing;
using PhotoGallery.Tests.Integration.Persistence;
using PhotoGallery.Tests.Integration.Photos;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Integration.Sharing;

/// <summary>The sharing services over the photo harness (same clock, same database), plus row-level seeding helpers.</summary>
public sealed class SharingHarness : IDisposable
{
    private readonly TestDatabase _database;

    /// <param name="clock">The sharing services' clock: the photo harness's fake clock unless given (an app process uses real time).</param>
    public SharingHarness(TestDatabase database, Func<string>? newToken = null, string? root = null, TimeProvider? clock = null)
    {
        _database = database;
        Photos = new PhotoServicesHarness(database, root: root);
        clock ??= Photos.Clock;
        Grants = new ShareAccessGrants(new EphemeralDataProtectionProvider());
        Shares = newToken is null
            ? new ShareService(database, clock, NullLogger<ShareService>.Instance)
            : new ShareService(database, clock, NullLogger<ShareService>.Instance, newToken);
        Public = new PublicShares(database, Photos.Media, Grants, clock, NullLogger<PublicShares>.Instance);
    }

    public PhotoServicesHarness Photos { get; }

    public ShareAccessGrants Grants { get; }

    public ShareService Shares { get; }

    public PublicShares Public { get; }

    /// <summary>Photo rows only (no files), taken a day apart from 2025-01-01.</summary>
    public async Task<List<Guid>> SeedPhotosAsync(int count)
    {
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var photos = Enumerable.Range(0, count).Select(i => PersistenceTests.NewPhoto($"p{i}.jpg", start.AddDays(i))).ToList();
        foreach (var p in photos)
        {
            p.CameraMake = "Canon";
            p.CameraModel = "EOS R5";
        }
        await using var db = _database.CreateDbContext();
        db.Photos.AddRange(photos);
        await db.SaveChangesAsync();
        return [.. photos.Select(p => p.Id)];
    }

    /// <summary>An album holding the photos in the given order (positions 0..n-1), written as AlbumService would.</summary>
    public async Task<Guid> CreateAlbumAsync(string title, IReadOnlyList<Guid> photoIds)
    {
        await using var db = _database.CreateDbContext();
        var album = new Album { Title = title, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Albums.Add(album);
        db.AlbumPhotos.AddRange(photoIds.Select((id, i) => new AlbumPhoto { AlbumId = album.Id, PhotoId = id, Position = i, AddedAt = DateTime.UtcNow }));
        await db.SaveChangesAsync();
        return album.Id;
    }

    /// <summary>Replaces an album's contents with the photos in this order.</summary>
    public async Task SetAlbumPhotosAsync(Guid albumId, IReadOnlyList<Guid> photoIds)
    {
        await using var db = _database.CreateDbContext();
        db.AlbumPhotos.RemoveRange(db.AlbumPhotos.Where(ap => ap.AlbumId == albumId));
        await db.SaveChangesAsync();
        db.AlbumPhotos.AddRange(photoIds.Select((id, i) => new AlbumPhoto { AlbumId = albumId, PhotoId = id, Position = i, AddedAt = DateTime.UtcNow }));
        await db.SaveChangesAsync();
    }

    public async Task<SharedLink> OpenAsync(string token) =>
        await Public.FindAsync(token, CancellationToken.None) ?? throw new InvalidOperationException("the link does not resolve");

    public async Task<IReadOnlyList<Guid>> VisiblePhotoIdsAsync(string token) =>
        [.. (await Public.GetPhotosAsync(await OpenAsync(token), CancellationToken.None)).Select(p => p.Id)];

    public Task<MediaFile?> MediaAsync(string token, Guid photoId, MediaKind kind, string? grant = null) =>
        Public.GetMediaAsync(token, grant, photoId, kind, CancellationToken.None);

    public void Dispose() => Photos.Dispose();
}
