namespace PhotoGallery.Tests.Support;

/// <summary>Upper bounds so a broken test fails instead of hanging (2 shared cores: generous).</summary>
public static class Timeouts
{
    public static CancellationToken Long => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
}
