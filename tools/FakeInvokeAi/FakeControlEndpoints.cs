using System.Text.Json.Nodes;

namespace FakeInvokeAi;

/// <summary>Test and demo controls under <c>/_fake</c> (not part of InvokeAI's API).</summary>
public static class FakeControlEndpoints
{
    public static void MapFakeControl(this WebApplication app)
    {
        app.MapGet("/_fake/faults", (FakeState state) => Results.Json(state.Faults));
        app.MapPut("/_fake/faults", (FakeFaults faults, FakeState state) =>
        {
            state.Faults = faults;
            return Results.Json(state.Faults);
        });
        app.MapPost("/_fake/restart", (FakeState state, SocketHub hub) =>
        {
            state.ForgetQueue();
            hub.DropAll();
            return Results.NoContent();
        });
        app.MapPost("/_fake/sockets/drop", (SocketHub hub) =>
        {
            hub.DropAll();
            return Results.NoContent();
        });
        app.MapGet("/_fake/enqueued", (FakeState state) => Results.Json(new JsonArray(state.EnqueueBodies().Select(b => (JsonNode?)b).ToArray())));
    }
}
