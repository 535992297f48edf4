using Microsoft.EntityFrameworkCore;
using PhotoGallery.Core.Photos;
using PhotoGallery.Tests.Support;
using SixLabors.ImageSharp;

namespace PhotoGallery.Tests.Integration.Photos;

/// <summary>The upload pipeline on a real database and data root; run on both providers.</summary>
public abstract class PhotoImporterTests(PostgresServer? postgres, ImageCorpus corpus) : DatabaseTestBase(postgres), IClassFixture<ImageCorpus>
{
    [Fact]
    public async Task Import_JpegWithExif_StoresOriginalUnchangedWithThumbnailPreviewAndRow()
    {
        using var h = new PhotoServicesHarness(Database);

        var outcome = await h.ImportFileAsync(corpus.ExifJpeg, "holiday.jpg");

        Assert.Equal(UploadStatus.Stored, outcome.Status);
        await using var db = Database.CreateDbContext();
        var photo = await db.Photos.SingleAsync();
        Assert.Equal(outcome.PhotoId, photo.Id);
        Assert.Equal("holiday.jpg", photo.OriginalFileName);
        Assert.Equal($"photos/uploaded/2023-07-14/{photo.Id}.jpg", photo.StoredPath);
        Assert.Equal(await File.ReadAllBytesAsync(corpus.ExifJpeg), await File.ReadAllBytesAsync(h.Store.GetFullPath(photo.StoredPath)));
        Assert.Equal(new DateTime(2023, 7, 14, 8, 20, 30, DateTimeKind.Utc), photo.TakenAt);
        Assert.Equal(photo.TakenAt, photo.SortKey);
        Assert.Equal(("Canon", "Canon EOS R5"), (photo.CameraMake, photo.CameraModel));
        Assert.Equal((1200, 800), (photo.Width, photo.Height));
        Assert.Equal(new FileInfo(corpus.ExifJpeg).Length, photo.ByteSize);
        Assert.Equal(64, photo.ContentHash.Length);
        using var thumbnail = Image.Load(h.Store.GetFullPath(photo.ThumbnailPath!), out var format);
        Assert.Equal("WEBP", format.Name.ToUpperInvariant());
        Assert.Equal((300, 200), (thumbnail.Width, thumbnail.Height));
        Assert.True(h.Store.Exists(photo.PreviewPath!));
        Assert.Equal(3, h.Files().Count(f => !f.StartsWith("keys", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Import_SameBytesTwice_SecondIsDuplicateOfFirst()
    {
        using var h = new PhotoServicesHarness(Database);
        var first = await h.ImportFileAsync(corpus.Png, "a.png");
        var filesAfterFirst = h.Files();

        var second = await h.ImportFileAsync(corpus.Png, "copy of a.png");

        Assert.Equal(UploadStatus.Duplicate, second.Status);
        Assert.Equal(first.PhotoId, second.PhotoId);
        Assert.Equal("copy of a.png", second.FileName);
        Assert.Equal(filesAfterFirst, h.Files());
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.Photos.CountAsync());
    }

    [Fact]
    public async Task Import_DuplicateOfTrashedPhoto_RestoresIt()
    {
        using var h = new PhotoServicesHarness(Database);
        var first = await h.ImportFileAsync(corpus.Png, "a.png");
        await h.Trash.DeleteAsync([first.PhotoId!.Value], CancellationToken.None);

        var again = await h.ImportFileAsync(corpus.Png, "a.png");

        Assert.Equal(UploadStatus.Duplicate, again.Status);
        Assert.Contains("restored", again.Message);
        Assert.Empty(await h.Trash.ListAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(nameof(ImageCorpus.TruncatedJpeg), "cut-off.jpg", "damaged")]
    [InlineData(nameof(ImageCorpus.TruncatedPng), "cut-off.png", "damaged")]
    [InlineData(nameof(ImageCorpus.Empty), "nothing.jpg", "empty")]
    [InlineData(nameof(ImageCorpus.Text), "notes.jpg", "not")]
    [InlineData(nameof(ImageCorpus.Png), "really-a-png.jpg", "PNG")]
    [InlineData(nameof(ImageCorpus.Bomb), "bomb.png", "50000")]
    [InlineData(nameof(ImageCorpus.Wide), "banner.png", "9000")]
    [InlineData(nameof(ImageCorpus.Tiny), "icon.png", "50")]
    [InlineData(nameof(ImageCorpus.Huge), "huge.jpg", "21 MB")]
    [InlineData(nameof(ImageCorpus.ExifJpeg), "photo.gif", "gif")]
    public async Task Import_BadFile_IsRejectedWithReasonAndLeavesNothing(string file, string name, string reasonPart)
    {
        using var h = new PhotoServicesHarness(Database);
        var before = h.Files();

        var outcome = await h.ImportFileAsync(PathOf(file), name);

        Assert.Equal(UploadStatus.Rejected, outcome.Status);
        Assert.Contains(name, outcome.Message);
        Assert.Contains(reasonPart, outcome.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, h.Files());
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Photos.CountAsync());
    }

    [Fact]
    public async Task Import_HugeFileWithoutDeclaredSize_IsCutOffAndLeavesNothing()
    {
        using var h = new PhotoServicesHarness(Database);
        await using var stream = File.OpenRead(corpus.Huge);

        var outcome = await h.Importer.ImportAsync(stream, "huge.jpg", declaredSize: null, CancellationToken.None);

        Assert.Equal(UploadStatus.Rejected, outcome.Status);
        Assert.Contains("largest accepted upload is 20 MB", outcome.Message);
        Assert.Empty(h.Files());
    }

    [Theory]
    [InlineData("../../etc/passwd.jpg", "passwd.jpg")]
    [InlineData("..\\..\\windows\\evil.jpg", "evil.jpg")]
    [InlineData("Sommer am Strand 🏖️.jpg", "Sommer am Strand 🏖️.jpg")]
    public async Task Import_HostileOrUnicodeName_StoresUnderIdKeepingOnlyTheDisplayName(string name, string expected)
    {
        using var h = new PhotoServicesHarness(Database);

        var outcome = await h.ImportFileAsync(corpus.SmallJpeg, name);

        Assert.Equal(UploadStatus.Stored, outcome.Status);
        await using var db = Database.CreateDbContext();
        var photo = await db.Photos.SingleAsync();
        Assert.Equal(expected, photo.OriginalFileName);
        Assert.Matches(@"^photos/uploaded/\d{4}-\d{2}-\d{2}/[0-9a-f-]{36}\.jpg$", photo.StoredPath);
        Assert.All(h.Files(), f => Assert.StartsWith("photos", f, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(nameof(ImageCorpus.RotatedJpeg), "portrait.jpg", 800, 1200, 200, 300)]
    [InlineData(nameof(ImageCorpus.CmykJpeg), "print.jpg", 400, 300, 300, 225)]
    [InlineData(nameof(ImageCorpus.Png16), "deep.png", 600, 400, 300, 200)]
    [InlineData(nameof(ImageCorpus.LossyWebP), "lossy.webp", 500, 400, 300, 240)]
    [InlineData(nameof(ImageCorpus.Heic), "IMG_0001.heic", 240, 160, 240, 160)]
    public async Task Import_RealWorldFormat_StoresDisplayDimensionsAndUprightThumbnail(string file, string name, int width, int height, int thumbWidth, int thumbHeight)
    {
        using var h = new PhotoServicesHarness(Database);

        var outcome = await h.ImportFileAsync(PathOf(file), name);

        Assert.Equal(UploadStatus.Stored, outcome.Status);
        await using var db = Database.CreateDbContext();
        var photo = await db.Photos.SingleAsync();
        Assert.Equal((width, height), (photo.Width, photo.Height));
        using var thumbnail = Image.Load(h.Store.GetFullPath(photo.ThumbnailPath!));
        Assert.Equal((thumbWidth, thumbHeight), (thumbnail.Width, thumbnail.Height));
    }

    private string PathOf(string member) => (string)typeof(ImageCorpus).GetProperty(member)!.GetValue(corpus)!;
}

public sealed class SqlitePhotoImporterTests(ImageCorpus corpus) : PhotoImporterTests(null, corpus);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPhotoImporterTests(PostgresServer postgres, ImageCorpus corpus) : PhotoImporterTests(postgres, corpus);
