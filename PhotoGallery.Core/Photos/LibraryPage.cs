namespace PhotoGallery.Core.Photos;

public sealed record LibraryPage(IReadOnlyList<PhotoTile> Items, LibraryCursor? Next);
