using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Core.Sharing;

public sealed class ShareLinkPhotoConfiguration : IEntityTypeConfiguration<ShareLinkPhoto>
{
    public void Configure(EntityTypeBuilder<ShareLinkPhoto> builder)
    {
        builder.HasKey(p => new { p.ShareLinkId, p.PhotoId });
        builder.HasOne<Photo>().WithMany().HasForeignKey(p => p.PhotoId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.PhotoId);
    }
}
