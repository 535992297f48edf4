using System.Buffers.Binary;

namespace PhotoGallery.Core.Imaging.Engines;

/// <summary>
/// Structural end-of-file checks for decoders that silently fill missing data with grey: a JPEG must reach its
/// EOI marker, a PNG its IEND chunk, a WebP the length its RIFF header declares.
/// </summary>
internal static class ImageCompleteness
{
    private const byte MarkerPrefix = 0xFF;
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;

    public static bool IsComplete(ReadOnlySpan<byte> data, ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => JpegReachesEnd(data),
        ImageFormat.Png => PngReachesEnd(data),
        ImageFormat.WebP => data.Length >= 8 && BinaryPrimitives.ReadUInt32LittleEndian(data[4..8]) + 8L <= data.Length,
        _ => true,
    };

    /// <summary>Walks the segments (skipping their payloads, so an EXIF thumbnail's EOI does not count) and the scans.</summary>
    private static bool JpegReachesEnd(ReadOnlySpan<byte> data)
    {
        var position = 2;
        while (true)
        {
            // Find the next marker; bytes between segments are tolerated like libjpeg does.
            var next = data[position..].IndexOf(MarkerPrefix);
            if (next < 0)
            {
                return false;
            }

            position += next;
            while (position < data.Length && data[position] == MarkerPrefix)
            {
                position++;
            }

            if (position >= data.Length)
            {
                return false;
            }

            var marker = data[position++];
            if (marker == EndOfImage)
            {
                return true;
            }

            if (marker is 0x00 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue;
            }

            if (position + 2 > data.Length)
            {
                return false;
            }

            position += BinaryPrimitives.ReadUInt16BigEndian(data.Slice(position, 2));
            if (position > data.Length)
            {
                return false;
            }

            if (marker == StartOfScan && !SkipEntropyCodedData(data, ref position))
            {
                return false;
            }
        }
    }

    /// <summary>Moves to the first real marker after a scan's entropy-coded data (FF00 and RSTn belong to the data).</summary>
    private static bool SkipEntropyCodedData(ReadOnlySpan<byte> data, ref int position)
    {
        while (true)
        {
            var next = data[position..].IndexOf(MarkerPrefix);
            if (next < 0 || position + next + 1 >= data.Length)
            {
                return false;
            }

            var candidate = position + next;
            var following = data[candidate + 1];
            if (following is 0x00 or MarkerPrefix or (>= 0xD0 and <= 0xD7))
            {
                position = candidate + 1;
                continue;
            }

            position = candidate;
            return true;
        }
    }

    private static bool PngReachesEnd(ReadOnlySpan<byte> data)
    {
        long position = 8;
        while (position + 8 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data.Slice((int)position, 4));
            if (data.Slice((int)position + 4, 4).SequenceEqual("IEND"u8))
            {
                return true;
            }

            position += 12L + length;
        }

        return false;
    }
}
