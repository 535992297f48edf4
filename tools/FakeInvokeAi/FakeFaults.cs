namespace FakeInvokeAi;

/// <summary>
/// Fault injection switches. Counts ("the next N requests") are deterministic for tests; rates (0–1) suit demos.
/// <see cref="PathContains"/> limits request faults to matching paths (e.g. <c>/enqueue_batch</c>).
/// </summary>
public sealed class FakeFaults
{
    public int LatencyMs { get; set; }
    public int ServerErrorCount { get; set; }
    public double ServerErrorRate { get; set; }
    public int DropConnectionCount { get; set; }
    public double DropConnectionRate { get; set; }
    public int MalformedJsonCount { get; set; }
    public double MalformedJsonRate { get; set; }

    /// <summary>Delay between the four chunks of every image download.</summary>
    public int SlowImageMs { get; set; }

    /// <summary>The next N full-image downloads answer a PNG cut off after its first kilobyte (a corrupt image).</summary>
    public int CorruptImageCount { get; set; }

    /// <summary>Every Socket.IO event is sent one extra time.</summary>
    public bool DuplicateEvents { get; set; }

    /// <summary>Socket.IO upgrades are refused (503): clients must poll.</summary>
    public bool SocketsDisabled { get; set; }

    public string? PathContains { get; set; }

    public FakeFaults Clone() => (FakeFaults)MemberwiseClone();
}
