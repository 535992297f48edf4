namespace PhotoGallery.Core.Backends;

/// <summary>History of one remote GPU pod run.</summary>
public class PodSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string PodId { get; set; }
    public required string GpuType { get; set; }
    public decimal HourlyPrice { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? StoppedAt { get; set; }
    public PodStopReason? StopReason { get; set; }
    public decimal? Cost { get; set; }
}
