namespace PhotoGallery.Core.Backends.InvokeAi.Events;

/// <summary>
/// The watched items in their terminal state, plus the ids InvokeAI no longer knows (deleted, or a restart that
/// lost its queue): those will never finish.
/// </summary>
public sealed record InvokeAiWatchResult(IReadOnlyList<InvokeAiQueueItem> Items, IReadOnlyList<int> MissingItemIds);
