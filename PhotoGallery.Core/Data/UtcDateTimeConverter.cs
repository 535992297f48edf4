using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PhotoGallery.Core.Data;

/// <summary>Writes UTC (an unspecified kind is taken as UTC) and reads back with <see cref="DateTimeKind.Utc"/>.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
