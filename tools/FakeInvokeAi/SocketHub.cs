using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace FakeInvokeAi;

/// <summary>
/// The Socket.IO server at <c>/ws/socket.io</c> (Engine.IO v4, WebSocket transport only). Like v6.13 in
/// single-user mode, queue-item events are sent twice: to the user room and to the admin room (reference §6).
/// </summary>
public sealed class SocketHub(FakeState state, ILogger<SocketHub> logger)
{
    private const int PingIntervalMs = 25000;
    private readonly ConcurrentDictionary<string, SocketClient> _clients = new();

    /// <summary>Sockets connected right now.</summary>
    public int ConnectedCount => _clients.Count;

    public async Task HandleAsync(HttpContext context)
    {
        if (state.Faults.SocketsDisabled)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        if (!context.WebSockets.IsWebSocketRequest || context.Request.Query["EIO"] != "4")
        {
            // The fake speaks only the WebSocket transport; clients start with it directly.
            await Results.Json(new JsonObject { ["code"] = 3, ["message"] = "Bad request" }, statusCode: 400).ExecuteAsync(context);
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var client = new SocketClient(socket);
        _clients[client.Sid] = client;
        var aborted = context.RequestAborted;
        try
        {
            await client.SendAsync($"0{{\"sid\":\"{client.Sid}\",\"upgrades\":[],\"pingInterval\":{PingIntervalMs},\"pingTimeout\":20000,\"maxPayload\":1000000}}", aborted);
            using var pinger = new CancellationTokenSource();
            var ping = PingAsync(client, pinger.Token);
            await ReceiveAsync(client, aborted);
            await pinger.CancelAsync();
            await ping;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            logger.LogDebug("Socket {Sid} ended: {Reason}", client.Sid, ex.Message);
        }
        finally
        {
            _clients.TryRemove(client.Sid, out _);
        }
    }

    /// <summary>Emits to every subscribed socket: user-room copy, admin-room copy, and one more when duplicates are injected.</summary>
    public async Task EmitAsync(string eventName, JsonObject payload, JsonObject? adminPayload = null)
    {
        payload["timestamp"] = FakeTime.Unix(state.Now);
        var user = $"42[\"{eventName}\",{payload.ToJsonString()}]";
        var adminCopy = adminPayload ?? payload;
        adminCopy["timestamp"] = payload["timestamp"]!.DeepClone();
        var admin = $"42[\"{eventName}\",{adminCopy.ToJsonString()}]";
        var extra = state.Faults.DuplicateEvents;
        foreach (var client in _clients.Values.Where(c => c.Subscribed))
        {
            try
            {
                await client.SendAsync(user, CancellationToken.None);
                await client.SendAsync(admin, CancellationToken.None);
                if (extra)
                    await client.SendAsync(user, CancellationToken.None);
            }
            catch (WebSocketException ex)
            {
                logger.LogDebug("Dropping socket {Sid}: {Reason}", client.Sid, ex.Message);
            }
        }
    }

    /// <summary>Breaks every connection without a close handshake (a network drop or a restart).</summary>
    public void DropAll()
    {
        foreach (var client in _clients.Values)
            client.Socket.Abort();
        _clients.Clear();
    }

    private async Task ReceiveAsync(SocketClient client, CancellationToken cancellationToken)
    {
        var buffer = new byte[16384];
        while (client.Socket.State == WebSocketState.Open)
        {
            var result = await client.Socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return;
            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            if (text.StartsWith("40", StringComparison.Ordinal))
                await ConnectNamespaceAsync(client, text[2..], cancellationToken);
            else if (text.StartsWith("42", StringComparison.Ordinal) && text.Contains("\"subscribe_queue\"", StringComparison.Ordinal))
                client.Subscribed = true;
            else if (text.StartsWith("42", StringComparison.Ordinal) && text.Contains("\"unsubscribe_queue\"", StringComparison.Ordinal))
                client.Subscribed = false;
            else if (text is "41" or "1")
                return;
        }
    }

    private async Task ConnectNamespaceAsync(SocketClient client, string authJson, CancellationToken cancellationToken)
    {
        if (state.Options.MultiUser)
        {
            var token = authJson.Length > 0 ? GraphValidator.Str((JsonNode.Parse(authJson) as JsonObject)?["token"]) : null;
            if (!state.IsValidToken(token))
            {
                await client.SendAsync("44{\"message\":\"Authentication required\"}", cancellationToken);
                return;
            }
        }
        await client.SendAsync($"40{{\"sid\":\"{Guid.NewGuid():N}\"}}", cancellationToken);
    }

    private static async Task PingAsync(SocketClient client, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(PingIntervalMs, cancellationToken);
                await client.SendAsync("2", cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended; nothing left to ping.
        }
        catch (WebSocketException)
        {
            // The connection broke; the receive loop reports it.
        }
    }
}
