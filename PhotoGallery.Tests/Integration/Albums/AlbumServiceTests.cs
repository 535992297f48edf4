using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PhotoGallery.Core.Albums;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Photos;
using PhotoGallery.Tests.Integration.Persistence;
using PhotoGallery.Tests.Integration.Photos;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Integration.Albums;

/// <summary>Album ordering, membership, cover and the trash interplay on a real database; run on both providers.</summary>
public abstract class AlbumServiceTests(PostgresServer? postgres, ImageCorpus corpus) : DatabaseTestBase(postgres), IClassFixture<ImageCorpus>
{
    [Fact]
    public async Task AddPhotos_NewAndAlreadyPresent_AppendsOnlyNewInGivenOrder()
    {
        var (albums, photos) = await SeedAsync(4);
        var album = await albums.CreateAsync("  Summer  ", "At the sea", CancellationToken.None);
        await albums.AddPhotosAsync(album, [photos[2], photos[0]], CancellationToken.None);

        var added = await albums.AddPhotosAsync(album, [photos[0], photos[3], photos[3], Guid.CreateVersion7()], CancellationToken.None);

        Assert.Equal(1, added);
        Assert.Equal([photos[2], photos[0], photos[3]], (await albums.GetPhotosAsync(album, CancellationToken.None)).Select(t => t.Id));
        var summary = (await albums.GetAsync(album, CancellationToken.None))!;
        Assert.Equal("Summer", summary.Title);
        Assert.Equal(3, summary.PhotoCount);
    }

    [Fact]
    public async Task AddPhotos_SamePhotoInTwoAlbums_IsInBoth()
    {
        var (albums, photos) = await SeedAsync(1);
        var a = await albums.CreateAsync("A", null, CancellationToken.None);
        var b = await albums.CreateAsync("B", null, CancellationToken.None);

        await albums.AddPhotosAsync(a, [photos[0]], CancellationToken.None);
        await albums.AddPhotosAsync(b, [photos[0]], CancellationToken.None);

        Assert.Single(await albums.GetPhotosAsync(a, CancellationToken.None));
        Assert.Single(await albums.GetPhotosAsync(b, CancellationToken.None));
    }

    [Theory]
    [InlineData(0, 3, new[] { 1, 2, 3, 0 })]
    [InlineData(3, 0, new[] { 3, 0, 1, 2 })]
    [InlineData(1, 2, new[] { 0, 2, 1, 3 })]
    [InlineData(2, 99, new[] { 0, 1, 3, 2 })]
    public async Task Move_PhotoToIndex_PersistsNewOrder(int from, int to, int[] expected)
    {
        var (albums, photos) = await SeedAsync(4);
        var album = await albums.CreateAsync("Trip", null, CancellationToken.None);
        await albums.AddPhotosAsync(album, photos, CancellationToken.None);

        await albums.MoveAsync(album, photos[from], to, CancellationToken.None);

        Assert.Equal(expected.Select(i => photos[i]), (await albums.GetPhotosAsync(album, CancellationToken.None)).Select(t => t.Id));
        await using var db = Database.CreateDbContext();
        Assert.Equal([0, 1, 2, 3], await db.AlbumPhotos.Where(ap => ap.AlbumId == album).OrderBy(ap => ap.Position).Select(ap => ap.Position).ToListAsync());
    }

    [Fact]
    public async Task TrashAndRestore_PhotoInAlbum_DisappearsThenReturnsToItsPlace()
    {
        using var h = new PhotoServicesHarness(Database);
        var albums = CreateService();
        var ids = new List<Guid>();
        foreach (var file in new[] { corpus.SmallJpeg, corpus.Png, corpus.LossyWebP })
            ids.Add((await h.ImportFileAsync(file)).PhotoId!.Value);
        var album = await albums.CreateAsync("Trip", null, CancellationToken.None);
        await albums.AddPhotosAsync(album, ids, CancellationToken.None);

        await h.Trash.DeleteAsync([ids[1]], CancellationToken.None);
        Assert.Equal([ids[0], ids[2]], (await albums.GetPhotosAsync(album, CancellationToken.None)).Select(t => t.Id));
        Assert.Equal(2, (await albums.GetAsync(album, CancellationToken.None))!.PhotoCount);
        await albums.MoveAsync(album, ids[2], 0, CancellationToken.None);
        await h.Trash.RestoreAsync([ids[1]], CancellationToken.None);

        Assert.Equal([ids[2], ids[0], ids[1]], (await albums.GetPhotosAsync(album, CancellationToken.None)).Select(t => t.Id));
    }

    [Fact]
    public async Task Cover_ChosenThenTrashed_FallsBackToFirstPhoto()
    {
        using var h = new PhotoServicesHarness(Database);
        var albums = CreateService();
        var first = (await h.ImportFileAsync(corpus.SmallJpeg)).PhotoId!.Value;
        var second = (await h.ImportFileAsync(corpus.Png)).PhotoId!.Value;
        var album = await albums.CreateAsync("Trip", null, CancellationToken.None);
        await albums.AddPhotosAsync(album, [first, second], CancellationToken.None);
        Assert.Equal(first, (await albums.GetAsync(album, CancellationToken.None))!.CoverPhotoId);

        await albums.SetCoverAsync(album, second, CancellationToken.None);
        Assert.Equal(second, (await albums.GetAsync(album, CancellationToken.None))!.CoverPhotoId);
        await h.Trash.DeleteAsync([second], CancellationToken.None);

        var summary = (await albums.GetAsync(album, CancellationToken.None))!;
        Assert.Equal(first, summary.CoverPhotoId);
        Assert.False(summary.CoverChosen);
    }

    [Fact]
    public async Task SetCover_PhotoNotInAlbum_IsRefused()
    {
        var (albums, photos) = await SeedAsync(2);
        var album = await albums.CreateAsync("Trip", null, CancellationToken.None);
        await albums.AddPhotosAsync(album, [photos[0]], CancellationToken.None);

        var ex = await Assert.ThrowsAsync<UserFacingException>(() => albums.SetCoverAsync(album, photos[1], CancellationToken.None));

        Assert.Contains("cover", ex.Message);
    }

    [Fact]
    public async Task Delete_AlbumWithPhotos_KeepsThePhotosInTheLibrary()
    {
        var (albums, photos) = await SeedAsync(3);
        var album = await albums.CreateAsync("Trip", null, CancellationToken.None);
        await albums.AddPhotosAsync(album, photos, CancellationToken.None);

        await albums.DeleteAsync(album, CancellationToken.None);

        Assert.Empty(await albums.ListAsync(AlbumSort.Name, CancellationToken.None));
        await using var db = Database.CreateDbContext();
        Assert.Equal(3, await db.Photos.CountAsync());
        Assert.Equal(0, await db.AlbumPhotos.CountAsync());
    }

    [Fact]
    public async Task RemovePhotos_FromMiddle_ClosesUpPositionsAndClearsCover()
    {
        var (albums, photos) = await SeedAsync(3);
        var album = await albums.CreateAsync("Trip", null, CancellationToken.None);
        await albums.AddPhotosAsync(album, photos, CancellationToken.None);
        await albums.SetCoverAsync(album, photos[1], CancellationToken.None);

        var removed = await albums.RemovePhotosAsync(album, [photos[1]], CancellationToken.None);

        Assert.Equal(1, removed);
        await using var db = Database.CreateDbContext();
        Assert.Equal([(photos[0], 0), (photos[2], 1)],
            (await db.AlbumPhotos.Where(ap => ap.AlbumId == album).OrderBy(ap => ap.Position).ToListAsync()).Select(ap => (ap.PhotoId, ap.Position)));
        Assert.Null((await db.Albums.SingleAsync()).CoverPhotoId);
    }

    [Fact]
    public async Task List_SortedByNameDateOrChange_OrdersAlbumsWithCountAndRange()
    {
        var (albums, photos) = await SeedAsync(3);
        var zoo = await albums.CreateAsync("zoo", null, CancellationToken.None);
        var beach = await albums.CreateAsync("Beach", null, CancellationToken.None);
        await albums.AddPhotosAsync(zoo, [photos[0]], CancellationToken.None);
        await albums.AddPhotosAsync(beach, [photos[1], photos[2]], CancellationToken.None);
        await albums.UpdateAsync(zoo, "Zoo", "animals", CancellationToken.None);

        Assert.Equal(["Beach", "Zoo"], (await albums.ListAsync(AlbumSort.Name, CancellationToken.None)).Select(a => a.Title));
        Assert.Equal("Zoo", (await albums.ListAsync(AlbumSort.RecentlyChanged, CancellationToken.None))[0].Title);
        var byDate = await albums.ListAsync(AlbumSort.Date, CancellationToken.None);
        Assert.Equal("Beach", byDate[0].Title);
        Assert.Equal(2, byDate[0].PhotoCount);
        Assert.True(byDate[0].From < byDate[0].To);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    public async Task Create_BlankTitle_IsRefusedWithMessage(string title)
    {
        var ex = await Assert.ThrowsAsync<UserFacingException>(() => CreateService().CreateAsync(title, null, CancellationToken.None));

        Assert.Equal("An album needs a name.", ex.Message);
    }

    private AlbumService CreateService() => new(Database, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) }, NullLogger<AlbumService>.Instance);

    private async Task<(AlbumService Albums, List<Guid> Photos)> SeedAsync(int count)
    {
        var photos = Enumerable.Range(0, count).Select(i => PersistenceTests.NewPhoto($"p{i}.jpg", new DateTime(2024, 1, 1 + i, 0, 0, 0, DateTimeKind.Utc))).ToList();
        await using var db = Database.CreateDbContext();
        db.Photos.AddRange(photos);
        await db.SaveChangesAsync();
        return (CreateService(), photos.Select(p => p.Id).ToList());
    }
}

public sealed class SqliteAlbumServiceTests(ImageCorpus corpus) : AlbumServiceTests(null, corpus);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAlbumServiceTests(PostgresServer postgres, ImageCorpus corpus) : AlbumServiceTests(postgres, corpus);
