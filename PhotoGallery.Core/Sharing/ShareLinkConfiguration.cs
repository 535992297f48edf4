using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PhotoGallery.Core.Albums;

namespace PhotoGallery.Core.Sharing;

public sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Token).HasMaxLength(64);
        builder.Property(s => s.Description).HasMaxLength(4000);
        builder.Property(s => s.PasswordHash).HasMaxLength(256);
        builder.HasOne<Album>().WithMany().HasForeignKey(s => s.AlbumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Photos).WithOne().HasForeignKey(p => p.ShareLinkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.Token).IsUnique();
        builder.HasIndex(s => s.AlbumId);
    }
}
