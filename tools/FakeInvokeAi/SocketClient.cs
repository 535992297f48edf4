using System.Net.WebSockets;
using System.Text;

namespace FakeInvokeAi;

/// <summary>One Socket.IO client connection; sends are serialized.</summary>
public sealed class SocketClient(WebSocket socket)
{
    private readonly SemaphoreSlim _send = new(1, 1);

    public string Sid { get; } = Guid.NewGuid().ToString("N")[..20];
    public WebSocket Socket => socket;
    public bool Subscribed { get; set; }

    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await _send.WaitAsync(cancellationToken);
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _send.Release();
        }
    }
}
