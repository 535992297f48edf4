using Microsoft.Extensions.Options;
using PhotoGallery.Core.Common;
using PhotoGallery.Web.Configuration;

namespace PhotoGallery.Tests.Unit.Common;

public sealed class StartupFailureTests
{
    [Fact]
    public void Describe_DataAnnotationFailure_KeepsOnlyTheMessage()
    {
        var ex = new OptionsValidationException("PhotoOptions", typeof(object),
            ["DataAnnotation validation failed for 'PhotoOptions' members: 'MaxUploadSize' with the error: 'Photos:MaxUploadSize (MAX_UPLOAD_SIZE) must be between 1 byte and 2 GB.'."]);

        Assert.Equal("Photos:MaxUploadSize (MAX_UPLOAD_SIZE) must be between 1 byte and 2 GB.", StartupFailure.Describe(ex));
    }

    [Fact]
    public void Describe_WrappedStartupException_GivesItsMessage() =>
        Assert.Equal("bad root", StartupFailure.Describe(new AggregateException(new StartupException("bad root"))));

    [Fact]
    public void Describe_UnexpectedBug_ReturnsNullSoItPropagates() =>
        Assert.Null(StartupFailure.Describe(new NullReferenceException()));
}
