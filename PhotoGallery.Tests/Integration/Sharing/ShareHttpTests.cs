using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using PhotoGallery.Core.Sharing;

namespace PhotoGallery.Tests.Integration.Sharing;

/// <summary>The public share routes of the real app over loopback HTTP, as an anonymous visitor (or an attacker) meets them.</summary>
public sealed partial class ShareHttpTests(SharedApp app) : IClassFixture<SharedApp>
{
    private static readonly string[] Kinds = ["thumbnail", "preview", "original"];

    [Fact]
    public async Task Page_TenThousandRandomTokens_AllAnswerTheSame404AsRevokedAndExpiredLinks()
    {
        var (revokedStatus, revokedBody) = await GetAsync($"/s/{app.Revoked.Token}");
        var (expiredStatus, expiredBody) = await GetAsync($"/s/{app.Expired.Token}");
        Assert.Equal(HttpStatusCode.NotFound, revokedStatus);
        Assert.Equal(HttpStatusCode.NotFound, expiredStatus);
        Assert.Equal(revokedBody, expiredBody);
        Assert.Contains("This link is not available", revokedBody);
        Assert.DoesNotContain("blazor.web.js", revokedBody); // static: no circuit for a visitor

        var tokens = Enumerable.Range(0, 10_000).Select(i => i % 10 == 9 ? "x" + i : ShareTokens.Create()).ToList();
        var answers = new System.Collections.Concurrent.ConcurrentBag<(HttpStatusCode Status, string Body)>();
        await Parallel.ForEachAsync(tokens, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (token, ct) =>
        {
            using var response = await app.Http.GetAsync($"/s/{token}", ct);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(ct)));
        });

        Assert.Equal(10_000, answers.Count);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.Status));
        Assert.Equal([revokedBody], answers.Select(a => a.Body).Distinct());
    }

    [Fact]
    public async Task Media_ValidTokenWithOtherPhotoIds_Answers404ForEveryKind()
    {
        foreach (var kind in Kinds)
        {
            // The album link covers Tower and Beach; Outside is in no link, Trashed is in the album but in Trash.
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{app.Album.Token}/media/{app.Outside}/{kind}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{app.Album.Token}/media/{app.Trashed}/{kind}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{app.Album.Token}/media/{Guid.CreateVersion7()}/{kind}")).Status);
            // The open selection covers Beach only.
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{app.Open.Token}/media/{app.Tower}/{kind}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{app.Open.Token}/media/{app.Outside}/{kind}")).Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/s/{app.Album.Token}/media/{app.Tower}/thumbnail")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/s/{app.Open.Token}/media/{app.Beach}/preview")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{app.Album.Token}/p/{app.Outside}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{app.Album.Token}/media/..%2f..%2fgallery.db/original")).Status);
    }

    [Fact]
    public async Task Page_AlbumLink_ShowsOnlyItsLivePhotosAndNoOtherIds()
    {
        var (status, body) = await GetAsync($"/s/{app.Album.Token}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Summer", body);
        Assert.Contains("Our summer", body);
        Assert.Contains("2 photos", body);
        var ids = GuidRegex().Matches(body).Select(m => Guid.Parse(m.Value)).ToHashSet();
        Assert.Equal([app.Beach, app.Tower], ids.Order());
        Assert.DoesNotContain("data-photo-id", body);
        Assert.True(body.IndexOf(app.Tower.ToString(), StringComparison.Ordinal) < body.IndexOf(app.Beach.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task PhotoPage_OpenLink_ShowsPreviewMetadataAndDownload()
    {
        var (status, body) = await GetAsync($"/s/{app.Open.Token}/p/{app.Beach}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"s/{app.Open.Token}/media/{app.Beach}/preview", body);
        Assert.Contains("beach day.jpg", body);
        Assert.Contains("Canon EOS R5", body);
        Assert.Contains("Download original", body);
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("expired")]
    public async Task RevokedOrExpiredLink_PagePhotoPageAndMedia_All404(string which)
    {
        var token = which == "revoked" ? app.Revoked.Token : app.Expired.Token;

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{token}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{token}/p/{app.Beach}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{token}/download")).Status);
        foreach (var kind in Kinds)
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{token}/media/{app.Beach}/{kind}")).Status);
    }

    [Fact]
    public async Task PasswordLink_BeforeThePassword_ServesNoContentOrMedia_AfterItServesBoth()
    {
        using var visitor = app.NewVisitor();
        var token = app.Protected.Token;

        var (status, locked) = await GetAsync($"/s/{token}", visitor);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("This link is protected", locked);
        Assert.Empty(GuidRegex().Matches(locked));
        foreach (var kind in Kinds)
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{token}/media/{app.Beach}/{kind}", visitor)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{token}/download", visitor)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await GetAsync($"/s/{token}/p/{app.Beach}", visitor)).Status);

        using var wrong = await PostPasswordAsync(visitor, token, locked, "not it");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That password is not right", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{token}/media/{app.Beach}/thumbnail", visitor)).Status);

        using var right = await PostPasswordAsync(visitor, token, locked, SharedApp.Password);
        Assert.True(right.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found, $"got {right.StatusCode}");
        var cookie = Assert.Single(right.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pg_share=", StringComparison.Ordinal));
        Assert.Contains($"path=/s/{token}", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(SharedApp.Password, cookie);

        var (openStatus, open) = await GetAsync($"/s/{token}", visitor);
        Assert.Equal(HttpStatusCode.OK, openStatus);
        Assert.Contains(app.Beach.ToString(), open);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/s/{token}/media/{app.Beach}/thumbnail", visitor)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/s/{token}/media/{app.Tower}/original", visitor)).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/s/{token}/p/{app.Tower}", visitor)).Status);

        // The cookie belongs to this link: another password link stays locked, a fresh visitor stays locked.
        Assert.Contains("This link is protected", (await GetAsync($"/s/{app.OtherProtected.Token}", visitor)).Body);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{app.OtherProtected.Token}/media/{app.Outside}/thumbnail", visitor)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{token}/media/{app.Beach}/thumbnail")).Status);
    }

    [Fact]
    public async Task PasswordLink_MoreThanTenAttemptsAMinute_AreRefusedWith429()
    {
        using var visitor = app.NewVisitor();
        var token = app.OtherProtected.Token;
        var (_, locked) = await GetAsync($"/s/{token}", visitor);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var response = await PostPasswordAsync(visitor, token, locked, "guess " + i);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync($"/s/{token}", visitor)).Status); // reading is not limited
    }

    [Fact]
    public async Task MetadataHiddenLink_ServesThumbnailAndPreviewWithoutExifAndNoOriginal()
    {
        var token = app.Hidden.Token;

        var thumbnail = await GetBytesAsync($"/s/{token}/media/{app.Beach}/thumbnail");
        var preview = await GetBytesAsync($"/s/{token}/media/{app.Beach}/preview");
        var shownOriginal = await GetBytesAsync($"/s/{app.Open.Token}/media/{app.Beach}/original");

        Assert.True(HasExif(shownOriginal), "the uploaded original carries EXIF, so the check below means something");
        Assert.False(HasExif(thumbnail));
        Assert.False(HasExif(preview));
        Assert.Equal(-1, thumbnail.AsSpan().IndexOf("Canon"u8));
        Assert.Equal(-1, preview.AsSpan().IndexOf("Canon"u8));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{token}/media/{app.Beach}/original")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/s/{token}/download")).Status);
        var (_, page) = await GetAsync($"/s/{token}/p/{app.Beach}");
        Assert.DoesNotContain("beach day.jpg", page);
        Assert.DoesNotContain("Canon", page);
        Assert.DoesNotContain("Download", page);
    }

    [Fact]
    public async Task Media_ShareResponses_HavePrivateShortCachingAndRevalidateWith304()
    {
        using var first = await app.Http.GetAsync($"/s/{app.Open.Token}/media/{app.Beach}/thumbnail");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl!.Private);
        Assert.Equal(TimeSpan.FromMinutes(5), first.Headers.CacheControl.MaxAge);
        Assert.Equal("image/webp", first.Content.Headers.ContentType!.MediaType);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/s/{app.Open.Token}/media/{app.Beach}/thumbnail");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task Download_OpenLink_ZipOfTheOriginals()
    {
        var zip = await GetBytesAsync($"/s/{app.Open.Token}/download");

        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        var entry = Assert.Single(archive.Entries);
        Assert.Equal("beach day.jpg", entry.Name);
        Assert.Equal(new FileInfo(app.Corpus.ExifJpeg).Length, entry.Length);
    }

    [Fact]
    public async Task Page_Visits_CountedForBrowsersButNotForLinkPreviewBots()
    {
        var before = await ViewCountAsync(app.Album.Id);
        foreach (var agent in new[] { "Slackbot-LinkExpanding 1.0", "facebookexternalhit/1.1", "Mozilla/5.0 (compatible; Discordbot/2.0)", "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/s/{app.Album.Token}");
            request.Headers.TryAddWithoutValidation("User-Agent", agent);
            using var response = await app.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(before + 1, await ViewCountAsync(app.Album.Id));
    }

    [Fact]
    public async Task Database_PasswordLinks_StoreNoClearTextPassword()
    {
        var files = System.IO.Directory.GetFiles(app.DataRoot, "gallery.db*");

        foreach (var file in files)
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory);
            var text = System.Text.Encoding.Latin1.GetString(memory.ToArray());
            Assert.DoesNotContain(SharedApp.Password, text);
            Assert.DoesNotContain(SharedApp.OtherPassword, text);
        }
        Assert.NotEmpty(files);
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string url, HttpClient? client = null)
    {
        using var response = await (client ?? app.Http).GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<byte[]> GetBytesAsync(string url)
    {
        using var response = await app.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Submits the static password form as a browser would: its hidden fields (antiforgery, handler) plus the password.</summary>
    private static async Task<HttpResponseMessage> PostPasswordAsync(HttpClient visitor, string token, string formHtml, string password)
    {
        var fields = HiddenInputRegex().Matches(formHtml).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        var passwordName = PasswordInputRegex().Match(formHtml).Groups["name"].Value;
        Assert.False(string.IsNullOrEmpty(passwordName), "no password input in the form");
        fields[WebUtility.HtmlDecode(passwordName)] = password;
        return await visitor.PostAsync($"/s/{token}", new FormUrlEncodedContent(fields));
    }

    private async Task<int> ViewCountAsync(Guid linkId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataRoot, "gallery.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"ViewCount\" FROM \"ShareLinks\" WHERE \"Id\" = $id";
        command.Parameters.AddWithValue("$id", linkId.ToString().ToUpperInvariant());
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool HasExif(byte[] image)
    {
        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(image));
        return directories.Any(d => d is ExifIfd0Directory or ExifSubIfdDirectory or MetadataExtractor.Formats.Xmp.XmpDirectory);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidRegex();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInputRegex();

    [GeneratedRegex("<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*type=\"password\"|<input[^>]*type=\"password\"[^>]*name=\"(?<name>[^\"]+)\"")]
    private static partial Regex PasswordInputRegex();
}
