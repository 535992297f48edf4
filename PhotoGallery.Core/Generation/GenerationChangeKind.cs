namespace PhotoGallery.Core.Generation;

public enum GenerationChangeKind
{
    State,
    Progress,
}
