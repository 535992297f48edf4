namespace PhotoGallery.Core.Photos;

public enum LibrarySort
{
    /// <summary>By taken-at (EXIF), falling back to the date added: the stored sort key.</summary>
    Taken,

    /// <summary>By the date the photo joined the library.</summary>
    Added,
}
