using Microsoft.Extensions.Options;
using PhotoGallery.Core.Common;

namespace PhotoGallery.Web.Configuration;

/// <summary>Turns the exceptions that mean "fix your configuration" into one plain line.</summary>
public static class StartupFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        StartupException e => e.Message,
        OptionsValidationException e => string.Join(" ", e.Failures.Select(WithoutDataAnnotationPrefix).Distinct()),
        InvalidOperationException e when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            e.Message + " Check the value's type (a whole number, a URL, …).",
        AggregateException { InnerExceptions.Count: > 0 } e when e.InnerExceptions.Select(Describe).All(m => m is not null) =>
            string.Join(" ", e.InnerExceptions.Select(Describe).Distinct()),
        _ when exception.InnerException is { } inner && Describe(inner) is { } message => message,
        _ => null,
    };

    // "DataAnnotation validation failed for 'PhotoOptions' members: 'MaxUploadSize' with the error: '...'." → '...'
    private static string WithoutDataAnnotationPrefix(string failure)
    {
        const string marker = "with the error: '";
        var i = failure.IndexOf(marker, StringComparison.Ordinal);
        return i < 0 ? failure : failure[(i + marker.Length)..].TrimEnd('.', '\'') is var m && m.EndsWith('.') ? m : m + ".";
    }
}
