using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Core.Albums;

public sealed class AlbumConfiguration : IEntityTypeConfiguration<Album>
{
    public void Configure(EntityTypeBuilder<Album> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Description).HasMaxLength(4000);
        builder.HasOne<Photo>().WithMany().HasForeignKey(a => a.CoverPhotoId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Photos).WithOne(p => p.Album).HasForeignKey(p => p.AlbumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.Title);
        builder.HasIndex(a => a.UpdatedAt);
    }
}
