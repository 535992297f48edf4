using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhotoGallery.Core.Backends;

public sealed class PodSessionConfiguration : IEntityTypeConfiguration<PodSession>
{
    public void Configure(EntityTypeBuilder<PodSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PodId).HasMaxLength(64);
        builder.Property(s => s.GpuType).HasMaxLength(100);
        builder.Property(s => s.HourlyPrice).HasPrecision(10, 4);
        builder.Property(s => s.Cost).HasPrecision(12, 4);
        builder.Property(s => s.StopReason).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => s.StartedAt);
    }
}
