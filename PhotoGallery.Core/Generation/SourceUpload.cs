namespace PhotoGallery.Core.Generation;

/// <summary>
/// An img2img source uploaded to one InvokeAI server, cropped and sized for a step: reused while that server still
/// has it, uploaded again when it lost it.
/// </summary>
public class SourceUpload
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PhotoId { get; set; }
    public required string ServerUrl { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public required string ImageName { get; set; }
    public DateTime UploadedAt { get; set; }
}
