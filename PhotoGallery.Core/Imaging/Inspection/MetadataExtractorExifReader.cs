using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace PhotoGallery.Core.Imaging.Inspection;

/// <summary>Pulls <see cref="ExifMetadata"/> out of MetadataExtractor's directories (JPEG and WebP).</summary>
internal static class MetadataExtractorExifReader
{
    public static ExifMetadata Read(IReadOnlyList<MetadataExtractor.Directory> directories)
    {
        var ifd0 = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        var subIfd = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        if (ifd0 is null && subIfd is null)
        {
            return ExifMetadata.None;
        }

        int? orientation = ifd0 is not null && ifd0.TryGetInt32(ExifValues.TagOrientation, out var value) ? value : null;
        var takenAt = subIfd is null
            ? null
            : ExifValues.ParseTakenAt(subIfd.GetString(ExifValues.TagDateTimeOriginal), subIfd.GetString(ExifValues.TagOffsetTimeOriginal))
              ?? ExifValues.ParseTakenAt(subIfd.GetString(ExifValues.TagDateTimeDigitized), subIfd.GetString(ExifValues.TagOffsetTimeDigitized));

        return new ExifMetadata(
            ExifValues.ParseOrientation(orientation),
            takenAt,
            ExifValues.CleanText(ifd0?.GetString(ExifValues.TagMake)),
            ExifValues.CleanText(ifd0?.GetString(ExifValues.TagModel)));
    }
}
