using ImageMagick;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using ExifProfile = SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifProfile;
using ExifTag = SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag;

namespace PhotoGallery.Tests.Support;

/// <summary>
/// Good and bad image files made on the fly in a temp folder (nothing binary is checked in except the tiny HEIC,
/// which no library here can encode). Each property is the full path of one file.
/// </summary>
public sealed class ImageCorpus : IDisposable
{
    private const string Fixtures = "Unit/Imaging/Fixtures";

    public ImageCorpus()
    {
        Folder = Path.Combine(Path.GetTempPath(), "pg-imaging-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);

        ExifJpeg = Write("exif.jpg", Jpeg(Photo(1200, 800), exif =>
        {
            exif.SetValue(ExifTag.DateTimeOriginal, "2023:07:14 10:20:30");
            exif.SetValue(ExifTag.OffsetTimeOriginal, "+02:00");
            exif.SetValue(ExifTag.Make, "Canon");
            exif.SetValue(ExifTag.Model, "Canon EOS R5");
        }));
        RotatedJpeg = Write("rotated.jpg", Jpeg(Photo(1200, 800), exif =>
        {
            exif.SetValue(ExifTag.Orientation, (ushort)6);
            exif.SetValue(ExifTag.DateTimeOriginal, "2022:01:02 03:04:05");
        }));
        LargeJpeg = Write("large.jpg", Jpeg(Photo(2400, 1600), null));
        SmallJpeg = Write("small.jpg", Jpeg(Photo(150, 120), null));
        CmykJpeg = Write("cmyk.jpg", CmykRedJpeg(400, 300));
        Png16 = Write("png16.png", Png16Bit(600, 400, new Rgba64(65535, 32768, 0, 65535)));
        Png = Write("photo.png", Owned(Photo(1024, 1024), new PngEncoder()));
        LossyWebP = Write("lossy.webp", Owned(Photo(500, 400), new WebpEncoder { FileFormat = WebpFileFormatType.Lossy }));
        LosslessWebP = Write("lossless.webp", Owned(Photo(320, 240), new WebpEncoder { FileFormat = WebpFileFormatType.Lossless }));
        Heic = Write("sample.heic", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, Fixtures, "sample.heic")));
        WideHeic = Write("wide.heic", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, Fixtures, "wide.heic")));

        var jpegBytes = File.ReadAllBytes(ExifJpeg);
        TruncatedJpeg = Write("truncated.jpg", jpegBytes[..(jpegBytes.Length / 2)]);
        var pngBytes = File.ReadAllBytes(Png);
        TruncatedPng = Write("truncated.png", pngBytes[..(pngBytes.Length / 2)]);
        Empty = Write("empty.jpg", []);
        Text = Write("text.jpg", "This is not a photo, just some notes.\n"u8.ToArray());
        Bomb = Write("bomb.png", PngBuilder.HeaderOnly(50_000, 50_000));
        Wide = Write("wide.png", Owned(Photo(9000, 100), new PngEncoder()));
        Tiny = Write("tiny.png", Owned(Photo(50, 50), new PngEncoder()));
        Huge = Write("huge.jpg", jpegBytes.Concat(new byte[21 * 1024 * 1024 - jpegBytes.Length]).ToArray());
    }

    public string Folder { get; }

    /// <summary>1200 × 800, EXIF taken-at 2023-07-14 10:20:30 +02:00, Canon / Canon EOS R5, no orientation.</summary>
    public string ExifJpeg { get; }

    /// <summary>Stored 1200 × 800 landscape with EXIF orientation 6 (display 800 × 1200); red block at stored top-left.</summary>
    public string RotatedJpeg { get; }

    public string LargeJpeg { get; }

    public string SmallJpeg { get; }

    /// <summary>400 × 300, pure red in CMYK.</summary>
    public string CmykJpeg { get; }

    /// <summary>600 × 400, 16 bits per channel, orange (65535, 32768, 0).</summary>
    public string Png16 { get; }

    public string Png { get; }

    public string LossyWebP { get; }

    public string LosslessWebP { get; }

    /// <summary>240 × 160, left half red, right half blue, EXIF 2024-05-06 07:08:09, Apple / iPhone 15.</summary>
    public string Heic { get; }

    /// <summary>9000 × 120 HEIC (a red strip): over the dimension limit, readable from its header.</summary>
    public string WideHeic { get; }

    public string TruncatedJpeg { get; }

    public string TruncatedPng { get; }

    public string Empty { get; }

    public string Text { get; }

    public string Bomb { get; }

    public string Wide { get; }

    public string Tiny { get; }

    /// <summary>21 MB: a JPEG followed by padding.</summary>
    public string Huge { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>A gradient with noise (so it compresses like a photo) and a red block in the top-left corner.</summary>
    public static Image<Rgb24> Photo(int width, int height, int seed = 1)
    {
        var random = new Random(seed);
        var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(pixels =>
        {
            for (var y = 0; y < pixels.Height; y++)
            {
                var row = pixels.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = x < width / 8 && y < height / 8
                        ? new Rgb24(255, 0, 0)
                        : new Rgb24((byte)(x * 200 / width + random.Next(40)), (byte)(y * 200 / height + random.Next(40)), (byte)(100 + random.Next(60)));
                }
            }
        });
        return image;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Jpeg(Image<Rgb24> image, Action<ExifProfile>? exif)
    {
        using (image)
        {
            if (exif is not null)
            {
                var profile = new ExifProfile();
                exif(profile);
                image.Metadata.ExifProfile = profile;
            }

            return Encode(image, new JpegEncoder { Quality = 90 });
        }
    }

    private static byte[] Owned(Image image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using (image)
        {
            return Encode(image, encoder);
        }
    }

    private static byte[] Encode(Image image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }

    private static byte[] CmykRedJpeg(int width, int height)
    {
        using var image = new MagickImage(MagickColors.Red, (uint)width, (uint)height);
        image.ColorSpace = ColorSpace.CMYK;
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    private static byte[] Png16Bit(int width, int height, Rgba64 colour)
    {
        using var image = new Image<Rgba64>(width, height, colour);
        return Encode(image, new PngEncoder { BitDepth = PngBitDepth.Bit16, ColorType = PngColorType.Rgb });
    }
}
