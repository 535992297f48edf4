using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PhotoGallery.Core.Models;

public sealed class AiModelConfiguration : IEntityTypeConfiguration<AiModel>
{
    public void Configure(EntityTypeBuilder<AiModel> builder)
    {
        builder.HasKey(m => m.Key);
        builder.Property(m => m.Key).HasMaxLength(100);
        builder.Property(m => m.Hash).HasMaxLength(200);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Base).HasMaxLength(32);
        builder.Property(m => m.Type).HasMaxLength(48);
        builder.Property(m => m.Format).HasMaxLength(48);
        builder.Property(m => m.Variant).HasMaxLength(48);
        builder.Property(m => m.Description).HasMaxLength(4000);
        builder.ComplexProperty(m => m.DefaultSettings, c => c.ToJson());
        builder.HasIndex(m => new { m.Type, m.Base });
        builder.HasIndex(m => new { m.IsFavorite, m.Name });
    }
}
