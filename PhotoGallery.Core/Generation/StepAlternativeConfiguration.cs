using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Core.Generation;

public sealed class StepAlternativeConfiguration : IEntityTypeConfiguration<StepAlternative>
{
    public void Configure(EntityTypeBuilder<StepAlternative> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ImageName).HasMaxLength(200);
        builder.Property(a => a.Error).HasMaxLength(2000);
        builder.HasOne<Photo>().WithMany().HasForeignKey(a => a.PhotoId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.StepId, a.Position }).IsUnique();
        builder.HasIndex(a => a.PhotoId);
        builder.HasIndex(a => new { a.Status, a.NextRetrievalAt });
    }
}
