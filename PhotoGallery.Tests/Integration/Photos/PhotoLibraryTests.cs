using Microsoft.EntityFrameworkCore;
using PhotoGallery.Core.Albums;
using PhotoGallery.Core.Photos;
using PhotoGallery.Tests.Integration.Persistence;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Integration.Photos;

/// <summary>Library paging, trash and media lookups on a real database; run on both providers.</summary>
public abstract class PhotoLibraryTests(PostgresServer? postgres, ImageCorpus corpus) : DatabaseTestBase(postgres), IClassFixture<ImageCorpus>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetPage_WalkingAllPages_ReturnsEveryLivePhotoOnceInOrder(bool ascending)
    {
        var photos = await SeedRowsAsync(37, sameKeyEvery: 5);
        using var h = new PhotoServicesHarness(Database);
        var query = new LibraryQuery(Ascending: ascending);

        var seen = new List<PhotoTile>();
        LibraryCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await h.Library.GetPageAsync(query, cursor, 10, CancellationToken.None);
            seen.AddRange(page.Items);
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null);

        var expected = photos.Where(p => p.DeletedAt == null).OrderBy(p => p.SortKey).ThenBy(p => p.Id).Select(p => p.Id).ToList();
        if (!ascending)
            expected.Reverse();
        Assert.Equal(expected, seen.Select(t => t.Id));
        Assert.Equal(4, pages);
    }

    [Fact]
    public async Task GetPage_FilterAndAddedSort_ReturnsOnlyThatKindByDateAdded()
    {
        var photos = await SeedRowsAsync(12, sameKeyEvery: 0);
        using var h = new PhotoServicesHarness(Database);

        var page = await h.Library.GetPageAsync(new LibraryQuery(LibraryFilter.Generated, LibrarySort.Added), null, 100, CancellationToken.None);

        var expected = photos.Where(p => p.IsGenerated && p.DeletedAt == null).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Select(p => p.Id);
        Assert.Equal(expected, page.Items.Select(t => t.Id));
        Assert.All(page.Items, t => Assert.True(t.IsGenerated));
        Assert.Null(page.Next);
        Assert.Equal(page.Items.Count, await h.Library.CountAsync(LibraryFilter.Generated, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_ThenRestore_MovesPhotoOutOfLibraryAndBackWithItsAlbums()
    {
        using var h = new PhotoServicesHarness(Database);
        var id = (await h.ImportFileAsync(corpus.SmallJpeg)).PhotoId!.Value;
        await AddToAlbumAsync([id]);

        await h.Trash.DeleteAsync([id], CancellationToken.None);

        Assert.Empty((await h.Library.GetPageAsync(new LibraryQuery(), null, 10, CancellationToken.None)).Items);
        Assert.Null(await h.Media.GetAsync(id, MediaKind.Thumbnail, CancellationToken.None));
        var item = Assert.Single(await h.Trash.ListAsync(CancellationToken.None));
        Assert.Equal(30, item.DaysLeft);

        h.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(20, Assert.Single(await h.Trash.ListAsync(CancellationToken.None)).DaysLeft);
        await h.Trash.RestoreAsync([id], CancellationToken.None);

        Assert.Single((await h.Library.GetPageAsync(new LibraryQuery(), null, 10, CancellationToken.None)).Items);
        Assert.NotNull(await h.Media.GetAsync(id, MediaKind.Thumbnail, CancellationToken.None));
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.AlbumPhotos.CountAsync(ap => ap.PhotoId == id));
    }

    [Fact]
    public async Task PurgeExpired_OldAndNewTrash_RemovesOnlyExpiredRowsFilesAndClosesAlbumGaps()
    {
        using var h = new PhotoServicesHarness(Database);
        var a = (await h.ImportFileAsync(corpus.SmallJpeg)).PhotoId!.Value;
        var b = (await h.ImportFileAsync(corpus.Png)).PhotoId!.Value;
        var c = (await h.ImportFileAsync(corpus.LossyWebP)).PhotoId!.Value;
        var album = await AddToAlbumAsync([a, b, c]);
        await h.Trash.DeleteAsync([b], CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromDays(20));
        await h.Trash.DeleteAsync([c], CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromDays(11));

        var purged = await h.Trash.PurgeExpiredAsync(CancellationToken.None);

        Assert.Equal(1, purged);
        Assert.Equal(c, Assert.Single(await h.Trash.ListAsync(CancellationToken.None)).Id);
        Assert.DoesNotContain(h.Files(), f => f.Contains(b.ToString(), StringComparison.Ordinal));
        Assert.Equal(6, h.Files().Count);
        await using var db = Database.CreateDbContext();
        Assert.Null(await db.Photos.FindAsync(b));
        var positions = await db.AlbumPhotos.Where(ap => ap.AlbumId == album).OrderBy(ap => ap.Position).Select(ap => new { ap.PhotoId, ap.Position }).ToListAsync();
        Assert.Equal([(a, 0), (c, 1)], positions.Select(p => (p.PhotoId, p.Position)));
    }

    [Fact]
    public async Task Empty_TrashWithPhotos_LeavesOnlyLivePhotosFiles()
    {
        using var h = new PhotoServicesHarness(Database);
        var keep = (await h.ImportFileAsync(corpus.SmallJpeg)).PhotoId!.Value;
        var drop = (await h.ImportFileAsync(corpus.Png)).PhotoId!.Value;
        await h.Trash.DeleteAsync([drop], CancellationToken.None);

        await h.Trash.EmptyAsync(CancellationToken.None);

        Assert.Empty(await h.Trash.ListAsync(CancellationToken.None));
        Assert.All(h.Files(), f => Assert.Contains(keep.ToString(), f, StringComparison.Ordinal));
        Assert.Equal(3, h.Files().Count);
    }

    [Fact]
    public async Task Delete_WithZeroDayRetention_PurgesAtOnce()
    {
        using var h = new PhotoServicesHarness(Database, new PhotoOptions { TrashRetentionDays = 0 });
        var id = (await h.ImportFileAsync(corpus.SmallJpeg)).PhotoId!.Value;

        await h.Trash.DeleteAsync([id], CancellationToken.None);

        Assert.Empty(h.Files());
        Assert.Empty(await h.Trash.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetMedia_KnownPhoto_ResolvesEachKindWithStrongETag()
    {
        using var h = new PhotoServicesHarness(Database);
        var id = (await h.ImportFileAsync(corpus.ExifJpeg, "x.jpg")).PhotoId!.Value;

        var thumb = await h.Media.GetAsync(id, MediaKind.Thumbnail, CancellationToken.None);
        var original = await h.Media.GetAsync(id, MediaKind.Original, CancellationToken.None);

        Assert.Equal("image/webp", thumb!.ContentType);
        Assert.EndsWith(".webp", thumb.FullPath);
        Assert.Equal("image/jpeg", original!.ContentType);
        Assert.Equal("x.jpg", original.DownloadName);
        Assert.NotEqual(thumb.ETag, original.ETag);
        Assert.Null(await h.Media.GetAsync(Guid.CreateVersion7(), MediaKind.Original, CancellationToken.None));
    }

    private async Task<Guid> AddToAlbumAsync(IReadOnlyList<Guid> photoIds)
    {
        await using var db = Database.CreateDbContext();
        var album = new Album { Title = "Trip", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Albums.Add(album);
        db.AlbumPhotos.AddRange(photoIds.Select((id, i) => new AlbumPhoto { AlbumId = album.Id, PhotoId = id, Position = i, AddedAt = DateTime.UtcNow }));
        await db.SaveChangesAsync();
        return album.Id;
    }

    /// <summary>Rows only (no files): every third generated, every seventh trashed, every nth sharing a sort key.</summary>
    private async Task<List<Photo>> SeedRowsAsync(int count, int sameKeyEvery)
    {
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var photos = Enumerable.Range(0, count).Select(i =>
        {
            var p = PersistenceTests.NewPhoto($"p{i}.jpg", start.AddHours(sameKeyEvery > 0 && i % sameKeyEvery == 0 ? 0 : i * 7 % count));
            p.CreatedAt = start.AddMinutes(i);
            p.IsGenerated = i % 3 == 0;
            p.DeletedAt = i % 7 == 6 ? start : null;
            return p;
        }).ToList();
        await using var db = Database.CreateDbContext();
        db.Photos.AddRange(photos);
        await db.SaveChangesAsync();
        return photos;
    }
}

public sealed class SqlitePhotoLibraryTests(ImageCorpus corpus) : PhotoLibraryTests(null, corpus);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPhotoLibraryTests(PostgresServer postgres, ImageCorpus corpus) : PhotoLibraryTests(postgres, corpus);
