using System.Buffers.Binary;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.WebP;

namespace PhotoGallery.Core.Imaging.Inspection;

/// <summary>
/// Reads dimensions (and EXIF) of JPEG, PNG and WebP files from their headers only: no pixel data is decoded,
/// so a file that claims 50,000 × 50,000 pixels costs a few hundred bytes of reading.
/// Returns null when the header is malformed.
/// </summary>
internal static class ImageHeaderReader
{
    private const byte WebPExifFlag = 0x08;

    public static HeaderFacts? ReadJpeg(Stream stream)
    {
        // Only the SOF and APP1/EXIF readers: the segment reader stops at the first scan (SOS), before pixel data.
        var directories = JpegMetadataReader.ReadMetadata(stream, [new JpegReader(), new ExifReader()]);
        var frame = directories.OfType<JpegDirectory>().FirstOrDefault();
        if (frame is null ||
            !frame.TryGetInt32(JpegDirectory.TagImageWidth, out var width) ||
            !frame.TryGetInt32(JpegDirectory.TagImageHeight, out var height))
        {
            return null;
        }

        return new HeaderFacts(width, height, MetadataExtractorExifReader.Read(directories));
    }

    /// <summary>
    /// Width and height from IHDR. PNG EXIF is not read: photos rarely carry it, and MetadataExtractor would inflate
    /// compressed text chunks, which is a second decompression-bomb surface.
    /// </summary>
    public static HeaderFacts? ReadPng(ReadOnlySpan<byte> header)
    {
        if (header.Length < 24 || !header[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(header[16..20]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(header[20..24]);
        return width is 0 or > int.MaxValue || height is 0 or > int.MaxValue
            ? null
            : new HeaderFacts((int)width, (int)height, ExifMetadata.None);
    }

    public static HeaderFacts? ReadWebP(ReadOnlySpan<byte> header, Stream stream)
    {
        if (header.Length < 30)
        {
            return null;
        }

        var chunk = header[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Lossy bitstream: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height.
            if (header[23] != 0x9D || header[24] != 0x01 || header[25] != 0x2A)
            {
                return null;
            }

            var width = BinaryPrimitives.ReadUInt16LittleEndian(header[26..28]) & 0x3FFF;
            var height = BinaryPrimitives.ReadUInt16LittleEndian(header[28..30]) & 0x3FFF;
            return new HeaderFacts(width, height, ExifMetadata.None);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Lossless bitstream: signature 0x2F, then (width - 1) and (height - 1) in 14 bits each.
            if (header[20] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(header[21..25]);
            return new HeaderFacts((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1, ExifMetadata.None);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Extended format: flags, 3 reserved bytes, then 24-bit (canvas width - 1) and (canvas height - 1).
            var width = ReadUInt24LittleEndian(header[24..27]) + 1;
            var height = ReadUInt24LittleEndian(header[27..30]) + 1;
            var exif = (header[20] & WebPExifFlag) != 0
                ? MetadataExtractorExifReader.Read(WebPMetadataReader.ReadMetadata(stream))
                : ExifMetadata.None;
            return new HeaderFacts(width, height, exif);
        }

        return null;
    }

    private static int ReadUInt24LittleEndian(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
}
