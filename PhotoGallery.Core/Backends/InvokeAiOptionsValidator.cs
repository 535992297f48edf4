using Microsoft.Extensions.Options;

namespace PhotoGallery.Core.Backends;

public sealed class InvokeAiOptionsValidator : IValidateOptions<InvokeAiOptions>
{
    public ValidateOptionsResult Validate(string? name, InvokeAiOptions options)
    {
        var failures = new List<string>();
        if (!IsHttpUrl(options.LocalUrl))
            failures.Add($"InvokeAi:LocalUrl (INVOKEAI_LOCAL_URL) must be an absolute http:// or https:// URL, not '{options.LocalUrl}'.");
        if (options.ConnectionTimeoutSeconds > options.ReadTimeoutSeconds)
            failures.Add("InvokeAi:ConnectionTimeoutSeconds (INVOKEAI_CONNECTION_TIMEOUT) must not exceed InvokeAi:ReadTimeoutSeconds (INVOKEAI_READ_TIMEOUT).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;
}
