namespace PhotoGallery.Core.Photos;

/// <summary>What the grid needs of one photo.</summary>
public sealed record PhotoTile(Guid Id, DateTime SortKey, DateTime CreatedAt, int Width, int Height, string OriginalFileName, bool IsGenerated)
{
    /// <summary>The date the tile is grouped under for the given sort.</summary>
    public DateOnly Day(LibrarySort sort) => DateOnly.FromDateTime(sort == LibrarySort.Added ? CreatedAt : SortKey);
}
