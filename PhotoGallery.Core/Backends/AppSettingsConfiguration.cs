using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhotoGallery.Core.Backends;

public sealed class AppSettingsConfiguration : IEntityTypeConfiguration<AppSettings>
{
    public void Configure(EntityTypeBuilder<AppSettings> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.BackendMode).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.LocalUrl).HasMaxLength(500);
        builder.Property(s => s.RemoteUrl).HasMaxLength(500);
        builder.Property(s => s.RunPodApiKeyProtected).HasMaxLength(2000);
        builder.Property(s => s.RunPodGpuType).HasMaxLength(100);
        builder.Property(s => s.InvokeAiTokenProtected).HasMaxLength(4000);
        builder.Property(s => s.OwnerPasswordHash).HasMaxLength(256);
    }
}
