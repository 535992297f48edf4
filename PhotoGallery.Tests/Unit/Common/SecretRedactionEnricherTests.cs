using PhotoGallery.Web.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace PhotoGallery.Tests.Unit.Common;

public sealed class SecretRedactionEnricherTests
{
    [Theory]
    [InlineData("/s/AbC123_token-value", "/s/[token]")]
    [InlineData("/s/AbC123_token-value/media/0193a1b2", "/s/[token]/media/0193a1b2")]
    [InlineData("/healthz", "/healthz")]
    [InlineData("/settings", "/settings")]
    public void RedactPath_Path_HidesShareTokensOnly(string path, string expected) =>
        Assert.Equal(expected, SecretRedactionEnricher.RedactPath(path));

    [Fact]
    public void Enrich_RequestPathWithToken_ReplacesProperty()
    {
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null,
            new MessageTemplateParser().Parse("HTTP {RequestPath}"), [new LogEventProperty("RequestPath", new ScalarValue("/s/secret-token"))]);

        new SecretRedactionEnricher().Enrich(logEvent, null!);

        Assert.Equal("\"/s/[token]\"", logEvent.Properties["RequestPath"].ToString());
    }
}
