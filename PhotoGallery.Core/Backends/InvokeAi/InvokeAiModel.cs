namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>One model config as the app sees it.</summary>
public sealed record InvokeAiModel(
    string Key,
    string Hash,
    string Name,
    string Base,
    string Type,
    string Format,
    string? Variant,
    string? Description,
    InvokeAiModelDefaults? Defaults)
{
    public ModelIdentifier ToIdentifier() => new(Key, Hash, Name, Base, Type);
}
