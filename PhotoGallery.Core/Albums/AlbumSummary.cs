namespace PhotoGallery.Core.Albums;

/// <summary>An album as lists show it: the cover (chosen, else the first photo), live photo count and date range.</summary>
public sealed record AlbumSummary(
    Guid Id,
    string Title,
    string? Description,
    Guid? CoverPhotoId,
    bool CoverChosen,
    int PhotoCount,
    DateTime? From,
    DateTime? To,
    DateTime CreatedAt,
    DateTime UpdatedAt);
