using Microsoft.EntityFrameworkCore;

namespace PhotoGallery.Core.Data;

public sealed class SqliteGalleryDbContext(DbContextOptions<SqliteGalleryDbContext> options) : GalleryDbContext(options);
