using System.Text.Json.Nodes;

namespace FakeInvokeAi;

/// <summary>Everything the fake remembers: models, queue, images, tokens, faults. One lock guards it all.</summary>
public sealed class FakeState(FakeInvokeAiOptions options, TimeProvider clock)
{
    public const string AppVersion = "6.13.8";

    private readonly Lock _lock = new();
    private readonly SortedDictionary<int, FakeQueueItem> _items = [];
    private readonly Dictionary<string, FakeImage> _images = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tokens = options.Token is { Length: > 0 } t ? [t] : [];
    private readonly List<JsonObject> _enqueueBodies = [];
    private readonly SemaphoreSlim _work = new(0);
    private FakeFaults _faults = options.Faults.Clone();
    private int _nextItemId = 1;

    public FakeInvokeAiOptions Options => options;
    public JsonArray Models { get; } = FakeModels.Create();
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public FakeFaults Faults
    {
        get { lock (_lock) return _faults.Clone(); }
        set { lock (_lock) _faults = value.Clone(); }
    }

    /// <summary>Decides, once per request, which faults hit it; counts are consumed.</summary>
    public (int LatencyMs, bool Drop, bool ServerError, bool Malformed) TakeFaults(string path)
    {
        lock (_lock)
        {
            var f = _faults;
            if (f.PathContains is { Length: > 0 } filter && !path.Contains(filter, StringComparison.Ordinal))
                return (0, false, false, false);
            var drop = Take(f, f.DropConnectionCount, f.DropConnectionRate, x => x.DropConnectionCount--);
            var error = !drop && Take(f, f.ServerErrorCount, f.ServerErrorRate, x => x.ServerErrorCount--);
            var malformed = !drop && !error && Take(f, f.MalformedJsonCount, f.MalformedJsonRate, x => x.MalformedJsonCount--);
            return (f.LatencyMs, drop, error, malformed);
        }
    }

    private static bool Take(FakeFaults faults, int count, double rate, Action<FakeFaults> consume)
    {
        if (count > 0)
        {
            consume(faults);
            return true;
        }
        return rate > 0 && Random.Shared.NextDouble() < rate;
    }

    /// <summary>True when this image download is to be answered corrupt (consumes one <see cref="FakeFaults.CorruptImageCount"/>).</summary>
    public bool TakeCorruptImage()
    {
        lock (_lock)
        {
            if (_faults.CorruptImageCount <= 0)
                return false;
            _faults.CorruptImageCount--;
            return true;
        }
    }

    public bool IsValidToken(string? token)
    {
        lock (_lock)
            return token is not null && _tokens.Contains(token);
    }

    public string IssueToken()
    {
        var token = "fake-jwt." + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        lock (_lock)
            _tokens.Add(token);
        return token;
    }

    public IReadOnlyList<JsonObject> EnqueueBodies()
    {
        lock (_lock)
            return _enqueueBodies.Select(b => (JsonObject)b.DeepClone()).ToList();
    }

    /// <summary>Expands the batch (runs × cartesian product of zipped groups, reference §4.1) into queue items.</summary>
    public (string BatchId, List<int> ItemIds, int Priority) Enqueue(JsonObject body)
    {
        var batch = (JsonObject)body["batch"]!;
        var prepend = body["prepend"]?.GetValue<bool>() ?? false;
        var batchId = GraphValidator.Str(batch["batch_id"]) ?? Guid.NewGuid().ToString();
        batch["batch_id"] = batchId;
        var runs = batch["runs"]?.GetValue<int>() ?? 1;
        var combos = Expand(batch["data"] as JsonArray);
        var now = Now;
        var ids = new List<int>();
        int priority;
        lock (_lock)
        {
            _enqueueBodies.Add((JsonObject)body.DeepClone());
            priority = prepend ? (_items.Values.Where(i => i.Status == "pending").Select(i => i.Priority).DefaultIfEmpty(0).Max() + 1) : 0;
            for (var run = 0; run < runs; run++)
            {
                foreach (var combo in combos)
                {
                    var graph = (JsonObject)batch["graph"]!.DeepClone();
                    var values = new JsonArray();
                    foreach (var (path, field, value) in combo)
                    {
                        graph["nodes"]![path]![field] = value?.DeepClone();
                        values.Add(new JsonObject { ["node_path"] = path, ["field_name"] = field, ["value"] = value?.DeepClone() });
                    }
                    var item = new FakeQueueItem
                    {
                        ItemId = _nextItemId++,
                        BatchId = batchId,
                        SessionId = Guid.NewGuid().ToString(),
                        Origin = GraphValidator.Str(batch["origin"]),
                        Destination = GraphValidator.Str(batch["destination"]),
                        Priority = priority,
                        Graph = graph,
                        FieldValues = values,
                        PreparedIds = ((JsonObject)graph["nodes"]!).ToDictionary(n => n.Key, _ => Guid.NewGuid().ToString()),
                        CreatedAt = now,
                        UpdatedAt = now,
                    };
                    _items.Add(item.ItemId, item);
                    ids.Add(item.ItemId);
                }
            }
        }
        _work.Release();
        ids.Reverse();   // item_ids come back descending (reference §4.1)
        return (batchId, ids, priority);
    }

    private static List<List<(string Path, string Field, JsonNode? Value)>> Expand(JsonArray? data)
    {
        var combos = new List<List<(string, string, JsonNode?)>> { new() };
        foreach (var group in (data ?? []).OfType<JsonArray>())
        {
            var datums = group.OfType<JsonObject>().ToList();
            var length = datums.Count == 0 ? 0 : ((JsonArray)datums[0]["items"]!).Count;
            var next = new List<List<(string, string, JsonNode?)>>();
            foreach (var combo in combos)
            {
                for (var i = 0; i < length; i++)
                {
                    var extended = new List<(string, string, JsonNode?)>(combo);
                    extended.AddRange(datums.Select(d => (GraphValidator.Str(d["node_path"])!, GraphValidator.Str(d["field_name"])!, d["items"]![i])));
                    next.Add(extended);
                }
            }
            combos = next;
        }
        return combos;
    }

    public FakeQueueItem? Item(int itemId)
    {
        lock (_lock)
            return _items.GetValueOrDefault(itemId);
    }

    public List<FakeQueueItem> Items(Func<FakeQueueItem, bool> filter)
    {
        lock (_lock)
            return _items.Values.Where(filter).ToList();
    }

    /// <summary>Serializes an item under the lock (the processor mutates items).</summary>
    public JsonObject Snapshot(FakeQueueItem item)
    {
        lock (_lock)
            return item.ToJson();
    }

    /// <summary>Applies a change under the lock, bumping status_sequence and updated_at when the status changes.</summary>
    public bool Transition(FakeQueueItem item, string status, Action<FakeQueueItem>? change = null)
    {
        lock (_lock)
        {
            if (item.IsTerminal || !_items.ContainsKey(item.ItemId))
                return false;
            item.Status = status;
            item.StatusSequence++;
            item.UpdatedAt = Now;
            change?.Invoke(item);
            return true;
        }
    }

    public FakeQueueItem? NextPending()
    {
        lock (_lock)
            return _items.Values.Where(i => i.Status == "pending").OrderByDescending(i => i.Priority).ThenBy(i => i.ItemId).FirstOrDefault();
    }

    public Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) => _work.WaitAsync(timeout, cancellationToken);

    /// <summary>A restart that lost its database: the queue is forgotten (images survive on disk).</summary>
    public void ForgetQueue()
    {
        lock (_lock)
            _items.Clear();
    }

    public void AddImage(FakeImage image)
    {
        lock (_lock)
            _images[image.ImageName] = image;
    }

    /// <summary>Forgets an image (as if it was deleted in InvokeAI's gallery).</summary>
    public void RemoveImage(string name)
    {
        lock (_lock)
            _images.Remove(name);
    }

    public FakeImage? Image(string name)
    {
        lock (_lock)
            return _images.GetValueOrDefault(name);
    }

    public JsonObject QueueCounts(FakeQueueItem? current)
    {
        lock (_lock)
        {
            var all = _items.Values.ToList();
            return new JsonObject
            {
                ["queue_id"] = "default",
                ["item_id"] = current?.ItemId,
                ["batch_id"] = current?.BatchId,
                ["session_id"] = current?.SessionId,
                ["pending"] = all.Count(i => i.Status == "pending"),
                ["in_progress"] = all.Count(i => i.Status == "in_progress"),
                ["completed"] = all.Count(i => i.Status == "completed"),
                ["failed"] = all.Count(i => i.Status == "failed"),
                ["canceled"] = all.Count(i => i.Status == "canceled"),
                ["total"] = all.Count,
                ["user_pending"] = null,
                ["user_in_progress"] = null,
            };
        }
    }

    public JsonObject BatchStatus(string batchId)
    {
        lock (_lock)
        {
            var items = _items.Values.Where(i => i.BatchId == batchId).ToList();
            return new JsonObject
            {
                ["queue_id"] = "default",
                ["batch_id"] = batchId,
                ["origin"] = items.FirstOrDefault()?.Origin,
                ["destination"] = items.FirstOrDefault()?.Destination,
                ["pending"] = items.Count(i => i.Status == "pending"),
                ["in_progress"] = items.Count(i => i.Status == "in_progress"),
                ["completed"] = items.Count(i => i.Status == "completed"),
                ["failed"] = items.Count(i => i.Status == "failed"),
                ["canceled"] = items.Count(i => i.Status == "canceled"),
                ["total"] = items.Count,
            };
        }
    }
}
