namespace PhotoGallery.Core.Common;

public sealed record HealthCheck(bool Healthy, string Detail);
