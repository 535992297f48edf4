namespace PhotoGallery.Core.Photos;

/// <summary>A photo in Trash, with the moment it will be purged and the whole days left until then.</summary>
public sealed record TrashItem(Guid Id, string OriginalFileName, int Width, int Height, DateTime DeletedAt, DateTime PurgeAt, int DaysLeft);
