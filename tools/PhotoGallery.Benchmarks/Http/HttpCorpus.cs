using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace PhotoGallery.Benchmarks.Http;

/// <summary>Small distinct JPEGs (800 × 600) to seed a library for thumbnail serving; kept between runs.</summary>
public static class HttpCorpus
{
    public static IReadOnlyList<string> EnsureCreated(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(folder, $"photo-{i:000}.jpg");
            files.Add(path);
            if (File.Exists(path))
                continue;

            var random = new Random(1000 + i);
            var (r0, g0, b0) = (random.Next(256), random.Next(256), random.Next(256));
            using var image = new Image<Rgb24>(800, 600);
            image.ProcessPixelRows(pixels =>
            {
                for (var y = 0; y < pixels.Height; y++)
                {
                    var row = pixels.GetRowSpan(y);
                    for (var x = 0; x < row.Length; x++)
                        row[x] = new Rgb24((byte)((r0 + x / 4) & 255), (byte)((g0 + y / 3) & 255), (byte)((b0 + ((x ^ y) & 31) + random.Next(8)) & 255));
                }
            });
            image.SaveAsJpeg(path);
        }

        return files;
    }
}
