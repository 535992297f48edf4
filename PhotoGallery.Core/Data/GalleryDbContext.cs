using Microsoft.EntityFrameworkCore;
using PhotoGallery.Core.Albums;
using PhotoGallery.Core.Backends;
using PhotoGallery.Core.Generation;
using PhotoGallery.Core.Models;
using PhotoGallery.Core.Photos;
using PhotoGallery.Core.Sharing;

namespace PhotoGallery.Core.Data;

/// <summary>
/// The provider-neutral model. Each provider has a thin subclass so that each keeps its own
/// migrations and snapshot (SqliteGalleryDbContext, PostgresGalleryDbContext).
/// </summary>
public abstract class GalleryDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Photo> Photos => Set<Photo>();
    public DbSet<Album> Albums => Set<Album>();
    public DbSet<AlbumPhoto> AlbumPhotos => Set<AlbumPhoto>();
    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();
    public DbSet<ShareLinkPhoto> ShareLinkPhotos => Set<ShareLinkPhoto>();
    public DbSet<GenerationSession> GenerationSessions => Set<GenerationSession>();
    public DbSet<GenerationStep> GenerationSteps => Set<GenerationStep>();
    public DbSet<StepAlternative> StepAlternatives => Set<StepAlternative>();
    public DbSet<SourceUpload> SourceUploads => Set<SourceUpload>();
    public DbSet<AiModel> AiModels => Set<AiModel>();
    public DbSet<AppSettings> AppSettings => Set<AppSettings>();
    public DbSet<PodSession> PodSessions => Set<PodSession>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GalleryDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; SQLite hands DateTime back as Unspecified, so the kind is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
