using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Backends.InvokeAi.Graphs;
using PhotoGallery.Core.Backends.InvokeAi.Wire;

namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>
/// Typed client of the InvokeAI REST API (reference/invokeai-api.md). The base URI comes from
/// <see cref="ActiveBackend"/> on every call. GETs are retried by the resilience pipeline; an enqueue never is.
/// </summary>
public sealed class InvokeAiClient(HttpClient http, ActiveBackend backend, IOptions<InvokeAiOptions> options, ILogger<InvokeAiClient> logger)
{
    public const string QueueId = "default";
    public const string RefreshedTokenHeader = "X-Refreshed-Token";
    private const string Queue = "api/v1/queue/" + QueueId;

    public async Task<string> GetVersionAsync(CancellationToken cancellationToken) =>
        (await GetJsonAsync<VersionWire>("api/v1/app/version", InvokeAiCallArea.Status, cancellationToken)).Version;

    public async Task<InvokeAiAuthStatus> GetAuthStatusAsync(CancellationToken cancellationToken)
    {
        var wire = await GetJsonAsync<AuthStatusWire>("api/v1/auth/status", InvokeAiCallArea.Status, cancellationToken);
        return new InvokeAiAuthStatus(wire.MultiuserEnabled, wire.SetupRequired);
    }

    /// <summary>Multi-user login (reference §0); the token is saved, encrypted, for every later call.</summary>
    public async Task LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        var body = JsonContent.Create(new JsonObject { ["email"] = email, ["password"] = password, ["remember_me"] = true });
        JsonObject answer;
        try
        {
            answer = await SendJsonAsync<JsonObject>(HttpMethod.Post, "api/v1/auth/login", body, InvokeAiCallArea.Status, cancellationToken);
        }
        catch (InvokeAiAuthenticationException ex) when (ex.StatusCode == 401)
        {
            throw new InvokeAiAuthenticationException("InvokeAI refused the sign-in: wrong email or password.", ex) { StatusCode = 401 };
        }
        if (answer["token"] is not JsonValue token || !token.TryGetValue<string>(out var text) || text.Length == 0)
            throw new InvokeAiAuthenticationException("InvokeAI accepted the login but sent no token.");
        await backend.SaveTokenAsync(text, cancellationToken);
    }

    public async Task<InvokeAiQueueStatus> GetQueueStatusAsync(CancellationToken cancellationToken)
    {
        var wire = await GetJsonAsync<QueueStatusWire>(Queue + "/status", InvokeAiCallArea.Status, cancellationToken);
        var q = wire.Queue;
        return new InvokeAiQueueStatus(q.Pending, q.InProgress, q.Completed, q.Failed, q.Canceled, q.Total, q.ItemId,
            wire.Processor.IsStarted, wire.Processor.IsProcessing);
    }

    public async Task<IReadOnlyList<InvokeAiModel>> ListModelsAsync(CancellationToken cancellationToken)
    {
        var wire = await GetJsonAsync<ModelsWire>("api/v2/models/", InvokeAiCallArea.Models, cancellationToken);
        return (wire.Models ?? []).Select(InvokeAiWireMapper.ToModel).ToList();
    }

    /// <summary>Sends the batch once. Fewer items than requested (a full queue) is an error; the partial batch is canceled.</summary>
    public async Task<InvokeAiEnqueueResult> EnqueueBatchAsync(InvokeAiBatch batch, bool prepend, CancellationToken cancellationToken)
    {
        var data = batch.Data
            .Select(group => (IReadOnlyList<BatchDatumWire>)group
                .Select(d => new BatchDatumWire(d.NodePath, d.FieldName, new JsonArray(d.Items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray())))
                .ToList())
            .ToList();
        var request = new EnqueueBatchRequestWire(prepend, new BatchWire(batch.BatchId, batch.Origin, batch.Destination, batch.Graph.ToJson(), 1, data));
        var content = JsonContent.Create(request, options: InvokeAiJson.Options);
        var wire = await SendJsonAsync<EnqueueBatchResponseWire>(HttpMethod.Post, Queue + "/enqueue_batch", content, InvokeAiCallArea.Queue, cancellationToken);
        var batchId = wire.Batch?.BatchId ?? batch.BatchId;
        logger.LogInformation("Enqueued batch {BatchId} for {Destination}: {Enqueued} of {Requested} items", batchId, batch.Destination, wire.Enqueued, wire.Requested);
        if (wire.Enqueued < wire.Requested || wire.Enqueued < batch.ExpectedItemCount)
        {
            if (wire.Enqueued > 0)
                await CancelBatchesAsync([batchId], cancellationToken);
            throw new InvokeAiGenerationException(
                $"InvokeAI's queue is full: it accepted {wire.Enqueued} of {wire.Requested} images. Wait for the queue to drain, or clear it, then try again.");
        }
        var itemIds = (wire.ItemIds ?? []).Order().ToList();
        return new InvokeAiEnqueueResult(batchId, itemIds, wire.Enqueued, wire.Requested);
    }

    /// <summary>The item, or null when InvokeAI does not know it (deleted, or the server forgot its queue).</summary>
    public async Task<InvokeAiQueueItem?> GetQueueItemAsync(int itemId, CancellationToken cancellationToken)
    {
        var wire = await GetJsonOrNullAsync<QueueItemWire>($"{Queue}/i/{itemId}", InvokeAiCallArea.Queue, cancellationToken);
        return wire is null ? null : InvokeAiWireMapper.ToQueueItem(wire);
    }

    /// <summary>Hydrates item ids in request order; unknown ids are skipped (reference §4.5).</summary>
    public async Task<IReadOnlyList<InvokeAiQueueItem>> GetQueueItemsAsync(IReadOnlyList<int> itemIds, CancellationToken cancellationToken)
    {
        // A POST that only reads: safe to repeat, but the pipeline retries GETs only, so it is sent once.
        var content = JsonContent.Create(new ItemIdsRequestWire(itemIds), options: InvokeAiJson.Options);
        var wire = await SendJsonAsync<List<QueueItemWire>>(HttpMethod.Post, Queue + "/items_by_ids", content, InvokeAiCallArea.Queue, cancellationToken);
        return wire.Select(InvokeAiWireMapper.ToQueueItem).ToList();
    }

    public async Task<IReadOnlyList<InvokeAiQueueItem>> ListQueueItemsByDestinationAsync(string destination, CancellationToken cancellationToken)
    {
        var wire = await GetJsonAsync<List<QueueItemWire>>($"{Queue}/list_all?destination={Uri.EscapeDataString(destination)}", InvokeAiCallArea.Queue, cancellationToken);
        return wire.Select(InvokeAiWireMapper.ToQueueItem).ToList();
    }

    public async Task<InvokeAiBatchStatus> GetBatchStatusAsync(string batchId, CancellationToken cancellationToken)
    {
        var w = await GetJsonAsync<BatchStatusWire>($"{Queue}/b/{Uri.EscapeDataString(batchId)}/status", InvokeAiCallArea.Queue, cancellationToken);
        return new InvokeAiBatchStatus(w.BatchId, w.Pending, w.InProgress, w.Completed, w.Failed, w.Canceled, w.Total);
    }

    /// <summary>Cancels one item; null when InvokeAI does not know it. Terminal items stay as they are.</summary>
    public async Task<InvokeAiQueueItem?> CancelQueueItemAsync(int itemId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, $"{Queue}/i/{itemId}/cancel", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        await InvokeAiResponses.EnsureSuccessAsync(response, InvokeAiCallArea.Queue, cancellationToken);
        return InvokeAiWireMapper.ToQueueItem(await InvokeAiResponses.ReadJsonAsync<QueueItemWire>(response, InvokeAiCallArea.Queue, cancellationToken));
    }

    /// <summary>Cancels the pending and running items of the batches; returns how many pending ones flipped (reference §4.6).</summary>
    public async Task<int> CancelBatchesAsync(IReadOnlyList<string> batchIds, CancellationToken cancellationToken)
    {
        var content = JsonContent.Create(new BatchIdsRequestWire(batchIds), options: InvokeAiJson.Options);
        return (await SendJsonAsync<CanceledWire>(HttpMethod.Put, Queue + "/cancel_by_batch_ids", content, InvokeAiCallArea.Queue, cancellationToken)).Canceled;
    }

    public async Task<int> CancelByDestinationAsync(string destination, CancellationToken cancellationToken) =>
        (await SendJsonAsync<CanceledWire>(HttpMethod.Put, $"{Queue}/cancel_by_destination?destination={Uri.EscapeDataString(destination)}", null, InvokeAiCallArea.Queue, cancellationToken)).Canceled;

    /// <summary>The full PNG.</summary>
    public Task<byte[]> GetImageAsync(string imageName, CancellationToken cancellationToken) =>
        GetBytesAsync($"api/v1/images/i/{Uri.EscapeDataString(imageName)}/full", cancellationToken);

    /// <summary>InvokeAI's WebP thumbnail (a fallback only: the app makes its own).</summary>
    public Task<byte[]> GetThumbnailAsync(string imageName, CancellationToken cancellationToken) =>
        GetBytesAsync($"api/v1/images/i/{Uri.EscapeDataString(imageName)}/thumbnail", cancellationToken);

    /// <summary>The <c>core_metadata</c> object plus <c>app_version</c>, or null when the image has none (reference §5.1).</summary>
    public async Task<JsonObject?> GetImageMetadataAsync(string imageName, CancellationToken cancellationToken) =>
        await GetJsonAsync<JsonObject?>($"api/v1/images/i/{Uri.EscapeDataString(imageName)}/metadata", InvokeAiCallArea.Images, cancellationToken);

    public async Task<InvokeAiImage> GetImageInfoAsync(string imageName, CancellationToken cancellationToken) =>
        InvokeAiWireMapper.ToImage(await GetJsonAsync<ImageDtoWire>($"api/v1/images/i/{Uri.EscapeDataString(imageName)}", InvokeAiCallArea.Images, cancellationToken));

    /// <summary>Uploads an img2img source as an intermediate user asset (reference §5.2).</summary>
    public async Task<InvokeAiImage> UploadImageAsync(Stream image, string fileName, string contentType, CancellationToken cancellationToken)
    {
        var file = new StreamContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        var wire = await SendJsonAsync<ImageDtoWire>(HttpMethod.Post, "api/v1/images/upload?image_category=user&is_intermediate=true", form, InvokeAiCallArea.Images, cancellationToken);
        return InvokeAiWireMapper.ToImage(wire);
    }

    private async Task<byte[]> GetBytesAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        await InvokeAiResponses.EnsureSuccessAsync(response, InvokeAiCallArea.Images, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private Task<T> GetJsonAsync<T>(string path, InvokeAiCallArea area, CancellationToken cancellationToken) =>
        SendJsonAsync<T>(HttpMethod.Get, path, null, area, cancellationToken);

    private async Task<T?> GetJsonOrNullAsync<T>(string path, InvokeAiCallArea area, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        await InvokeAiResponses.EnsureSuccessAsync(response, area, cancellationToken);
        return await InvokeAiResponses.ReadJsonAsync<T>(response, area, cancellationToken);
    }

    private async Task<T> SendJsonAsync<T>(HttpMethod method, string path, HttpContent? content, InvokeAiCallArea area, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, content, cancellationToken);
        await InvokeAiResponses.EnsureSuccessAsync(response, area, cancellationToken);
        return await InvokeAiResponses.ReadJsonAsync<T>(response, area, cancellationToken);
    }

    /// <summary>
    /// Sends with the current base URI and token. The pipeline (retries, attempt timeout) covers the headers; the body
    /// is then buffered under its own read timeout, so a download that stalls fails instead of hanging.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        var endpoint = await backend.GetEndpointAsync(cancellationToken);
        using var request = new HttpRequestMessage(method, new Uri(endpoint.BaseUri, path)) { Content = content };
        if (endpoint.Token is { Length: > 0 } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage? response = null;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            using var bodyTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bodyTimeout.CancelAfter(TimeSpan.FromSeconds(options.Value.ReadTimeoutSeconds));
            await response.Content.LoadIntoBufferAsync(bodyTimeout.Token);
        }
        catch (Exception ex) when (InvokeAiResponses.IsConnectionFailure(ex, cancellationToken))
        {
            response?.Dispose();
            // Debug: the caller decides what an unreachable server means (a waiting step logs it once per outage).
            logger.LogDebug(ex, "InvokeAI call {Method} {Path} at {Authority} failed", method.Method, path, endpoint.BaseUri.Authority);
            throw new InvokeAiConnectionException(InvokeAiResponses.DescribeConnectionFailure(ex, endpoint.BaseUri), ex);
        }
        if (response.Headers.TryGetValues(RefreshedTokenHeader, out var values) && values.FirstOrDefault() is { Length: > 0 } refreshed && refreshed != endpoint.Token)
        {
            logger.LogDebug("InvokeAI refreshed the multi-user token");
            await backend.SaveTokenAsync(refreshed, cancellationToken);
        }
        return response;
    }
}
