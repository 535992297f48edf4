using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Data;

namespace PhotoGallery.Core.Models;

/// <summary>The cache of InvokeAI's models: refresh, browse, favourites, last used, VAE and FLUX component defaults.</summary>
public sealed class AiModelService(
    IDbContextFactory<GalleryDbContext> dbFactory,
    InvokeAiClient client,
    ModelRefreshState refreshState,
    TimeProvider clock,
    ILogger<AiModelService> logger)
{
    /// <summary>Upserts every model by key and marks vanished ones unavailable (their rows stay: steps and photos name them).</summary>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<InvokeAiModel> models;
        try
        {
            models = await client.ListModelsAsync(cancellationToken);
        }
        catch (InvokeAiException ex)
        {
            refreshState.Failed(ex.Message);
            throw;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.AiModels.ToDictionaryAsync(m => m.Key, cancellationToken);
        foreach (var model in models.DistinctBy(m => m.Key))
        {
            if (!existing.Remove(model.Key, out var row))
            {
                row = new AiModel { Key = model.Key, Hash = model.Hash, Name = model.Name, Base = model.Base, Type = model.Type, Format = model.Format };
                db.AiModels.Add(row);
            }
            row.Hash = model.Hash;
            row.Name = model.Name;
            row.Base = model.Base;
            row.Type = model.Type;
            row.Format = model.Format;
            row.Variant = model.Variant;
            row.Description = model.Description;
            row.DefaultSettings = ToDefaultSettings(model.Defaults);
            row.IsAvailable = true;
            row.CachedAt = now;
        }
        foreach (var vanished in existing.Values.Where(m => m.IsAvailable))
        {
            vanished.IsAvailable = false;
            vanished.CachedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        refreshState.Succeeded(now, models.Count);
        logger.LogInformation("Model cache holds {ModelCount} available models, {VanishedCount} newly unavailable", models.Count, existing.Count);
        return models.Count;
    }

    /// <summary>Favourites first, then the most recently used, then by name.</summary>
    public async Task<IReadOnlyList<AiModel>> ListAsync(AiModelQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var models = db.AiModels.AsNoTracking();
        if (!query.IncludeUnavailable)
            models = models.Where(m => m.IsAvailable);
        if (!string.IsNullOrWhiteSpace(query.Base))
            models = models.Where(m => m.Base == query.Base);
        if (!string.IsNullOrWhiteSpace(query.Type))
            models = models.Where(m => m.Type == query.Type);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            models = models.Where(m => m.Name.ToLower().Contains(term) || (m.Description != null && m.Description.ToLower().Contains(term)));
        }
        return await models
            .OrderByDescending(m => m.IsFavorite)
            .ThenByDescending(m => m.LastUsedAt)
            .ThenBy(m => m.Name.ToLower())   // "clip-…" beside "CLIP-…", not after every capital (SQLite compares bytes)
            .ThenBy(m => m.Name)
            .ToListAsync(cancellationToken);
    }

    public async Task<AiModel?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AiModels.AsNoTracking().FirstOrDefaultAsync(m => m.Key == key, cancellationToken);
    }

    /// <summary>False when no cached model has this key.</summary>
    public async Task<bool> SetFavoriteAsync(string key, bool isFavorite, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AiModels.Where(m => m.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsFavorite, isFavorite), cancellationToken) > 0;
    }

    public async Task MarkUsedAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.AiModels.Where(m => m.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastUsedAt, now), cancellationToken);
    }

    /// <summary>When the cache last changed (survives restarts, unlike <see cref="ModelRefreshState"/>).</summary>
    public async Task<DateTime?> GetLastCachedAtAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AiModels.MaxAsync(m => (DateTime?)m.CachedAt, cancellationToken);
    }

    /// <summary>The distinct bases and types of available models, for the page's filters.</summary>
    public async Task<(IReadOnlyList<string> Bases, IReadOnlyList<string> Types)> GetFacetsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pairs = await db.AiModels.AsNoTracking().Where(m => m.IsAvailable)
            .Select(m => new { m.Base, m.Type }).Distinct().ToListAsync(cancellationToken);
        return (pairs.Select(p => p.Base).Distinct().Order().ToList(), pairs.Select(p => p.Type).Distinct().Order().ToList());
    }

    /// <summary>Reference §2.5: VAEs of the same base; preferred is the model's default, an fp16-fix VAE for SDXL, else built-in.</summary>
    public async Task<VaeChoices> GetVaeChoicesAsync(AiModel mainModel, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var vaes = await db.AiModels.AsNoTracking()
            .Where(m => m.IsAvailable && m.Type == "vae" && m.Base == mainModel.Base)
            .OrderBy(m => m.Name)
            .ToListAsync(cancellationToken);
        return ModelDefaults.ChooseVae(mainModel, vaes);
    }

    /// <summary>FLUX.1 needs a FLUX VAE, a T5 encoder and CLIP-L (reference §2.5): the lists and a default for each.</summary>
    public async Task<FluxComponentChoices> GetFluxComponentsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var parts = await db.AiModels.AsNoTracking()
            .Where(m => m.IsAvailable && ((m.Type == "vae" && m.Base == "flux") || m.Type == "t5_encoder" || m.Type == "clip_embed"))
            .OrderBy(m => m.Name)
            .ToListAsync(cancellationToken);
        return ModelDefaults.ChooseFluxComponents(parts);
    }

    private static ModelDefaultSettings? ToDefaultSettings(InvokeAiModelDefaults? d) => d is null
        ? null
        : new ModelDefaultSettings
        {
            Vae = d.Vae,
            VaePrecision = d.VaePrecision,
            Scheduler = d.Scheduler,
            Steps = d.Steps,
            CfgScale = d.CfgScale,
            CfgRescaleMultiplier = d.CfgRescaleMultiplier,
            Width = d.Width,
            Height = d.Height,
            Guidance = d.Guidance,
        };
}
