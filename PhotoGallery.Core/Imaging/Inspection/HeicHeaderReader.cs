using ImageMagick;

namespace PhotoGallery.Core.Imaging.Inspection;

/// <summary>
/// HEIC header through Magick.NET's ping (reads the boxes, decodes no pixels). The HEIF decoder applies the
/// container's rotation while decoding, so the dimensions and orientation are the ones ImageMagick reports.
/// </summary>
internal static class HeicHeaderReader
{
    public static HeaderFacts? Read(string filePath)
    {
        using var image = new MagickImage();
        image.Ping(filePath, new MagickReadSettings { Format = MagickFormat.Heic });
        if (image.Width == 0 || image.Height == 0 || image.Width > int.MaxValue || image.Height > int.MaxValue)
        {
            return null;
        }

        var orientation = ExifValues.ParseOrientation((int)image.Orientation);
        var profile = image.GetExifProfile();
        var exif = profile is null
            ? ExifMetadata.None with { Orientation = orientation }
            : new ExifMetadata(
                orientation,
                ExifValues.ParseTakenAt(profile.GetValue(ExifTag.DateTimeOriginal)?.Value, profile.GetValue(ExifTag.OffsetTimeOriginal)?.Value)
                    ?? ExifValues.ParseTakenAt(profile.GetValue(ExifTag.DateTimeDigitized)?.Value, profile.GetValue(ExifTag.OffsetTimeDigitized)?.Value),
                ExifValues.CleanText(profile.GetValue(ExifTag.Make)?.Value),
                ExifValues.CleanText(profile.GetValue(ExifTag.Model)?.Value));
        return new HeaderFacts((int)image.Width, (int)image.Height, exif);
    }
}
