using System.Globalization;

namespace PhotoGallery.Core.Storage;

/// <summary>
/// The layout of DESIGN.md §3, as relative paths with forward slashes. Built from ids and dates only,
/// never from a client's file name.
/// </summary>
public static class StoragePaths
{
    public const string Photos = "photos";
    public const string Uploaded = "photos/uploaded";
    public const string Generated = "photos/generated";
    public const string Thumbnails = "photos/thumbnails";
    public const string Previews = "photos/previews";
    public const string Incoming = "photos/.incoming";
    public const string Logs = "logs";

    /// <summary>The folders that always exist and are never removed when they become empty.</summary>
    public static readonly IReadOnlyList<string> FixedFolders =
        [Photos, Incoming, Uploaded, Generated, Generated + "/sessions", Generated + "/completed", Thumbnails, Previews];

    public static string UploadedOriginal(Guid photoId, DateOnly day, string extension) =>
        $"{Uploaded}/{Day(day)}/{photoId:D}.{Extension(extension)}";

    public static string GeneratedVariant(Guid sessionId, Guid stepId, Guid photoId) =>
        $"{Generated}/sessions/{sessionId:D}/{stepId:D}/variants/{photoId:D}.png";

    public static string GeneratedSelected(Guid sessionId, Guid stepId, Guid photoId) =>
        $"{Generated}/sessions/{sessionId:D}/{stepId:D}/selected/{photoId:D}.png";

    public static string GeneratedCompleted(DateOnly day, Guid photoId) =>
        $"{Generated}/completed/{Day(day)}/{photoId:D}.png";

    /// <summary>The 300 px WebP thumbnail of an original, mirroring its place under photos/.</summary>
    public static string ThumbnailOf(string originalPath) => Mirror(originalPath, Thumbnails, "webp");

    /// <summary>The viewer preview of an original, mirroring its place under photos/.</summary>
    public static string PreviewOf(string originalPath, string extension) => Mirror(originalPath, Previews, Extension(extension));

    private static string Mirror(string originalPath, string folder, string extension)
    {
        if (!originalPath.StartsWith(Photos + "/", StringComparison.Ordinal))
            throw new StoragePathException("Only originals under photos/ have thumbnails and previews.");
        var rest = originalPath[(Photos.Length + 1)..];
        return $"{folder}/{Path.ChangeExtension(rest, extension)}";
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Extension(string extension)
    {
        var e = extension.TrimStart('.').ToLowerInvariant();
        if (e.Length is 0 or > 5 || !e.All(char.IsAsciiLetterOrDigit))
            throw new StoragePathException("A stored file's extension must be 1–5 letters or digits.");
        return e;
    }
}
