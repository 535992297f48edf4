using PhotoGallery.Core.Storage;

namespace PhotoGallery.Tests.Unit.Storage;

public sealed class StoragePathsTests
{
    private static readonly Guid PhotoId = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    [Fact]
    public void UploadedOriginal_IdDayAndExtension_FollowsLayout() =>
        Assert.Equal($"photos/uploaded/2026-07-14/{PhotoId}.jpg", StoragePaths.UploadedOriginal(PhotoId, new DateOnly(2026, 7, 14), ".JPG"));

    [Fact]
    public void ThumbnailAndPreview_OfGeneratedVariant_MirrorTheOriginal()
    {
        var session = Guid.CreateVersion7();
        var step = Guid.CreateVersion7();
        var original = StoragePaths.GeneratedVariant(session, step, PhotoId);

        Assert.Equal($"photos/generated/sessions/{session}/{step}/variants/{PhotoId}.png", original);
        Assert.Equal($"photos/thumbnails/generated/sessions/{session}/{step}/variants/{PhotoId}.webp", StoragePaths.ThumbnailOf(original));
        Assert.Equal($"photos/previews/generated/sessions/{session}/{step}/variants/{PhotoId}.jpg", StoragePaths.PreviewOf(original, "jpg"));
    }

    [Theory]
    [InlineData("../jpg")]
    [InlineData("")]
    [InlineData("jp/g")]
    public void UploadedOriginal_ExtensionWithPathCharacters_Throws(string extension) =>
        Assert.Throws<StoragePathException>(() => StoragePaths.UploadedOriginal(PhotoId, new DateOnly(2026, 1, 1), extension));
}
