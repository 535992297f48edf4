using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace PhotoGallery.Core.Backends.InvokeAi.Events;

/// <summary>
/// One Socket.IO v5 / Engine.IO v4 connection to <c>/ws/socket.io</c> over a WebSocket (reference §6): the small part
/// of the protocol InvokeAI's events need (open, namespace connect with the token, ping/pong, events).
/// </summary>
public sealed class InvokeAiEventConnection(ActiveBackend backend, ILogger<InvokeAiEventConnection> logger)
{
    private static readonly TimeSpan DefaultPingWindow = TimeSpan.FromSeconds(45);
    private int _connected;

    /// <summary>True between the namespace handshake and the end of the connection.</summary>
    public bool IsConnected => Volatile.Read(ref _connected) == 1;

    /// <summary>
    /// Connects, subscribes to the default queue and hands every followed event to <paramref name="onEvent"/> until the
    /// socket closes (returns) or breaks (throws <see cref="InvokeAiConnectionException"/>).
    /// </summary>
    public async Task RunAsync(Func<InvokeAiEvent, ValueTask> onEvent, CancellationToken cancellationToken)
    {
        var endpoint = await backend.GetEndpointAsync(cancellationToken);
        var uri = SocketUri(endpoint.BaseUri);
        using var socket = new ClientWebSocket();
        if (endpoint.Token is { Length: > 0 } token)
            socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
            await ReceiveLoopAsync(socket, endpoint.Token, onEvent, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or HttpRequestException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new InvokeAiConnectionException($"InvokeAI's event stream at {uri.Authority} broke off: {ex.Message}", ex);
        }
        finally
        {
            Volatile.Write(ref _connected, 0);
        }
    }

    public static Uri SocketUri(Uri baseUri)
    {
        var builder = new UriBuilder(new Uri(baseUri, "ws/socket.io/"))
        {
            Scheme = baseUri.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Query = "EIO=4&transport=websocket",
        };
        return builder.Uri;
    }

    private async Task ReceiveLoopAsync(ClientWebSocket socket, string? token, Func<InvokeAiEvent, ValueTask> onEvent, CancellationToken cancellationToken)
    {
        var window = DefaultPingWindow;
        while (true)
        {
            // A server that stops pinging is gone: pingInterval + pingTimeout without any packet ends the connection.
            using var receiveCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            receiveCts.CancelAfter(window);
            var text = await ReceiveTextAsync(socket, receiveCts.Token);
            if (text is null)
                return;
            if (text.Length == 0)
                continue;
            switch (text[0])
            {
                case '0':
                    window = PingWindow(text[1..]);
                    var auth = token is { Length: > 0 } ? new JsonObject { ["token"] = token }.ToJsonString() : "";
                    await SendTextAsync(socket, "40" + auth, cancellationToken);
                    break;
                case '2':
                    await SendTextAsync(socket, "3", cancellationToken);
                    break;
                case '1':
                    return;
                case '4':
                    if (!await HandleSocketIoAsync(socket, text[1..], onEvent, cancellationToken))
                        return;
                    break;
            }
        }
    }

    /// <summary>Handles one Socket.IO packet; false when the server ended the namespace connection.</summary>
    private async Task<bool> HandleSocketIoAsync(ClientWebSocket socket, string packet, Func<InvokeAiEvent, ValueTask> onEvent, CancellationToken cancellationToken)
    {
        if (packet.Length == 0)
            return true;
        switch (packet[0])
        {
            case '0':
                Volatile.Write(ref _connected, 1);
                logger.LogDebug("InvokeAI event stream connected; subscribing to queue {QueueId}", InvokeAiClient.QueueId);
                await SendTextAsync(socket, $"42[\"subscribe_queue\",{{\"queue_id\":\"{InvokeAiClient.QueueId}\"}}]", cancellationToken);
                return true;
            case '1':
                return false;
            case '4':
                throw new InvokeAiAuthenticationException("InvokeAI refused the event stream connection: " + packet[1..]);
            case '2':
                if (InvokeAiEventParser.Parse(packet[1..]) is { } evt)
                    await onEvent(evt);
                return true;
            default:
                return true;
        }
    }

    private static TimeSpan PingWindow(string openPayload)
    {
        try
        {
            var open = JsonNode.Parse(openPayload) as JsonObject;
            var interval = open?["pingInterval"]?.GetValue<int>() ?? 25000;
            var timeout = open?["pingTimeout"]?.GetValue<int>() ?? 20000;
            return TimeSpan.FromMilliseconds(interval + timeout);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return DefaultPingWindow;
        }
    }

    private static async Task<string?> ReceiveTextAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
                return result.MessageType == WebSocketMessageType.Text ? Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length) : "";
        }
    }

    private static Task SendTextAsync(ClientWebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
}
