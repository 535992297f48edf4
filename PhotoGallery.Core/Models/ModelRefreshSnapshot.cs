namespace PhotoGallery.Core.Models;

/// <summary>The last successful refresh (UTC) and the error of the last attempt if it failed.</summary>
public sealed record ModelRefreshSnapshot(DateTime? LastRefreshAt, int? ModelCount, string? LastError);
