using Microsoft.AspNetCore.Http;
using PhotoGallery.Web.Logging;
using Serilog.Events;

namespace PhotoGallery.Tests.Unit.Common;

public sealed class RequestLogLevelsTests
{
    [Theory]
    [InlineData("/media/0193a1b2-0000-7000-8000-000000000001/thumbnail", 200, LogEventLevel.Debug)]
    [InlineData("/media/0193a1b2-0000-7000-8000-000000000001/preview", 304, LogEventLevel.Debug)]
    [InlineData("/media/0193a1b2-0000-7000-8000-000000000001/thumbnail", 404, LogEventLevel.Information)]
    [InlineData("/media/0193a1b2-0000-7000-8000-000000000001/original", 200, LogEventLevel.Information)]
    [InlineData("/library", 200, LogEventLevel.Information)]
    [InlineData("/media/0193a1b2-0000-7000-8000-000000000001/thumbnail", 500, LogEventLevel.Error)]
    public void For_PathAndStatus_ServedDerivedImagesAreDebug(string path, int status, LogEventLevel expected)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = path;
        http.Response.StatusCode = status;

        var level = RequestLogLevels.For(http, 1.0, null);

        Assert.Equal(expected, level);
    }

    [Fact]
    public void For_Exception_IsError()
    {
        var http = new DefaultHttpContext();
        http.Request.Path = "/media/0193a1b2-0000-7000-8000-000000000001/thumbnail";

        var level = RequestLogLevels.For(http, 1.0, new InvalidOperationException("boom"));

        Assert.Equal(LogEventLevel.Error, level);
    }
}
