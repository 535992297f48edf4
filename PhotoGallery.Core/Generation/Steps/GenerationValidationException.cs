using PhotoGallery.Core.Common;

namespace PhotoGallery.Core.Generation.Steps;

/// <summary>The form has problems; <see cref="Errors"/> holds one message per field (<see cref="GenerationField"/>).</summary>
public sealed class GenerationValidationException(IReadOnlyDictionary<string, string> errors)
    : UserFacingException("Some settings need attention: " + string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}
