using System.Text.Json;

namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary>The members of a model config the app uses (reference §2.2); the rest is ignored.</summary>
public sealed record ModelConfigWire(
    string Key,
    string Hash,
    string Name,
    string Base,
    string Type,
    string Format,
    string? Description,
    JsonElement? Variant,
    DefaultSettingsWire? DefaultSettings);
