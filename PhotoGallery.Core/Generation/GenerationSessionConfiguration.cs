using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Core.Generation;

public sealed class GenerationSessionConfiguration : IEntityTypeConfiguration<GenerationSession>
{
    public void Configure(EntityTypeBuilder<GenerationSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Title).HasMaxLength(GenerationSession.MaxTitleLength);
        builder.Property(s => s.EntryType).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Photo>().WithMany().HasForeignKey(s => s.SourcePhotoId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Photo>().WithMany().HasForeignKey(s => s.FinalPhotoId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(s => s.Steps).WithOne(s => s.Session).HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.Status, s.UpdatedAt });
        builder.HasIndex(s => s.SourcePhotoId);
    }
}
