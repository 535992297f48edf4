namespace PhotoGallery.Core.Common;

public sealed record HealthReport(bool Healthy, HealthCheck Database, HealthCheck Storage);
