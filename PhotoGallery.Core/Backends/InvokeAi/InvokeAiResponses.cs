using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>Status checks, JSON reading and the mapping of failures onto the typed exceptions.</summary>
internal static class InvokeAiResponses
{
    private const int MaxDetailLength = 300;

    public static async Task EnsureSuccessAsync(HttpResponseMessage response, InvokeAiCallArea area, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var detail = await ReadDetailAsync(response, cancellationToken);
        var code = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new InvokeAiAuthenticationException(
                $"InvokeAI refused access ({code}): {detail.TrimEnd('.')}. Sign in again on the Backend page.") { StatusCode = code };
        }
        var message = response.StatusCode switch
        {
            HttpStatusCode.UnprocessableEntity => $"InvokeAI rejected the request as invalid: {detail}",
            HttpStatusCode.NotFound => $"InvokeAI does not know the requested item: {detail}",
            _ when code >= 500 => $"InvokeAI failed with HTTP {code}: {detail}",
            _ => $"InvokeAI answered HTTP {code}: {detail}",
        };
        throw Create(area, message, null, code);
    }

    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, InvokeAiCallArea area, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var value = await JsonSerializer.DeserializeAsync<T>(stream, InvokeAiJson.Options, cancellationToken);
            if (value is null && default(T) is not null)
                throw new JsonException("The answer was JSON null.");
            return value!;
        }
        catch (JsonException ex)
        {
            throw Create(area, "InvokeAI sent an answer this app cannot read (not the expected JSON). Is the URL really an InvokeAI server of version 6?", ex, (int)response.StatusCode);
        }
    }

    public static bool IsConnectionFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        HttpRequestException or SocketException or IOException => true,
        TimeoutRejectedException or BrokenCircuitException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    public static string DescribeConnectionFailure(Exception ex, Uri baseUri) => ex switch
    {
        BrokenCircuitException => $"InvokeAI at {baseUri.Authority} failed repeatedly; calls are paused for a moment before trying again.",
        TimeoutRejectedException or OperationCanceledException => $"InvokeAI at {baseUri.Authority} did not answer in time.",
        _ => $"InvokeAI at {baseUri.Authority} cannot be reached: {Innermost(ex).Message}",
    };

    private static InvokeAiException Create(InvokeAiCallArea area, string message, Exception? inner, int? statusCode) => area switch
    {
        InvokeAiCallArea.Models => new InvokeAiModelException(message, inner) { StatusCode = statusCode },
        InvokeAiCallArea.Queue => new InvokeAiGenerationException(message, inner) { StatusCode = statusCode },
        InvokeAiCallArea.Images => new InvokeAiRetrievalException(message, inner) { StatusCode = statusCode },
        _ => new InvokeAiConnectionException(message, inner) { StatusCode = statusCode },
    };

    /// <summary>FastAPI's <c>{"detail": "..."}</c> or the 422 list of <c>{loc, msg}</c>; raw text otherwise.</summary>
    private static async Task<string> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            // The error body itself broke off; the status code still tells the story.
            return response.ReasonPhrase ?? "no details";
        }
        try
        {
            var detail = JsonNode.Parse(text)?["detail"];
            if (detail is JsonArray items)
            {
                return string.Join("; ", items.OfType<JsonObject>().Select(i =>
                    $"{string.Join(".", (i["loc"] as JsonArray ?? []).Select(l => l?.ToString()))}: {i["msg"]}"));
            }
            if (detail is not null)
                return Truncate(detail.ToString());
        }
        catch (JsonException)
        {
            // Not JSON (a proxy page, the static UI's 404): fall through to the raw text.
        }
        return string.IsNullOrWhiteSpace(text) ? response.ReasonPhrase ?? "no details" : Truncate(text);
    }

    private static string Truncate(string text) => text.Length <= MaxDetailLength ? text : text[..MaxDetailLength] + "…";

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
            ex = ex.InnerException;
        return ex;
    }
}
