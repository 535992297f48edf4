using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Core.Generation;

public sealed class SourceUploadConfiguration : IEntityTypeConfiguration<SourceUpload>
{
    public void Configure(EntityTypeBuilder<SourceUpload> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.ServerUrl).HasMaxLength(500);
        builder.Property(u => u.ImageName).HasMaxLength(200);
        builder.HasOne<Photo>().WithMany().HasForeignKey(u => u.PhotoId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => new { u.PhotoId, u.ServerUrl, u.Width, u.Height }).IsUnique();
    }
}
