using Microsoft.EntityFrameworkCore;
using PhotoGallery.Core.Albums;
using PhotoGallery.Core.Generation;
using PhotoGallery.Core.Models;
using PhotoGallery.Core.Photos;
using PhotoGallery.Core.Sharing;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Integration.Persistence;

/// <summary>The model on a real database; run on SQLite and PostgreSQL by the subclasses below.</summary>
public abstract class PersistenceTests(PostgresServer? postgres) : DatabaseTestBase(postgres)
{
    [Fact]
    public async Task Migrate_EmptyDatabase_LeavesNoPendingModelChanges()
    {
        await using var db = Database.CreateDbContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task SavePhoto_WithRecipe_RoundTripsJsonAndUtcTimestamps()
    {
        var taken = new DateTime(2026, 7, 14, 18, 30, 5, DateTimeKind.Utc);
        var photo = NewPhoto("lighthouse.png", taken);
        photo.IsGenerated = true;
        photo.GenerationPrompt = "a lighthouse at dusk";
        photo.GenerationParameters = new GenerationParameters { Width = 1024, Height = 768, Steps = 30, CfgScale = 7.5, Scheduler = "dpmpp_3m_k", Seed = 4_000_000_001 };
        await using (var db = Database.CreateDbContext())
        {
            db.Photos.Add(photo);
            await db.SaveChangesAsync();
        }

        await using (var db = Database.CreateDbContext())
        {
            var loaded = await db.Photos.SingleAsync(p => p.GenerationParameters!.Seed == 4_000_000_001);
            Assert.Equal(photo.Id, loaded.Id);
            Assert.Equal(taken, loaded.TakenAt);
            Assert.Equal(DateTimeKind.Utc, loaded.TakenAt!.Value.Kind);
            Assert.Equal(DateTimeKind.Utc, loaded.CreatedAt.Kind);
            Assert.Equal("dpmpp_3m_k", loaded.GenerationParameters!.Scheduler);
            Assert.Equal(7.5, loaded.GenerationParameters.CfgScale);
            Assert.Null((await db.Photos.AsNoTracking().SingleAsync(p => p.Id == photo.Id)).GenerationParameters!.Strength);
        }
    }

    [Fact]
    public async Task SavePhoto_UploadWithoutRecipe_StoresNoGenerationParameters()
    {
        var photo = NewPhoto("cat.jpg", null);
        await using (var db = Database.CreateDbContext())
        {
            db.Photos.Add(photo);
            await db.SaveChangesAsync();
        }

        await using (var db = Database.CreateDbContext())
        {
            var loaded = await db.Photos.SingleAsync();
            Assert.Null(loaded.GenerationParameters);
            Assert.Equal(loaded.CreatedAt, loaded.SortKey);
        }
    }

    [Fact]
    public async Task AddAlbumPhoto_SamePairTwice_IsRejected()
    {
        var photo = NewPhoto("a.jpg", null);
        var album = new Album { Title = "Summer", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        await using (var db = Database.CreateDbContext())
        {
            db.AddRange(photo, album, new AlbumPhoto { AlbumId = album.Id, PhotoId = photo.Id, Position = 0 });
            await db.SaveChangesAsync();
        }

        await using (var db = Database.CreateDbContext())
        {
            db.Add(new AlbumPhoto { AlbumId = album.Id, PhotoId = photo.Id, Position = 1 });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task DeletePhoto_InAlbumAsCover_RemovesMembershipAndClearsCover()
    {
        var photo = NewPhoto("a.jpg", null);
        var album = new Album { Title = "Summer", CoverPhotoId = photo.Id, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        await using (var db = Database.CreateDbContext())
        {
            db.AddRange(photo, album, new AlbumPhoto { AlbumId = album.Id, PhotoId = photo.Id, Position = 0 });
            await db.SaveChangesAsync();
        }

        await using (var db = Database.CreateDbContext())
        {
            await db.Photos.Where(p => p.Id == photo.Id).ExecuteDeleteAsync();
        }

        await using (var db = Database.CreateDbContext())
        {
            Assert.Empty(await db.AlbumPhotos.ToListAsync());
            Assert.Null((await db.Albums.SingleAsync()).CoverPhotoId);
        }
    }

    [Fact]
    public async Task AddShareLink_DuplicateToken_IsRejected()
    {
        await using var db = Database.CreateDbContext();
        db.ShareLinks.Add(new ShareLink { Token = "same-token", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();

        db.ShareLinks.Add(new ShareLink { Token = "same-token", CreatedAt = DateTime.UtcNow });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task AddPhoto_DuplicateInvokeAiImageName_IsRejectedWhileManyUploadsHaveNone()
    {
        await using var db = Database.CreateDbContext();
        db.Photos.AddRange(NewPhoto("u1.jpg", null), NewPhoto("u2.jpg", null));
        var first = NewPhoto("g1.png", null);
        first.InvokeAiImageName = "5f0c1d2e.png";
        db.Photos.Add(first);
        await db.SaveChangesAsync();

        var again = NewPhoto("g2.png", null);
        again.InvokeAiImageName = "5f0c1d2e.png";
        db.Photos.Add(again);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task DeleteSession_WithStepsAndAlternatives_CascadesAndKeepsQueueItemIds()
    {
        var session = new GenerationSession { Title = "Lighthouses", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        var step = new GenerationStep
        {
            SessionId = session.Id, Prompt = "a lighthouse", ModelKey = "sd15", BatchSize = 3, QueueItemIds = [41, 42, 43],
            Parameters = new GenerationParameters { Width = 512, Height = 512, Steps = 30, CfgScale = 7.5, Scheduler = "euler", Seed = 1 },
            Status = StepStatus.Queued, CreatedAt = DateTime.UtcNow,
        };
        step.Alternatives.AddRange(Enumerable.Range(0, 3).Select(i => new StepAlternative { StepId = step.Id, Position = i, Seed = 1 + i, QueueItemId = 41 + i }));
        session.Steps.Add(step);
        await using (var db = Database.CreateDbContext())
        {
            db.GenerationSessions.Add(session);
            await db.SaveChangesAsync();
        }

        await using (var db = Database.CreateDbContext())
        {
            var loaded = await db.GenerationSteps.Include(s => s.Alternatives).SingleAsync();
            Assert.Equal([41, 42, 43], loaded.QueueItemIds);
            Assert.Equal(StepStatus.Queued, loaded.Status);
            Assert.Equal(3, loaded.Alternatives.Count);
            db.GenerationSessions.Remove(await db.GenerationSessions.SingleAsync());
            await db.SaveChangesAsync();
        }

        await using (var db = Database.CreateDbContext())
        {
            Assert.Equal(0, await db.GenerationSteps.CountAsync());
            Assert.Equal(0, await db.StepAlternatives.CountAsync());
        }
    }

    [Fact]
    public async Task SaveAiModel_WithDefaultSettings_RoundTripsJson()
    {
        await using (var db = Database.CreateDbContext())
        {
            db.AiModels.Add(new AiModel
            {
                Key = "0a1b", Hash = "blake3:ff", Name = "Juggernaut XL", Base = "sdxl", Type = "main", Format = "checkpoint",
                DefaultSettings = new ModelDefaultSettings { Vae = "default", Steps = 30, CfgScale = 6, Width = 1024, Height = 1024 },
                CachedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await using (var db = Database.CreateDbContext())
        {
            var model = await db.AiModels.SingleAsync(m => m.Base == "sdxl" && m.Type == "main");
            Assert.Equal(1024, model.DefaultSettings!.Width);
            Assert.Equal("default", model.DefaultSettings.Vae);
            Assert.True(model.IsAvailable);
        }
    }

    internal static Photo NewPhoto(string name, DateTime? takenAt)
    {
        var created = DateTime.UtcNow;
        var id = Guid.CreateVersion7();
        return new Photo
        {
            Id = id, OriginalFileName = name, StoredPath = $"photos/uploaded/2026-07-14/{id}.jpg", MimeType = "image/jpeg",
            ContentHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(id.ToByteArray())),
            Width = 4000, Height = 3000, ByteSize = 1234, TakenAt = takenAt, CreatedAt = created, SortKey = takenAt ?? created,
        };
    }
}

public sealed class SqlitePersistenceTests() : PersistenceTests(null);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPersistenceTests(PostgresServer postgres) : PersistenceTests(postgres);
