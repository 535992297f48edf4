using Microsoft.EntityFrameworkCore;

namespace PhotoGallery.Core.Data;

public sealed class PostgresGalleryDbContext(DbContextOptions<PostgresGalleryDbContext> options) : GalleryDbContext(options);
