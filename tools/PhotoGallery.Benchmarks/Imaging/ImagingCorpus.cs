using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace PhotoGallery.Benchmarks.Imaging;

/// <summary>
/// Generated inputs: 12 MP JPEGs (4000 × 3000, quality 92, 4:2:0, with gradients, hard edges and sensor-like noise
/// so they compress like real photos), 1024 × 1024 PNGs, and one 8192 × 8192 PNG. Kept between runs.
/// </summary>
public sealed class ImagingCorpus(string workFolder, int fileCount)
{
    public string Folder { get; } = Path.Combine(workFolder, "imaging-corpus");

    public IReadOnlyList<string> Jpegs12Mp => Enumerable.Range(0, fileCount).Select(i => Path.Combine(Folder, $"photo12mp-{i:00}.jpg")).ToList();

    public IReadOnlyList<string> Pngs1024 => Enumerable.Range(0, fileCount).Select(i => Path.Combine(Folder, $"square1024-{i:00}.png")).ToList();

    public string Png8192 => Path.Combine(Folder, "huge8192.png");

    public IReadOnlyList<string> Files(string set) => set switch
    {
        "jpeg12mp" => Jpegs12Mp,
        "png1024" => Pngs1024,
        "png8192" => [Png8192],
        _ => throw new ArgumentException($"Unknown file set '{set}'."),
    };

    public void EnsureCreated(Action<string> progress)
    {
        Directory.CreateDirectory(Folder);
        var seed = 0;
        foreach (var path in Jpegs12Mp)
        {
            WriteIfMissing(path, ++seed, 4000, 3000, noise: 12, texture: true, image => image.SaveAsJpeg(path, new JpegEncoder { Quality = 92, ColorType = JpegColorType.YCbCrRatio420 }));
        }

        foreach (var path in Pngs1024)
        {
            WriteIfMissing(path, ++seed, 1024, 1024, noise: 6, texture: true, image => image.SaveAsPng(path, new PngEncoder()));
        }

        // No noise or texture so the 8192² PNG stays under the 20 MB upload limit like a real screenshot or render would.
        WriteIfMissing(Png8192, ++seed, 8192, 8192, noise: 0, texture: false, image => image.SaveAsPng(Png8192, new PngEncoder { CompressionLevel = PngCompressionLevel.BestCompression }));
        progress($"Corpus in {Folder}: {fileCount} × 12 MP JPEG (mean {MeanSize(Jpegs12Mp)}), {fileCount} × 1024² PNG (mean {MeanSize(Pngs1024)}), 1 × 8192² PNG ({MeanSize([Png8192])}).");
    }

    private static void WriteIfMissing(string path, int seed, int width, int height, int noise, bool texture, Action<Image<Rgb24>> save)
    {
        if (File.Exists(path))
        {
            return;
        }

        using var image = Synthesise(width, height, seed, noise, texture);
        save(image);
    }

    private static string MeanSize(IReadOnlyList<string> paths) =>
        $"{paths.Average(p => new FileInfo(p).Length) / (1024.0 * 1024.0):0.00} MB";

    private static Image<Rgb24> Synthesise(int width, int height, int seed, int noise, bool texture)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, width).Select(x => Math.Sin(x * 6.0 / width + seed)).ToArray();
        var rows = Enumerable.Range(0, height).Select(y => Math.Cos(y * 4.0 / height + seed)).ToArray();
        var pattern = Enumerable.Range(0, 4096).Select(i => Math.Sin(i * 0.37) * Math.Sin(i * 0.011)).ToArray();
        var boxes = Enumerable.Range(0, 24).Select(_ => (
            X: random.Next(width), Y: random.Next(height), W: random.Next(width / 20, width / 4), H: random.Next(height / 20, height / 4),
            Colour: new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)))).ToArray();
        var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(pixels =>
        {
            var state = (uint)(seed * 2654435761u) | 1;
            for (var y = 0; y < pixels.Height; y++)
            {
                var row = pixels.GetRowSpan(y);
                var active = boxes.Where(box => y >= box.Y && y < box.Y + box.H).ToArray();
                for (var x = 0; x < row.Length; x++)
                {
                    var shade = columns[x] * rows[y];
                    var detail = texture ? pattern[(x * 7 + y * 13) & 4095] * 25 : 0;
                    var r = 120 + 80 * shade + detail;
                    var g = 110 + 60 * rows[y] + detail;
                    var b = 100 + 70 * columns[x] - detail;
                    foreach (var box in active)
                    {
                        if (x >= box.X && x < box.X + box.W)
                        {
                            (r, g, b) = ((r + box.Colour.R * 2) / 3, (g + box.Colour.G * 2) / 3, (b + box.Colour.B * 2) / 3);
                        }
                    }

                    if (noise > 0)
                    {
                        state ^= state << 13;
                        state ^= state >> 17;
                        state ^= state << 5;
                        var n = (int)(state % (uint)(2 * noise + 1)) - noise;
                        (r, g, b) = (r + n, g + n, b + n);
                    }

                    row[x] = new Rgb24(Clamp(r), Clamp(g), Clamp(b));
                }
            }
        });
        return image;
    }

    private static byte Clamp(double value) => (byte)Math.Clamp(value, 0, 255);
}
