namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>Which typed exception a failed answer becomes.</summary>
internal enum InvokeAiCallArea
{
    Status,
    Models,
    Queue,
    Images,
}
