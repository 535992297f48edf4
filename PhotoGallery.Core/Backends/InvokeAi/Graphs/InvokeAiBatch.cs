namespace PhotoGallery.Core.Backends.InvokeAi.Graphs;

/// <summary>
/// A ready-to-enqueue batch. Correlation uses InvokeAI's own ids: <see cref="BatchId"/>, the item ids the
/// enqueue returns, <see cref="Destination"/> and our node ids (<see cref="OutputNodeId"/>).
/// </summary>
public sealed record InvokeAiBatch(
    string BatchId,
    string Origin,
    string Destination,
    InvokeAiGraph Graph,
    IReadOnlyList<IReadOnlyList<BatchDatum>> Data,
    string OutputNodeId,
    int ExpectedItemCount);
