using PhotoGallery.Core.Imaging;
using PhotoGallery.Core.Imaging.Inspection;
using PhotoGallery.Core.Photos;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Unit.Imaging;

public sealed class ImageInspectorTests(ImageCorpus corpus) : IClassFixture<ImageCorpus>
{
    [Fact]
    public void Inspect_DecompressionBomb_RejectsWithoutAllocatingPixels()
    {
        var inspector = new ImageInspector(new PhotoOptions());
        inspector.Inspect(corpus.ExifJpeg, "warm-up.jpg", CancellationToken.None);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var rejection = Assert.Throws<ImageRejectedException>(() => inspector.Inspect(corpus.Bomb, "bomb.png", CancellationToken.None));

        // 50,000 × 50,000 RGB would be 7.5 GB of pixels; the header check reads a few hundred bytes.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(ImageRejectionReason.DimensionsTooLarge, rejection.Reason);
        Assert.True(allocated < 256 * 1024, $"Inspecting the bomb allocated {allocated:N0} bytes.");
    }

    [Fact]
    public void Inspect_LimitsFromOptions_AreApplied()
    {
        var inspector = new ImageInspector(new PhotoOptions { MinDimension = 1000, MaxDimension = 1100, MaxUploadSize = 10 * 1024 * 1024 });

        var tooSmall = Assert.Throws<ImageRejectedException>(() => inspector.Inspect(corpus.LossyWebP, "a.webp", CancellationToken.None));
        var tooLarge = Assert.Throws<ImageRejectedException>(() => inspector.Inspect(corpus.ExifJpeg, "b.jpg", CancellationToken.None));

        Assert.Equal("a.webp is 500 × 400 pixels; the smallest accepted side is 1000.", tooSmall.Message);
        Assert.Equal("b.jpg is 1200 × 800 pixels; the largest accepted side is 1100.", tooLarge.Message);
    }

    [Fact]
    public void Inspect_JustOverMaxUploadSize_ShowsExactBytes()
    {
        var inspector = new ImageInspector(new PhotoOptions { MaxUploadSize = new FileInfo(corpus.ExifJpeg).Length - 1 });

        var rejection = Assert.Throws<ImageRejectedException>(() => inspector.Inspect(corpus.ExifJpeg, "a.jpg", CancellationToken.None));

        Assert.Equal(ImageRejectionReason.TooLarge, rejection.Reason);
        Assert.Matches(@"^a\.jpg is [\d,]+ bytes; the largest accepted upload is [\d,]+ bytes\.$", rejection.Message);
    }

    [Fact]
    public void Inspect_NameWithControlCharacters_EchoesCleanedName()
    {
        var inspector = new ImageInspector(new PhotoOptions());

        var rejection = Assert.Throws<ImageRejectedException>(
            () => inspector.Inspect(corpus.Text, ImageRejectedException.ToDisplayName("evil\r\nname.jpg"), CancellationToken.None));

        Assert.Equal("evilname.jpg is not a JPEG image: its content is text.", rejection.Message);
    }

    [Fact]
    public void Inspect_VeryLongName_KeepsExtensionAndShortensMessage()
    {
        var inspector = new ImageInspector(new PhotoOptions());
        var name = ImageRejectedException.ToDisplayName(new string('a', 600) + ".jpg");

        var inspection = inspector.Inspect(corpus.ExifJpeg, name, CancellationToken.None);

        Assert.Equal(ImageFormat.Jpeg, inspection.Format);
        Assert.True(inspection.FileName.Length <= 255);
        Assert.EndsWith(".jpg", inspection.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_JpegWithCorruptHeader_ThrowsDamaged()
    {
        var path = Path.Combine(corpus.Folder, "corrupt-header.jpg");
        File.WriteAllBytes(path, [0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 0x01, 0x02]);
        var inspector = new ImageInspector(new PhotoOptions());

        var rejection = Assert.Throws<ImageRejectedException>(() => inspector.Inspect(path, "corrupt.jpg", CancellationToken.None));

        Assert.Equal(ImageRejectionReason.Damaged, rejection.Reason);
        Assert.Equal("corrupt.jpg is damaged or incomplete and cannot be read.", rejection.Message);
    }
}
