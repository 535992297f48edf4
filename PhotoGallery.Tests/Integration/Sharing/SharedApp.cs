using System.Net;
using Microsoft.EntityFrameworkCore;
using PhotoGallery.Core.Sharing;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Integration.Sharing;

/// <summary>
/// The real app over a data root seeded through the upload pipeline with photos, an album and share links of every
/// kind (open, album, metadata hidden, password, revoked, expired).
/// </summary>
public sealed class SharedApp : IAsyncLifetime
{
    public const string Password = "open sesame 42";
    public const string OtherPassword = "another secret";

    private readonly string _root = RepoPaths.NewTempDirectory("pg-share");
    private GalleryAppProcess? _app;

    public ImageCorpus Corpus { get; } = new();

    public string DataRoot => _root;

    public string BaseUrl => _app?.BaseUrl ?? throw new InvalidOperationException("not started");

    /// <summary>No cookies, no redirects followed: an anonymous client.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>In the open selection, the album and the password links.</summary>
    public Guid Beach { get; private set; }

    /// <summary>In the album and the password link only.</summary>
    public Guid Tower { get; private set; }

    /// <summary>In no link.</summary>
    public Guid Outside { get; private set; }

    /// <summary>In the album, but in Trash.</summary>
    public Guid Trashed { get; private set; }

    public ShareLinkSummary Open { get; private set; } = null!;
    public ShareLinkSummary Album { get; private set; } = null!;
    public ShareLinkSummary Hidden { get; private set; } = null!;
    public ShareLinkSummary Protected { get; private set; } = null!;
    public ShareLinkSummary OtherProtected { get; private set; } = null!;
    public ShareLinkSummary Revoked { get; private set; } = null!;
    public ShareLinkSummary Expired { get; private set; } = null!;

    public IReadOnlyList<Guid> AllPhotos => [Beach, Tower, Outside, Trashed];

    public async Task InitializeAsync()
    {
        await using (var database = await TestDatabase.CreateSqliteAsync(Path.Combine(_root, "gallery.db")))
        {
            using var h = new SharingHarness(database, root: _root, clock: TimeProvider.System);
            Beach = (await h.Photos.ImportFileAsync(Corpus.ExifJpeg, "beach day.jpg")).PhotoId!.Value;
            Tower = (await h.Photos.ImportFileAsync(Corpus.Png, "tower.png")).PhotoId!.Value;
            Outside = (await h.Photos.ImportFileAsync(Corpus.LossyWebP, "private.webp")).PhotoId!.Value;
            Trashed = (await h.Photos.ImportFileAsync(Corpus.RotatedJpeg, "binned.jpg")).PhotoId!.Value;
            var album = await h.CreateAlbumAsync("Summer", [Tower, Beach, Trashed]);
            await h.Photos.Trash.DeleteAsync([Trashed], CancellationToken.None);

            var never = ShareExpiry.Never;
            Open = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos([Beach]) with { Expiry = never, AllowDownload = true }, CancellationToken.None);
            Album = await h.Shares.CreateAsync(ShareLinkRequest.ForAlbum(album) with { Expiry = never, Description = "Our summer" }, CancellationToken.None);
            Hidden = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos([Beach]) with { Expiry = never, ShowMetadata = false, AllowDownload = true }, CancellationToken.None);
            Protected = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos([Beach, Tower]) with { Expiry = never, Password = Password, AllowDownload = true }, CancellationToken.None);
            OtherProtected = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos([Outside]) with { Expiry = never, Password = OtherPassword }, CancellationToken.None);
            Revoked = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos([Beach]) with { Expiry = never }, CancellationToken.None);
            await h.Shares.RevokeAsync(Revoked.Id, CancellationToken.None);
            Expired = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos([Beach]) with { Expiry = ShareExpiry.ThirtyMinutes }, CancellationToken.None);
            await using var db = database.CreateDbContext();
            var past = DateTime.UtcNow.AddMinutes(-1);
            await db.ShareLinks.Where(l => l.Id == Expired.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, past));
        }
        _app = await GalleryAppProcess.StartAsync(_root);
        Http = NewVisitor();
    }

    /// <summary>A client with its own cookie jar (a fresh visitor); redirects are not followed.</summary>
    public HttpClient NewVisitor() =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = new Uri(BaseUrl),
        };

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
        Corpus.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
