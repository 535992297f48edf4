using Microsoft.Extensions.Options;
using PhotoGallery.Core.Backends;

namespace PhotoGallery.Core.Sharing;

public sealed class SharingOptionsValidator : IValidateOptions<SharingOptions>
{
    public ValidateOptionsResult Validate(string? name, SharingOptions options) =>
        string.IsNullOrEmpty(options.ExternalBaseUrl) || InvokeAiOptionsValidator.IsHttpUrl(options.ExternalBaseUrl)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Sharing:ExternalBaseUrl must be an absolute http:// or https:// URL, not '{options.ExternalBaseUrl}'.");
}
