namespace PhotoGallery.Core.Photos;

/// <summary>The position after the last tile of a page: (sort value, id) of that tile.</summary>
public sealed record LibraryCursor(DateTime Key, Guid Id);
