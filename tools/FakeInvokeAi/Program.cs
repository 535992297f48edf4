using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FakeInvokeAi;

/// <summary>
/// <c>dotnet run --project tools/FakeInvokeAi -- [--urls http://127.0.0.1:9090] [--item-ms 1500] [--multiuser true --token T]
/// [--latency-ms N] [--error-rate 0.1] [--drop-rate 0.1] [--malformed-rate 0.1] [--slow-image-ms N] [--duplicate-events true]
/// [--no-sockets true] [--corrupt-images N]</c>
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, string> Switches = new()
    {
        ["--urls"] = "Urls",
        ["--item-ms"] = "ItemDurationMs",
        ["--progress-steps"] = "ProgressSteps",
        ["--multiuser"] = "MultiUser",
        ["--token"] = "Token",
        ["--email"] = "Email",
        ["--password"] = "Password",
        ["--latency-ms"] = "Faults:LatencyMs",
        ["--error-rate"] = "Faults:ServerErrorRate",
        ["--drop-rate"] = "Faults:DropConnectionRate",
        ["--malformed-rate"] = "Faults:MalformedJsonRate",
        ["--slow-image-ms"] = "Faults:SlowImageMs",
        ["--duplicate-events"] = "Faults:DuplicateEvents",
        ["--no-sockets"] = "Faults:SocketsDisabled",
        ["--corrupt-images"] = "Faults:CorruptImageCount",
    };

    public static async Task<int> Main(string[] args)
    {
        var options = new FakeInvokeAiOptions();
        new ConfigurationBuilder().AddCommandLine(args, Switches).Build().Bind(options);
        var app = FakeInvokeAiServer.Build([], options);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"Fake InvokeAI {FakeState.AppVersion} listening on {address} (multi-user: {options.MultiUser}). Ctrl+C stops it.");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
