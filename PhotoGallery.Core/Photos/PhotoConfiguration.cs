using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhotoGallery.Core.Photos;

public sealed class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.OriginalFileName).HasMaxLength(255);
        builder.Property(p => p.StoredPath).HasMaxLength(400);
        builder.Property(p => p.ThumbnailPath).HasMaxLength(400);
        builder.Property(p => p.PreviewPath).HasMaxLength(400);
        builder.Property(p => p.MimeType).HasMaxLength(64);
        builder.Property(p => p.ContentHash).HasMaxLength(64);
        builder.Property(p => p.CameraMake).HasMaxLength(128);
        builder.Property(p => p.CameraModel).HasMaxLength(128);
        builder.Property(p => p.InvokeAiImageName).HasMaxLength(200);
        builder.Property(p => p.ModelKey).HasMaxLength(100);
        builder.Property(p => p.ModelHash).HasMaxLength(200);
        builder.Property(p => p.ModelName).HasMaxLength(200);
        builder.Property(p => p.LastRetrievalError).HasMaxLength(2000);
        builder.Property(p => p.InvokeAiMetadata).HasMaxLength(20000);
        builder.Property(p => p.RetrievalStatus).HasConversion<string>().HasMaxLength(16);
        builder.ComplexProperty(p => p.GenerationParameters, c => c.ToJson());

        // Library pages: keyset over live photos, ordered exactly like the query (sort key desc, id desc).
        // Partial, because PostgreSQL cannot take the order from (deleted_at, sort_key, id).
        builder.HasIndex(p => new { p.SortKey, p.Id }, "IX_Photos_Library_SortKey")
            .IsDescending(true, true)
            .HasFilter("\"DeletedAt\" IS NULL");
        builder.HasIndex(p => new { p.CreatedAt, p.Id }, "IX_Photos_Library_CreatedAt")
            .IsDescending(true, true)
            .HasFilter("\"DeletedAt\" IS NULL");
        builder.HasIndex(p => new { p.IsGenerated, p.SortKey, p.Id }, "IX_Photos_Library_Kind_SortKey")
            .IsDescending(false, true, true)
            .HasFilter("\"DeletedAt\" IS NULL");
        builder.HasIndex(p => p.DeletedAt, "IX_Photos_Trash").HasFilter("\"DeletedAt\" IS NOT NULL");
        builder.HasIndex(p => p.ContentHash);
        builder.HasIndex(p => p.RetrievalStatus);
        builder.HasIndex(p => p.GenerationStepId);
        builder.HasIndex(p => p.InvokeAiImageName).IsUnique();
        builder.HasIndex(p => p.SourcePhotoId);
    }
}
