using System.Net;
using System.Net.Http.Headers;
using PhotoGallery.Core.Photos;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Integration.Photos;

/// <summary>The media endpoints of the real app over loopback HTTP, on a data root seeded through the upload pipeline.</summary>
public sealed class MediaEndpointTests(MediaEndpointTests.SeededApp app) : IClassFixture<MediaEndpointTests.SeededApp>
{
    private readonly HttpClient _http = app.Http;
    private readonly ImageCorpus _corpus = app.Corpus;
    private readonly Guid _live = app.Live;
    private readonly Guid _trashed = app.Trashed;

    [Fact]
    public async Task Thumbnail_LivePhoto_IsWebPCachedImmutableAndRevalidatesWith304()
    {
        using var first = await _http.GetAsync($"/media/{_live}/thumbnail");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/webp", first.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", first.Headers.CacheControl!.ToString());
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/{_live}/thumbnail");
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task Original_RangeRequest_AnswersPartialContentOfTheUntouchedBytes()
    {
        var bytes = await File.ReadAllBytesAsync(_corpus.ExifJpeg);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/{_live}/original");
        request.Headers.Range = new RangeHeaderValue(100, 199);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(bytes[100..200], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Original_Download_IsAnAttachmentWithTheUploadedName()
    {
        using var response = await _http.GetAsync($"/media/{_live}/original?download=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("beach day.jpg", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Equal(await File.ReadAllBytesAsync(_corpus.ExifJpeg), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("thumbnail")]
    [InlineData("preview")]
    [InlineData("original")]
    public async Task Media_TrashedOrUnknownPhoto_Answers404(string kind)
    {
        using var trashed = await _http.GetAsync($"/media/{_trashed}/{kind}");
        using var unknown = await _http.GetAsync($"/media/{Guid.CreateVersion7()}/{kind}");

        Assert.Equal(HttpStatusCode.NotFound, trashed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task TrashedThumbnail_ForTheTrashPage_IsServedOnlyForTrashedPhotos()
    {
        using var trashed = await _http.GetAsync($"/media/{_trashed}/trashed-thumbnail");
        using var live = await _http.GetAsync($"/media/{_live}/trashed-thumbnail");

        Assert.Equal(HttpStatusCode.OK, trashed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, live.StatusCode);
    }

    [Theory]
    [InlineData("/media/..%2f..%2fgallery.db/original")]
    [InlineData("/media/not-a-guid/thumbnail")]
    public async Task Media_PathLikeOrMalformedId_Answers404(string url)
    {
        using var response = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>One app over a data root holding a live photo and a trashed one, seeded through the real pipeline.</summary>
    public sealed class SeededApp : IAsyncLifetime
    {
        private readonly string _root = RepoPaths.NewTempDirectory("pg-media");
        private GalleryAppProcess? _app;

        public ImageCorpus Corpus { get; } = new();

        public HttpClient Http { get; private set; } = null!;

        public Guid Live { get; private set; }

        public Guid Trashed { get; private set; }

        public async Task InitializeAsync()
        {
            await using (var database = await TestDatabase.CreateSqliteAsync(Path.Combine(_root, "gallery.db")))
            {
                using var h = new PhotoServicesHarness(database, root: _root);
                Live = (await h.ImportFileAsync(Corpus.ExifJpeg, "beach day.jpg")).PhotoId!.Value;
                Trashed = (await h.ImportFileAsync(Corpus.Png, "gone.png")).PhotoId!.Value;
                await h.Trash.DeleteAsync([Trashed], CancellationToken.None);
            }
            _app = await GalleryAppProcess.StartAsync(_root);
            Http = new HttpClient { BaseAddress = new Uri(_app.BaseUrl) };
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            if (_app is not null)
                await _app.DisposeAsync();
            Corpus.Dispose();
            Directory.Delete(_root, recursive: true);
        }
    }
}
