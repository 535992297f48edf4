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
        builder.HasOne<Photo>().WithMany().HasForeignKey(a => a.PhotoId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.StepId, a.Position }).IsUnique();
        builder.HasIndex(a => a.PhotoId);
    }
}
