namespace PhotoGallery.Core.Storage;

/// <summary>A path that would leave the data root. Always a programming error or an attack, never user input to echo.</summary>
public sealed class StoragePathException(string message) : Exception(message);
