using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Imaging;
using PhotoGallery.Core.Photos;
using PhotoGallery.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace PhotoGallery.Tests.Unit.Imaging;

/// <summary>The behaviour every imaging engine must have; one sealed subclass per engine runs it.</summary>
public abstract class ImageProcessorContractTests(ImageCorpus corpus) : IClassFixture<ImageCorpus>
{
    protected abstract ImagingEngine Engine { get; }

    [Fact]
    public async Task InspectAsync_JpegWithExif_ReturnsFormatDimensionsAndExif()
    {
        var processor = CreateProcessor();

        var inspection = await processor.InspectAsync(corpus.ExifJpeg, "holiday.jpg", CancellationToken.None);

        Assert.Equal(ImageFormat.Jpeg, inspection.Format);
        Assert.Equal("image/jpeg", inspection.MimeType);
        Assert.Equal("jpg", inspection.Extension);
        Assert.Equal((1200, 800), (inspection.Width, inspection.Height));
        Assert.Equal((1200, 800), (inspection.DisplayWidth, inspection.DisplayHeight));
        Assert.Null(inspection.Orientation);
        Assert.Equal(new DateTime(2023, 7, 14, 8, 20, 30, DateTimeKind.Utc), inspection.TakenAt);
        Assert.Equal(DateTimeKind.Utc, inspection.TakenAt!.Value.Kind);
        Assert.Equal("Canon", inspection.CameraMake);
        Assert.Equal("Canon EOS R5", inspection.CameraModel);
    }

    [Fact]
    public async Task InspectAsync_Orientation6_SwapsDisplayDimensionsAndTakesZonelessTimeAsUtc()
    {
        var processor = CreateProcessor();

        var inspection = await processor.InspectAsync(corpus.RotatedJpeg, "portrait.JPEG", CancellationToken.None);

        Assert.Equal("jpg", inspection.Extension);
        Assert.Equal(6, inspection.Orientation);
        Assert.Equal((1200, 800), (inspection.Width, inspection.Height));
        Assert.Equal((800, 1200), (inspection.DisplayWidth, inspection.DisplayHeight));
        Assert.Equal(new DateTime(2022, 1, 2, 3, 4, 5, DateTimeKind.Utc), inspection.TakenAt);
    }

    [Theory]
    [InlineData(nameof(ImageCorpus.Png), "drawing.png", ImageFormat.Png, "image/png", 1024, 1024)]
    [InlineData(nameof(ImageCorpus.Png16), "deep.PNG", ImageFormat.Png, "image/png", 600, 400)]
    [InlineData(nameof(ImageCorpus.LossyWebP), "lossy.webp", ImageFormat.WebP, "image/webp", 500, 400)]
    [InlineData(nameof(ImageCorpus.LosslessWebP), "lossless.webp", ImageFormat.WebP, "image/webp", 320, 240)]
    [InlineData(nameof(ImageCorpus.CmykJpeg), "print.jpg", ImageFormat.Jpeg, "image/jpeg", 400, 300)]
    [InlineData(nameof(ImageCorpus.Heic), "IMG_0001.HEIC", ImageFormat.Heic, "image/heic", 240, 160)]
    public async Task InspectAsync_AcceptedFormat_ReturnsFormatAndHeaderDimensions(
        string file, string name, ImageFormat format, string mimeType, int width, int height)
    {
        var processor = CreateProcessor();

        var inspection = await processor.InspectAsync(PathOf(file), name, CancellationToken.None);

        Assert.Equal(format, inspection.Format);
        Assert.Equal(mimeType, inspection.MimeType);
        Assert.Equal((width, height), (inspection.Width, inspection.Height));
    }

    [Fact]
    public async Task InspectAsync_Heic_ReadsExifThroughMagick()
    {
        var processor = CreateProcessor();

        var inspection = await processor.InspectAsync(corpus.Heic, "IMG_0001.heic", CancellationToken.None);

        Assert.Equal("heic", inspection.Extension);
        Assert.Equal(new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc), inspection.TakenAt);
        Assert.Equal("Apple", inspection.CameraMake);
        Assert.Equal("iPhone 15", inspection.CameraModel);
    }

    [Theory]
    [InlineData("../../etc/passwd.jpg")]
    [InlineData("🌅 Sunset 😀.jpg")]
    public async Task InspectAsync_OddButValidName_AcceptsAndKeepsNameForMessages(string name)
    {
        var processor = CreateProcessor();

        var inspection = await processor.InspectAsync(corpus.ExifJpeg, name, CancellationToken.None);

        Assert.Equal(ImageFormat.Jpeg, inspection.Format);
        Assert.Equal(name, inspection.FileName);
    }

    [Theory]
    [InlineData(nameof(ImageCorpus.Text), "notes.jpg", ImageRejectionReason.ContentMismatch, "notes.jpg is not a JPEG image: its content is text.")]
    [InlineData(nameof(ImageCorpus.Png), "beach.jpg", ImageRejectionReason.ContentMismatch, "beach.jpg is not a JPEG image: its content is PNG.")]
    [InlineData(nameof(ImageCorpus.Heic), "phone.png", ImageRejectionReason.ContentMismatch, "phone.png is not a PNG image: its content is HEIC.")]
    [InlineData(nameof(ImageCorpus.Empty), "empty.jpg", ImageRejectionReason.Empty, "empty.jpg is empty (0 bytes).")]
    [InlineData(nameof(ImageCorpus.Huge), "huge.jpg", ImageRejectionReason.TooLarge, "huge.jpg is 21 MB; the largest accepted upload is 20 MB.")]
    [InlineData(nameof(ImageCorpus.Bomb), "big.png", ImageRejectionReason.DimensionsTooLarge, "big.png is 50000 × 50000 pixels; the largest accepted side is 8192.")]
    [InlineData(nameof(ImageCorpus.Wide), "banner.png", ImageRejectionReason.DimensionsTooLarge, "banner.png is 9000 × 100 pixels; the largest accepted side is 8192.")]
    [InlineData(nameof(ImageCorpus.WideHeic), "pano.heic", ImageRejectionReason.DimensionsTooLarge, "pano.heic is 9000 × 120 pixels; the largest accepted side is 8192.")]
    [InlineData(nameof(ImageCorpus.Tiny), "icon.png", ImageRejectionReason.DimensionsTooSmall, "icon.png is 50 × 50 pixels; the smallest accepted side is 100.")]
    [InlineData(nameof(ImageCorpus.ExifJpeg), "photo.gif", ImageRejectionReason.UnsupportedExtension, "photo.gif is not a supported image type (.gif); accepted types are JPEG (.jpg, .jpeg), PNG (.png), WebP (.webp) and HEIC (.heic).")]
    [InlineData(nameof(ImageCorpus.ExifJpeg), "photo", ImageRejectionReason.UnsupportedExtension, "photo has no file extension; accepted types are JPEG (.jpg, .jpeg), PNG (.png), WebP (.webp) and HEIC (.heic).")]
    [InlineData(nameof(ImageCorpus.Text), "../../etc/passwd.jpg", ImageRejectionReason.ContentMismatch, "../../etc/passwd.jpg is not a JPEG image: its content is text.")]
    [InlineData(nameof(ImageCorpus.Tiny), "🌅 Sunset 😀.png", ImageRejectionReason.DimensionsTooSmall, "🌅 Sunset 😀.png is 50 × 50 pixels; the smallest accepted side is 100.")]
    public async Task InspectAsync_UnacceptableFile_ThrowsWithFileNameAndReason(
        string file, string name, ImageRejectionReason reason, string message)
    {
        var processor = CreateProcessor();

        var rejection = await Assert.ThrowsAsync<ImageRejectedException>(
            () => processor.InspectAsync(PathOf(file), name, CancellationToken.None));

        Assert.Equal(reason, rejection.Reason);
        Assert.Equal(message, rejection.Message);
        Assert.Equal(name, rejection.FileName);
    }

    [Fact]
    public async Task RenderAsync_LandscapeJpegWithWebPPreview_MakesWebPThumbnailAndPreview()
    {
        var processor = CreateProcessor(previewFormat: PreviewFormat.WebP);
        var inspection = await processor.InspectAsync(corpus.LargeJpeg, "large.jpg", CancellationToken.None);

        var renditions = await processor.RenderAsync(corpus.LargeJpeg, inspection, CancellationToken.None);

        AssertWebP(renditions.Thumbnail, 300, 200);
        Assert.Equal((1920, 1280), (renditions.PreviewWidth, renditions.PreviewHeight));
        Assert.Equal("webp", renditions.PreviewExtension);
        Assert.Equal("image/webp", renditions.PreviewMimeType);
        AssertWebP(renditions.Preview, 1920, 1280);
    }

    [Fact]
    public async Task RenderAsync_Orientation6_ThumbnailIsRotatedPortrait()
    {
        var processor = CreateProcessor();
        var inspection = await processor.InspectAsync(corpus.RotatedJpeg, "rotated.jpg", CancellationToken.None);

        var renditions = await processor.RenderAsync(corpus.RotatedJpeg, inspection, CancellationToken.None);

        using var thumbnail = AssertWebP(renditions.Thumbnail, 200, 300);
        // Orientation 6 turns the stored image 90° clockwise: the red block at the stored top-left ends top-right.
        AssertColour(thumbnail[thumbnail.Width - 5, 5], 255, 0, 0);
        AssertNotColour(thumbnail[5, 5], 255, 0, 0);
        Assert.Equal((800, 1200), (renditions.PreviewWidth, renditions.PreviewHeight));
    }

    [Fact]
    public async Task RenderAsync_SmallImage_IsNeverUpscaled()
    {
        var processor = CreateProcessor();
        var inspection = await processor.InspectAsync(corpus.SmallJpeg, "small.jpg", CancellationToken.None);

        var renditions = await processor.RenderAsync(corpus.SmallJpeg, inspection, CancellationToken.None);

        AssertWebP(renditions.Thumbnail, 150, 120).Dispose();
        Assert.Equal((150, 120), (renditions.PreviewWidth, renditions.PreviewHeight));
    }

    [Fact]
    public async Task RenderAsync_CmykJpeg_ComesOutAsRedSrgb()
    {
        var processor = CreateProcessor();
        var inspection = await processor.InspectAsync(corpus.CmykJpeg, "print.jpg", CancellationToken.None);

        var renditions = await processor.RenderAsync(corpus.CmykJpeg, inspection, CancellationToken.None);

        using var thumbnail = AssertWebP(renditions.Thumbnail, 300, 225);
        // Colour-managed conversion (libvips with its fallback CMYK profile) gives about (232, 31, 42) for
        // C0 M100 Y100 K0; a plain formula gives (255, 0, 0). Both are red; an inverted or un-converted CMYK is not.
        var centre = thumbnail[150, 112];
        Assert.True(centre.R > 200 && centre.G < 60 && centre.B < 60, $"Expected red but found ({centre.R}, {centre.G}, {centre.B}).");
    }

    [Fact]
    public async Task RenderAsync_SixteenBitPng_ComesOutAsEightBitWithTheSameColour()
    {
        var processor = CreateProcessor();
        var inspection = await processor.InspectAsync(corpus.Png16, "deep.png", CancellationToken.None);

        var renditions = await processor.RenderAsync(corpus.Png16, inspection, CancellationToken.None);

        using var thumbnail = AssertWebP(renditions.Thumbnail, 300, 200);
        AssertColour(thumbnail[150, 100], 255, 128, 0);
    }

    [Theory]
    [InlineData(nameof(ImageCorpus.Png), 300, 300)]
    [InlineData(nameof(ImageCorpus.LossyWebP), 300, 240)]
    [InlineData(nameof(ImageCorpus.LosslessWebP), 300, 225)]
    public async Task RenderAsync_PngAndWebP_MakeWebPThumbnails(string file, int width, int height)
    {
        var processor = CreateProcessor();
        var inspection = await processor.InspectAsync(PathOf(file), "image." + Path.GetExtension(PathOf(file)).TrimStart('.'), CancellationToken.None);

        var renditions = await processor.RenderAsync(PathOf(file), inspection, CancellationToken.None);

        AssertWebP(renditions.Thumbnail, width, height).Dispose();
    }

    [Fact]
    public async Task RenderAsync_Heic_DecodesThroughMagickToWebP()
    {
        var processor = CreateProcessor();
        var inspection = await processor.InspectAsync(corpus.Heic, "IMG_0001.heic", CancellationToken.None);

        var renditions = await processor.RenderAsync(corpus.Heic, inspection, CancellationToken.None);

        Assert.Equal("webp", renditions.PreviewExtension);
        AssertWebP(renditions.Preview, 240, 160).Dispose();
        using var thumbnail = AssertWebP(renditions.Thumbnail, 240, 160);
        AssertColour(thumbnail[20, 80], 220, 30, 30);
        AssertColour(thumbnail[220, 80], 30, 30, 220);
        Assert.Equal((240, 160), (renditions.PreviewWidth, renditions.PreviewHeight));
    }

    [Theory]
    [InlineData(nameof(ImageCorpus.TruncatedJpeg), "cut.jpg")]
    [InlineData(nameof(ImageCorpus.TruncatedPng), "cut.png")]
    public async Task RenderAsync_TruncatedFile_ThrowsDamaged(string file, string name)
    {
        var processor = CreateProcessor();
        var inspection = await processor.InspectAsync(PathOf(file), name, CancellationToken.None);

        var rejection = await Assert.ThrowsAsync<ImageRejectedException>(
            () => processor.RenderAsync(PathOf(file), inspection, CancellationToken.None));

        Assert.Equal(ImageRejectionReason.Damaged, rejection.Reason);
        Assert.Equal($"{name} is damaged or incomplete and cannot be read.", rejection.Message);
    }

    [Fact]
    public async Task RenderAsync_BombSwappedInAfterInspection_ThrowsDamaged()
    {
        var processor = CreateProcessor();
        var inspection = await processor.InspectAsync(corpus.Png, "drawing.png", CancellationToken.None);

        var rejection = await Assert.ThrowsAsync<ImageRejectedException>(
            () => processor.RenderAsync(corpus.Bomb, inspection, CancellationToken.None));

        Assert.Equal(ImageRejectionReason.Damaged, rejection.Reason);
        Assert.Equal("drawing.png is damaged or incomplete and cannot be read.", rejection.Message);
    }

    [Fact]
    public async Task RenderAsync_CancelledToken_ThrowsOperationCanceled()
    {
        var processor = CreateProcessor();
        var inspection = await processor.InspectAsync(corpus.ExifJpeg, "a.jpg", CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => processor.RenderAsync(corpus.ExifJpeg, inspection, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task RenderAsync_ManyAtOnceWithOneSlot_AllComplete()
    {
        var processor = CreateProcessor(maxParallelEncodes: 1);
        var inspection = await processor.InspectAsync(corpus.ExifJpeg, "a.jpg", CancellationToken.None);

        var all = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => processor.RenderAsync(corpus.ExifJpeg, inspection, CancellationToken.None)));

        Assert.All(all, r =>
        {
            Assert.Equal((1200, 800), (r.PreviewWidth, r.PreviewHeight));
            AssertWebP(r.Thumbnail, 300, 200).Dispose();
        });
    }

    [Fact]
    public async Task RenderAsync_DefaultOptions_EncodesJpegPreviewOfTheOrientedImage()
    {
        var processor = CreateProcessor();
        var inspection = await processor.InspectAsync(corpus.LargeJpeg, "large.jpg", CancellationToken.None);

        var renditions = await processor.RenderAsync(corpus.LargeJpeg, inspection, CancellationToken.None);

        Assert.Equal("jpg", renditions.PreviewExtension);
        Assert.Equal("image/jpeg", renditions.PreviewMimeType);
        using var preview = Image.Load<Rgb24>(renditions.Preview);
        Assert.Equal((1920, 1280), (preview.Width, preview.Height));
        Assert.Equal((1920, 1280), (renditions.PreviewWidth, renditions.PreviewHeight));
        AssertColour(preview[20, 20], 255, 0, 0);
    }

    [Fact]
    public async Task RenderAsync_GreyscalePng_ComesOutAsGreyInSrgb()
    {
        var path = Path.Combine(corpus.Folder, $"grey-{Engine}.png");
        using (var grey = new Image<L16>(400, 300, new L16(32768)))
        {
            await grey.SaveAsPngAsync(path, new SixLabors.ImageSharp.Formats.Png.PngEncoder
            {
                ColorType = SixLabors.ImageSharp.Formats.Png.PngColorType.Grayscale,
                BitDepth = SixLabors.ImageSharp.Formats.Png.PngBitDepth.Bit16,
            });
        }

        var processor = CreateProcessor();
        var inspection = await processor.InspectAsync(path, "scan.png", CancellationToken.None);

        var renditions = await processor.RenderAsync(path, inspection, CancellationToken.None);

        using var thumbnail = AssertWebP(renditions.Thumbnail, 300, 225);
        AssertColour(thumbnail[150, 112], 128, 128, 128);
    }

    [Fact]
    public async Task RenderAsync_PngWithAlphaAsJpegPreview_FlattensOnWhite()
    {
        var path = Path.Combine(corpus.Folder, $"alpha-{Engine}.png");
        using (var transparent = new Image<Rgba32>(200, 200, new Rgba32(0, 0, 0, 0)))
        {
            await transparent.SaveAsPngAsync(path);
        }

        var processor = CreateProcessor(previewFormat: PreviewFormat.Jpeg);
        var inspection = await processor.InspectAsync(path, "logo.png", CancellationToken.None);

        var renditions = await processor.RenderAsync(path, inspection, CancellationToken.None);

        using var preview = Image.Load<Rgb24>(renditions.Preview);
        AssertColour(preview[100, 100], 255, 255, 255);
    }

    private ImageProcessor CreateProcessor(int maxParallelEncodes = 2, PreviewFormat? previewFormat = null) =>
        new(
            Options.Create(new ImagingOptions
            {
                Engine = Engine,
                MaxParallelEncodes = maxParallelEncodes,
                PreviewFormat = previewFormat ?? new ImagingOptions().PreviewFormat,
            }),
            Options.Create(new PhotoOptions()),
            NullLogger<ImageProcessor>.Instance);

    private string PathOf(string property) =>
        (string)typeof(ImageCorpus).GetProperty(property)!.GetValue(corpus)!;

    private static Image<Rgb24> AssertWebP(byte[] bytes, int width, int height)
    {
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        Assert.Equal("WEBP"u8.ToArray(), bytes[8..12]);
        var image = Image.Load<Rgb24>(bytes);
        Assert.Equal((width, height), (image.Width, image.Height));
        return image;
    }

    private static void AssertColour(Rgb24 actual, int red, int green, int blue)
    {
        const int tolerance = 40;
        Assert.True(
            Math.Abs(actual.R - red) <= tolerance && Math.Abs(actual.G - green) <= tolerance && Math.Abs(actual.B - blue) <= tolerance,
            $"Expected about ({red}, {green}, {blue}) but found ({actual.R}, {actual.G}, {actual.B}).");
    }

    private static void AssertNotColour(Rgb24 actual, int red, int green, int blue) =>
        Assert.False(
            Math.Abs(actual.R - red) <= 40 && Math.Abs(actual.G - green) <= 40 && Math.Abs(actual.B - blue) <= 40,
            $"Did not expect about ({red}, {green}, {blue}).");
}
