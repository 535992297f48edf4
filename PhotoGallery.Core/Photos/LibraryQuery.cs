namespace PhotoGallery.Core.Photos;

public sealed record LibraryQuery(LibraryFilter Filter = LibraryFilter.All, LibrarySort Sort = LibrarySort.Taken, bool Ascending = false);
