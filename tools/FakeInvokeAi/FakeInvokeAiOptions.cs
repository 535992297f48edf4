namespace FakeInvokeAi;

/// <summary>How the fake behaves; bound from the command line (see Program) or set by tests.</summary>
public sealed class FakeInvokeAiOptions
{
    /// <summary>Address to bind; port 0 picks a free one.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:9090";

    /// <summary>How long one queue item spends in progress.</summary>
    public int ItemDurationMs { get; set; } = 1500;

    /// <summary>Progress events per item (denoising steps shown).</summary>
    public int ProgressSteps { get; set; } = 5;

    /// <summary>Answers <c>multiuser_enabled: true</c> and requires bearer tokens (reference §0).</summary>
    public bool MultiUser { get; set; }

    /// <summary>A token valid from the start in multi-user mode (what the owner pastes into the app's settings).</summary>
    public string? Token { get; set; }

    public string Email { get; set; } = "owner@example.com";
    public string Password { get; set; } = "invoke";

    /// <summary>Faults active from the start (the control endpoint changes them later).</summary>
    public FakeFaults Faults { get; set; } = new();
}
