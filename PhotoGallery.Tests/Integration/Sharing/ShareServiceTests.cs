using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Photos;
using PhotoGallery.Core.Sharing;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Integration.Sharing;

/// <summary>Creating, resolving, editing and revoking share links on a real database; run on both providers.</summary>
public abstract partial class ShareServiceTests(PostgresServer? postgres, ImageCorpus corpus) : DatabaseTestBase(postgres), IClassFixture<ImageCorpus>
{
    [Fact]
    public async Task CreateAsync_ManyLinks_TokensAre43UrlSafeCharactersAndAllDifferent()
    {
        using var h = new SharingHarness(Database);
        var photos = await h.SeedPhotosAsync(1);

        var tokens = new List<string>();
        for (var i = 0; i < 40; i++)
            tokens.Add((await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos(photos), CancellationToken.None)).Token);

        Assert.All(tokens, t => Assert.Matches(TokenRegex(), t));
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(32, Convert.FromBase64String(tokens[0].Replace('-', '+').Replace('_', '/') + "=").Length);
    }

    [Fact]
    public async Task CreateAsync_TokenCollidesWithExistingLink_RetriesAndStoresANewToken()
    {
        var taken = ShareTokens.Create();
        var fresh = ShareTokens.Create();
        var sequence = new Queue<string>([taken, taken, fresh]);
        using var h = new SharingHarness(Database, () => sequence.Dequeue());
        var photos = await h.SeedPhotosAsync(1);
        await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos(photos), CancellationToken.None);

        var second = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos(photos), CancellationToken.None);

        Assert.Equal(fresh, second.Token);
        Assert.Equal(2, (await h.Shares.ListAsync(CancellationToken.None)).Count);
    }

    [Theory]
    [InlineData(ShareExpiry.ThirtyMinutes, 30)]
    [InlineData(ShareExpiry.OneHour, 60)]
    [InlineData(ShareExpiry.SixHours, 6 * 60)]
    [InlineData(ShareExpiry.OneDay, 24 * 60)]
    [InlineData(ShareExpiry.SevenDays, 7 * 24 * 60)]
    [InlineData(ShareExpiry.ThirtyDays, 30 * 24 * 60)]
    [InlineData(ShareExpiry.ThreeMonths, 90 * 24 * 60)] // 2026-11-25 + 3 months = 2027-02-25: 92 days, checked below
    [InlineData(ShareExpiry.OneYear, 365 * 24 * 60)]
    public async Task CreateAsync_ExpiryChoice_OpenUntilThenAnswersNothing(ShareExpiry expiry, int approximateMinutes)
    {
        using var h = new SharingHarness(Database);
        var photos = await h.SeedPhotosAsync(1);
        var now = h.Photos.Clock.GetUtcNow().UtcDateTime;

        var link = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos(photos) with { Expiry = expiry }, CancellationToken.None);

        var expected = expiry switch
        {
            ShareExpiry.ThreeMonths => now.AddMonths(3),
            ShareExpiry.OneYear => now.AddYears(1),
            _ => now.AddMinutes(approximateMinutes),
        };
        Assert.Equal(expected, link.ExpiresAt);
        h.Photos.Clock.Advance(expected - now - TimeSpan.FromSeconds(1));
        Assert.NotNull(await h.Public.FindAsync(link.Token, CancellationToken.None));
        h.Photos.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await h.Public.FindAsync(link.Token, CancellationToken.None));
        Assert.Equal(ShareLinkStatus.Expired, (await h.Shares.GetAsync(link.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task CreateAsync_DefaultAndNever_ThirtyDaysByDefaultAndNoExpiryForNever()
    {
        using var h = new SharingHarness(Database);
        var photos = await h.SeedPhotosAsync(1);
        var now = h.Photos.Clock.GetUtcNow().UtcDateTime;

        var byDefault = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos(photos), CancellationToken.None);
        var never = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos(photos) with { Expiry = ShareExpiry.Never }, CancellationToken.None);
        h.Photos.Clock.Advance(TimeSpan.FromDays(3650));

        Assert.Equal(now.AddDays(30), byDefault.ExpiresAt);
        Assert.Null(never.ExpiresAt);
        Assert.NotNull(await h.Public.FindAsync(never.Token, CancellationToken.None));
    }

    [Fact]
    public async Task RevokeAsync_OpenLink_TokenStopsResolvingAndListShowsItRevoked()
    {
        using var h = new SharingHarness(Database);
        var photos = await h.SeedPhotosAsync(2);
        var link = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos(photos), CancellationToken.None);

        Assert.True(await h.Shares.RevokeAsync(link.Id, CancellationToken.None));

        Assert.Null(await h.Public.FindAsync(link.Token, CancellationToken.None));
        Assert.Null(await h.MediaAsync(link.Token, photos[0], MediaKind.Thumbnail));
        var listed = Assert.Single(await h.Shares.ListAsync(CancellationToken.None));
        Assert.Equal(ShareLinkStatus.Revoked, listed.Status);
        Assert.NotNull(listed.RevokedAt);
        await Assert.ThrowsAsync<UserFacingException>(() => h.Shares.UpdateAsync(link.Id,
            new ShareLinkUpdate(ShareExpiry.Never, PasswordChange.Keep, null, true, true, null), CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_WithPassword_StoresASaltedHashAndOpensOnlyWithTheRightPassword()
    {
        using var h = new SharingHarness(Database);
        var photos = await h.SeedPhotosAsync(1);
        const string password = "correct horse battery";

        var first = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos(photos) with { Password = password }, CancellationToken.None);
        var second = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos(photos) with { Password = password }, CancellationToken.None);

        await using (var db = Database.CreateDbContext())
        {
            var hashes = await db.ShareLinks.Select(l => l.PasswordHash!).ToListAsync();
            Assert.All(hashes, hash => Assert.DoesNotContain(password, hash));
            Assert.All(hashes, hash => Assert.StartsWith("v1.", hash));
            Assert.NotEqual(hashes[0], hashes[1]); // a random salt per link
        }
        Assert.True(first.HasPassword);
        var link = await h.OpenAsync(first.Token);
        Assert.True(link.RequiresPassword);
        Assert.False(h.Public.CanOpen(link, null));
        Assert.Null(h.Public.Unlock(link, "wrong password"));
        var grant = h.Public.Unlock(link, password);
        Assert.NotNull(grant);
        Assert.DoesNotContain(password, grant);
        Assert.True(h.Public.CanOpen(link, grant));
        Assert.False(h.Public.CanOpen(await h.OpenAsync(second.Token), grant)); // a cookie opens its own link only
    }

    [Fact]
    public async Task UpdateAsync_PasswordChanged_EarlierAccessCookieStopsWorking()
    {
        using var h = new SharingHarness(Database);
        var photos = await h.SeedPhotosAsync(1);
        var created = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos(photos) with { Password = "first secret" }, CancellationToken.None);
        var grant = h.Public.Unlock(await h.OpenAsync(created.Token), "first secret");

        await h.Shares.UpdateAsync(created.Id, new ShareLinkUpdate(null, PasswordChange.Set, "second secret", true, false, null), CancellationToken.None);

        var link = await h.OpenAsync(created.Token);
        Assert.False(h.Public.CanOpen(link, grant));
        Assert.Null(await h.MediaAsync(created.Token, photos[0], MediaKind.Thumbnail, grant));
        Assert.Null(h.Public.Unlock(link, "first secret"));
        Assert.NotNull(h.Public.Unlock(link, "second secret"));

        await h.Shares.UpdateAsync(created.Id, new ShareLinkUpdate(null, PasswordChange.Remove, null, true, false, null), CancellationToken.None);
        Assert.True(h.Public.CanOpen(await h.OpenAsync(created.Token), null));
    }

    [Fact]
    public async Task GetPhotosAsync_AlbumLink_FollowsTheAlbumsOrderAndContentsAndHidesTrashedPhotos()
    {
        using var h = new SharingHarness(Database);
        var p = await h.SeedPhotosAsync(5);
        var album = await h.CreateAlbumAsync("Iceland", [p[0], p[1], p[2]]);
        var link = await h.Shares.CreateAsync(ShareLinkRequest.ForAlbum(album), CancellationToken.None);
        Assert.Equal([p[0], p[1], p[2]], await h.VisiblePhotoIdsAsync(link.Token));

        await h.SetAlbumPhotosAsync(album, [p[3], p[2], p[0], p[1]]);
        await h.Photos.Trash.DeleteAsync([p[0]], CancellationToken.None);

        Assert.Equal([p[3], p[2], p[1]], await h.VisiblePhotoIdsAsync(link.Token));
        Assert.Null(await h.MediaAsync(link.Token, p[0], MediaKind.Thumbnail));
        var summary = (await h.Shares.GetAsync(link.Id, CancellationToken.None))!;
        Assert.Equal("Iceland", summary.Target);
        Assert.Equal(3, summary.PhotoCount);
        Assert.Equal("Iceland", (await h.OpenAsync(link.Token)).Title);

        await h.Photos.Trash.RestoreAsync([p[0]], CancellationToken.None);
        Assert.Equal([p[3], p[2], p[0], p[1]], await h.VisiblePhotoIdsAsync(link.Token));
    }

    [Fact]
    public async Task GetMediaAsync_SelectionLink_ServesItsPhotosAndNothingElse()
    {
        using var h = new SharingHarness(Database);
        var inside = (await h.Photos.ImportFileAsync(corpus.ExifJpeg, "inside.jpg")).PhotoId!.Value;
        var outside = (await h.Photos.ImportFileAsync(corpus.Png, "outside.png")).PhotoId!.Value;
        var album = await h.CreateAlbumAsync("Other", [outside]);
        var link = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos([inside]), CancellationToken.None);
        var albumLink = await h.Shares.CreateAsync(ShareLinkRequest.ForAlbum(album), CancellationToken.None);

        Assert.Equal([inside], await h.VisiblePhotoIdsAsync(link.Token));
        Assert.NotNull(await h.MediaAsync(link.Token, inside, MediaKind.Thumbnail));
        Assert.NotNull(await h.MediaAsync(link.Token, inside, MediaKind.Preview));
        Assert.Null(await h.MediaAsync(link.Token, outside, MediaKind.Thumbnail));
        Assert.Null(await h.MediaAsync(link.Token, outside, MediaKind.Preview));
        Assert.Null(await h.MediaAsync(albumLink.Token, inside, MediaKind.Thumbnail));
        Assert.Null(await h.MediaAsync(link.Token[..^1] + (link.Token[^1] == 'A' ? 'B' : 'A'), inside, MediaKind.Thumbnail));
        Assert.Equal("1 photo", (await h.Shares.GetAsync(link.Id, CancellationToken.None))!.Target);
    }

    [Fact]
    public async Task GetMediaAsync_DownloadAndMetadataOptions_DecideWhetherOriginalsAreServed()
    {
        using var h = new SharingHarness(Database);
        var id = (await h.Photos.ImportFileAsync(corpus.ExifJpeg, "beach.jpg")).PhotoId!.Value;
        var noDownload = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos([id]) with { AllowDownload = false }, CancellationToken.None);
        var download = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos([id]) with { AllowDownload = true }, CancellationToken.None);
        var hidden = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos([id]) with { AllowDownload = true, ShowMetadata = false }, CancellationToken.None);

        Assert.Null(await h.MediaAsync(noDownload.Token, id, MediaKind.Original));
        Assert.NotNull(await h.MediaAsync(download.Token, id, MediaKind.Original));
        Assert.Null(await h.MediaAsync(hidden.Token, id, MediaKind.Original));
        Assert.False(hidden.AllowDownload);
        Assert.Null(await h.Public.GetOriginalsAsync(noDownload.Token, null, CancellationToken.None));
        Assert.Single((await h.Public.GetOriginalsAsync(download.Token, null, CancellationToken.None))!);
    }

    [Fact]
    public async Task GetPhotosAsync_MetadataHidden_NamesCameraAndDatesTakenAreLeftOut()
    {
        using var h = new SharingHarness(Database);
        var photos = await h.SeedPhotosAsync(2);
        var shown = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos(photos), CancellationToken.None);
        var hidden = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos(photos) with { ShowMetadata = false }, CancellationToken.None);

        var withMetadata = await h.Public.GetPhotosAsync(await h.OpenAsync(shown.Token), CancellationToken.None);
        var without = await h.Public.GetPhotosAsync(await h.OpenAsync(hidden.Token), CancellationToken.None);

        Assert.Equal("p0.jpg", withMetadata[0].FileName);
        Assert.Equal("Canon", withMetadata[0].CameraMake);
        Assert.All(without, p => Assert.True(p.FileName is null && p.CameraMake is null && p.CameraModel is null && p.TakenAt is null && p.Prompt is null));
    }

    [Theory]
    [InlineData("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("Twitterbot/1.0")]
    [InlineData("Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)")]
    [InlineData("WhatsApp/2.23.20.0 A")]
    [InlineData("TelegramBot (like TwitterBot)")]
    [InlineData("LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)")]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    public async Task RecordViewAsync_LinkPreviewBot_IsNotCounted(string userAgent)
    {
        using var h = new SharingHarness(Database);
        var created = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos(await h.SeedPhotosAsync(1)), CancellationToken.None);
        var link = await h.OpenAsync(created.Token);

        var counted = await h.Public.RecordViewAsync(link, userAgent, CancellationToken.None);

        Assert.False(counted);
        var summary = (await h.Shares.GetAsync(created.Id, CancellationToken.None))!;
        Assert.Equal(0, summary.ViewCount);
        Assert.Null(summary.LastViewedAt);
    }

    [Fact]
    public async Task RecordViewAsync_BrowsersAndBotsMixed_CountsOnlyTheBrowsersAndKeepsTheLastTime()
    {
        using var h = new SharingHarness(Database);
        var created = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos(await h.SeedPhotosAsync(1)), CancellationToken.None);
        var link = await h.OpenAsync(created.Token);
        const string Chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
        const string Iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

        await h.Public.RecordViewAsync(link, Chrome, CancellationToken.None);
        h.Photos.Clock.Advance(TimeSpan.FromMinutes(5));
        await h.Public.RecordViewAsync(link, "Twitterbot/1.0", CancellationToken.None);
        await h.Public.RecordViewAsync(link, Iphone, CancellationToken.None);
        await h.Public.RecordViewAsync(link, "Discordbot/2.0", CancellationToken.None);

        var summary = (await h.Shares.GetAsync(created.Id, CancellationToken.None))!;
        Assert.Equal(2, summary.ViewCount);
        Assert.Equal(h.Photos.Clock.GetUtcNow().UtcDateTime, summary.LastViewedAt);
    }

    [Fact]
    public async Task CreateAsync_InvalidRequests_ThrowClearUserFacingMessages()
    {
        using var h = new SharingHarness(Database);
        var photos = await h.SeedPhotosAsync(3);
        await h.Photos.Trash.DeleteAsync([photos[2]], CancellationToken.None);

        async Task<string> Rejected(ShareLinkRequest request) =>
            (await Assert.ThrowsAsync<UserFacingException>(() => h.Shares.CreateAsync(request, CancellationToken.None))).Message;

        Assert.Equal("Choose at least one photo to share.", await Rejected(ShareLinkRequest.ForPhotos([])));
        Assert.Contains("no longer in the library", await Rejected(ShareLinkRequest.ForPhotos(photos)));
        Assert.Contains("no longer in the library", await Rejected(ShareLinkRequest.ForPhotos([Guid.CreateVersion7()])));
        Assert.Equal("That album no longer exists.", await Rejected(ShareLinkRequest.ForAlbum(Guid.CreateVersion7())));
        Assert.Contains("too short", await Rejected(ShareLinkRequest.ForPhotos([photos[0]]) with { Password = "abc" }));
        Assert.Contains("too long", await Rejected(ShareLinkRequest.ForPhotos([photos[0]]) with { Description = new string('x', 4001) }));
        Assert.Empty(await h.Shares.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_NewOptions_AreStoredAndExpiryCountsFromNow()
    {
        using var h = new SharingHarness(Database);
        var created = await h.Shares.CreateAsync(ShareLinkRequest.ForPhotos(await h.SeedPhotosAsync(2)) with { Expiry = ShareExpiry.OneHour }, CancellationToken.None);
        h.Photos.Clock.Advance(TimeSpan.FromMinutes(50));

        var updated = await h.Shares.UpdateAsync(created.Id,
            new ShareLinkUpdate(ShareExpiry.OneDay, PasswordChange.Keep, null, ShowMetadata: false, AllowDownload: true, "  Our trip  "), CancellationToken.None);

        Assert.Equal(h.Photos.Clock.GetUtcNow().UtcDateTime.AddDays(1), updated.ExpiresAt);
        Assert.False(updated.ShowMetadata);
        Assert.False(updated.AllowDownload); // hidden metadata means no originals
        Assert.Equal("Our trip", updated.Description);
        Assert.Equal("2 photos", updated.Target);
        Assert.Equal("Our trip", (await h.OpenAsync(created.Token)).Description);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("../../../../../../../../../../../../gallery.db")]
    public async Task FindAsync_MalformedOrUnknownToken_ReturnsNull(string token)
    {
        using var h = new SharingHarness(Database);

        Assert.Null(await h.Public.FindAsync(token, CancellationToken.None));
        Assert.Null(await h.Public.FindAsync(ShareTokens.Create(), CancellationToken.None));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex TokenRegex();
}

public sealed class SqliteShareServiceTests(ImageCorpus corpus) : ShareServiceTests(null, corpus);

[Collection(PostgresCollection.Name)]
public sealed class PostgresShareServiceTests(PostgresServer postgres, ImageCorpus corpus) : ShareServiceTests(postgres, corpus);
