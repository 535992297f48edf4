using System.Diagnostics;
using System.Globalization;
using PhotoGallery.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using VipsImage = NetVips.Image;

namespace PhotoGallery.Benchmarks.Imaging;

/// <summary>
/// Encoding cost alone: a 12 MP photo already decoded and reduced to the 1920 px preview, encoded as WebP (q80) and
/// as JPEG (q85) by each engine — the settings the engines use — repeated, mean time and size.
/// </summary>
public static class PreviewEncodingComparison
{
    private const int Photos = 3;
    private const int Repeats = 5;

    public static void Run(BenchmarkContext context, ImagingCorpus corpus)
    {
        var previewSize = new ImagingOptions().PreviewSize;
        context.Line($"Preview encoding alone ({Photos} of the 12 MP photos reduced to {previewSize} px, each encoded {Repeats}×, one thread):");
        context.Line();
        context.Line("| engine | format | ms/encode | KB |");
        context.Line("| --- | --- | --- | --- |");
        var photos = corpus.Jpegs12Mp.Take(Photos).ToList();

        var vipsPreviews = photos.Select(p => VipsImage.Thumbnail(p, previewSize, height: previewSize).CopyMemory()).ToList();
        Report(context, "NetVips", "WebP q80 effort 4 (libvips default)", vipsPreviews, i => i.WebpsaveBuffer(q: 80, keep: NetVips.Enums.ForeignKeep.Icc));
        Report(context, "NetVips", "WebP q80 effort 2", vipsPreviews, i => i.WebpsaveBuffer(q: 80, effort: 2, keep: NetVips.Enums.ForeignKeep.Icc));
        Report(context, "NetVips", "WebP q80 effort 0", vipsPreviews, i => i.WebpsaveBuffer(q: 80, effort: 0, keep: NetVips.Enums.ForeignKeep.Icc));
        Report(context, "NetVips", "JPEG q85", vipsPreviews, i => i.JpegsaveBuffer(q: 85, keep: NetVips.Enums.ForeignKeep.Icc));
        Report(context, "NetVips", "JPEG q85 optimize-coding", vipsPreviews, i => i.JpegsaveBuffer(q: 85, optimizeCoding: true, keep: NetVips.Enums.ForeignKeep.Icc));
        vipsPreviews.ForEach(i => i.Dispose());

        var sharpPreviews = photos.Select(p =>
        {
            var image = Image.Load<Rgb24>(p);
            image.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(previewSize, previewSize), Mode = ResizeMode.Max }));
            return image;
        }).ToList();
        Report(context, "ImageSharp", "WebP q80 lossy", sharpPreviews, i => Encode(i, new WebpEncoder { Quality = 80, FileFormat = WebpFileFormatType.Lossy }));
        Report(context, "ImageSharp", "JPEG q85", sharpPreviews, i => Encode(i, new JpegEncoder { Quality = 85 }));
        sharpPreviews.ForEach(i => i.Dispose());
    }

    private static void Report<T>(BenchmarkContext context, string engine, string format, IReadOnlyList<T> previews, Func<T, byte[]> encode)
    {
        encode(previews[0]);
        long bytes = 0;
        var started = Stopwatch.GetTimestamp();
        for (var repeat = 0; repeat < Repeats; repeat++)
        {
            foreach (var preview in previews)
            {
                bytes += encode(preview).Length;
            }
        }

        var count = Repeats * previews.Count;
        context.Line(string.Create(CultureInfo.InvariantCulture,
            $"| {engine} | {format} | {Stopwatch.GetElapsedTime(started).TotalMilliseconds / count:0.0} | {bytes / 1024.0 / count:0} |"));
    }

    private static byte[] Encode(Image image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }
}
