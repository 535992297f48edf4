using System.Text.Json.Nodes;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FakeInvokeAi;

/// <summary>Real PNGs (a seed- and prompt-dependent gradient, recipe in PNG text chunks) and WebP thumbnails.</summary>
public static class ImageRenderer
{
    public const int ThumbnailSize = 256;

    public static (byte[] Png, byte[] Thumbnail) Render(int width, int height, long seed, string prompt, JsonObject? metadata, JsonObject graph)
    {
        var hash = (uint)HashCode.Combine(seed, prompt);
        var (r, g, b) = ((byte)hash, (byte)(hash >> 8), (byte)(hash >> 16));
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                    row[x] = new Rgb24((byte)(r + x * 255 / width), (byte)(g + y * 255 / height), (byte)(b + (x ^ y)));
            }
        });
        var png = image.Metadata.GetPngMetadata();
        if (metadata is not null)
            png.TextData.Add(new PngTextData("invokeai_metadata", metadata.ToJsonString(), string.Empty, string.Empty));
        png.TextData.Add(new PngTextData("invokeai_graph", graph.ToJsonString(), string.Empty, string.Empty));
        return (EncodePng(image), Thumbnail(image));
    }

    /// <summary>A denoising preview as InvokeAI sends it: a small JPEG data URL, fuzzier the earlier the step.</summary>
    public static string PreviewDataUrl(long seed, string prompt, double progress)
    {
        var hash = (uint)HashCode.Combine(seed, prompt);
        using var image = new Image<Rgb24>(64, 64, new Rgb24((byte)hash, (byte)(hash >> 8), (byte)(hash >> 16)));
        image.Mutate(c => c.GaussianBlur((float)Math.Max(0.5, 6 * (1 - progress))));
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return "data:image/jpeg;base64," + Convert.ToBase64String(output.ToArray());
    }

    public static (byte[] Png, byte[] Thumbnail, int Width, int Height) FromUpload(byte[] bytes)
    {
        using var image = Image.Load<Rgb24>(bytes);
        return (EncodePng(image), Thumbnail(image), image.Width, image.Height);
    }

    private static byte[] EncodePng(Image image)
    {
        using var output = new MemoryStream();
        image.Save(output, new PngEncoder { CompressionLevel = PngCompressionLevel.BestSpeed });
        return output.ToArray();
    }

    private static byte[] Thumbnail(Image image)
    {
        using var small = image.Clone(c => c.Resize(new ResizeOptions { Size = new Size(ThumbnailSize, ThumbnailSize), Mode = ResizeMode.Max }));
        using var output = new MemoryStream();
        small.SaveAsWebp(output);
        return output.ToArray();
    }
}
