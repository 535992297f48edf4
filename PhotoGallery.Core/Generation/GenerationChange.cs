namespace PhotoGallery.Core.Generation;

/// <summary>
/// Something changed in a session: <see cref="GenerationChangeKind.State"/> means the database has news (read it
/// again); <see cref="GenerationChangeKind.Progress"/> only carries live progress (<see cref="GenerationNotifier.Progress"/>).
/// </summary>
public sealed record GenerationChange(Guid SessionId, Guid? StepId, Guid? AlternativeId, GenerationChangeKind Kind);
