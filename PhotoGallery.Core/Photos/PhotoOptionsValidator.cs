using Microsoft.Extensions.Options;

namespace PhotoGallery.Core.Photos;

public sealed class PhotoOptionsValidator : IValidateOptions<PhotoOptions>
{
    public ValidateOptionsResult Validate(string? name, PhotoOptions options) =>
        options.MinDimension > options.MaxDimension
            ? ValidateOptionsResult.Fail($"Photos:MinDimension ({options.MinDimension}) must not exceed Photos:MaxDimension ({options.MaxDimension}).")
            : ValidateOptionsResult.Success;
}
