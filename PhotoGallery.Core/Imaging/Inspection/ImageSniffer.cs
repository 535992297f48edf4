using System.Buffers.Binary;
using System.Text;

namespace PhotoGallery.Core.Imaging.Inspection;

/// <summary>Identifies a file from its magic bytes, never from its name.</summary>
internal static class ImageSniffer
{
    /// <summary>Bytes to read from the start of a file for <see cref="Sniff"/> and the PNG/WebP header readers.</summary>
    public const int HeaderLength = 512;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly string[] HeicBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx"];

    public static SniffedContent Sniff(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return new(ImageFormat.Jpeg, "JPEG");
        }

        if (header.StartsWith(PngSignature))
        {
            return new(ImageFormat.Png, "PNG");
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return new(ImageFormat.WebP, "WebP");
        }

        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            return SniffIsoMedia(header);
        }

        return new(null, DescribeOther(header));
    }

    /// <summary>ISO base media (HEIF family, MP4): decided by the major and compatible brands of the ftyp box.</summary>
    private static SniffedContent SniffIsoMedia(ReadOnlySpan<byte> header)
    {
        var boxSize = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(header), (uint)header.Length);
        var brands = new List<string> { Encoding.ASCII.GetString(header[8..12]) };
        for (var offset = 16; offset + 4 <= boxSize; offset += 4)
        {
            brands.Add(Encoding.ASCII.GetString(header.Slice(offset, 4)));
        }

        var major = brands[0];
        if (HeicBrands.Contains(major) || (major is "mif1" or "msf1" && brands.Any(HeicBrands.Contains)))
        {
            return new(ImageFormat.Heic, "HEIC");
        }

        if (major is "avif" or "avis" || brands.Contains("avif"))
        {
            return new(null, "AVIF");
        }

        return new(null, major is "mif1" or "msf1" ? "HEIF (not HEVC-coded)" : "video or another media file");
    }

    private static string DescribeOther(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("GIF8"u8))
        {
            return "GIF";
        }

        if (header.StartsWith("BM"u8))
        {
            return "BMP";
        }

        if (header.StartsWith("II*\0"u8) || header.StartsWith("MM\0*"u8))
        {
            return "TIFF";
        }

        if (header.StartsWith("%PDF"u8))
        {
            return "PDF";
        }

        if (header.StartsWith("PK\u0003\u0004"u8))
        {
            return "a ZIP archive";
        }

        return LooksLikeText(header) ? "text" : "not a recognised image format";
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> header)
    {
        if (header.IsEmpty)
        {
            return false;
        }

        foreach (var b in header)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20) || b == 0x7F)
            {
                return false;
            }
        }

        // Valid UTF-8 throughout; a multi-byte character cut off by the end of the sample still counts as text.
        var remaining = header;
        while (!remaining.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(remaining, out _, out var consumed);
            if (status == System.Buffers.OperationStatus.NeedMoreData)
            {
                return true;
            }

            if (status != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            remaining = remaining[consumed..];
        }

        return true;
    }
}
