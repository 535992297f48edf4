using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Core.Albums;

public sealed class AlbumPhotoConfiguration : IEntityTypeConfiguration<AlbumPhoto>
{
    public void Configure(EntityTypeBuilder<AlbumPhoto> builder)
    {
        builder.HasKey(p => new { p.AlbumId, p.PhotoId });
        builder.HasOne<Photo>().WithMany().HasForeignKey(p => p.PhotoId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.AlbumId, p.Position });
        builder.HasIndex(p => p.PhotoId);
    }
}
