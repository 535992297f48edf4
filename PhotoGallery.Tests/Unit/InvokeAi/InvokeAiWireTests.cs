using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Backends.InvokeAi.Events;

namespace PhotoGallery.Tests.Unit.InvokeAi;

public sealed class InvokeAiWireTests
{
    [Theory]
    [InlineData("2026-08-13 10:11:12.345")]
    [InlineData("2026-08-13T10:11:12.345")]
    [InlineData("2026-08-13T10:11:12.345Z")]
    [InlineData("2026-08-13T12:11:12.345+02:00")]
    public void ParseTimestamp_SpaceOrTForm_ReturnsUtc(string text)
    {
        var parsed = InvokeAiTimestamp.Parse(text);

        Assert.Equal(new DateTime(2026, 8, 13, 10, 11, 12, 345, DateTimeKind.Utc), parsed);
        Assert.Equal(DateTimeKind.Utc, parsed!.Value.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    public void ParseTimestamp_Missing_ReturnsNull(string? text) => Assert.Null(InvokeAiTimestamp.Parse(text));

    [Fact]
    public void ParseEvent_StatusChanged_ReadsItemStatusAndSequence()
    {
        const string packet = "[\"queue_item_status_changed\",{\"queue_id\":\"default\",\"item_id\":7,\"batch_id\":\"b\",\"destination\":\"d\",\"status\":\"in_progress\",\"status_sequence\":2}]";

        var evt = Assert.IsType<QueueItemStatusChangedEvent>(InvokeAiEventParser.Parse(packet));

        Assert.Equal(7, evt.ItemId);
        Assert.Equal(QueueItemStatus.InProgress, evt.Status);
        Assert.Equal(2, evt.StatusSequence);
        Assert.Equal("d", evt.Destination);
    }

    [Fact]
    public void ParseEvent_ProgressWithNullImage_ReadsPercentage()
    {
        const string packet = "[\"invocation_progress\",{\"item_id\":3,\"batch_id\":\"b\",\"invocation_source_id\":\"denoise\",\"message\":\"Denoising\",\"percentage\":0.4,\"image\":null}]";

        var evt = Assert.IsType<InvocationProgressEvent>(InvokeAiEventParser.Parse(packet));

        Assert.Equal(0.4, evt.Percentage);
        Assert.Equal("denoise", evt.InvocationSourceId);
        Assert.Null(evt.PreviewDataUrl);
    }

    [Theory]
    [InlineData("[\"batch_enqueued\",{\"batch_id\":\"b\"}]")]
    [InlineData("not json")]
    [InlineData("[\"queue_item_status_changed\"]")]
    public void ParseEvent_IgnoredOrBroken_ReturnsNull(string packet) => Assert.Null(InvokeAiEventParser.Parse(packet));
}
