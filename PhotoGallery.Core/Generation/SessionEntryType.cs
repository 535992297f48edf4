namespace PhotoGallery.Core.Generation;

public enum SessionEntryType
{
    Scratch,
    Photo,
}
