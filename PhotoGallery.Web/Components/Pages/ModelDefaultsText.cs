using System.Globalization;
using PhotoGallery.Core.Models;

namespace PhotoGallery.Web.Components.Pages;

/// <summary>One-line summary of a model's default settings for the Models page.</summary>
public static class ModelDefaultsText
{
    public static string Describe(ModelDefaultSettings? d)
    {
        if (d is null)
            return "—";
        var parts = new List<string>();
        if (d.Width is { } w && d.Height is { } h)
            parts.Add($"{w}×{h}");
        if (d.Steps is { } steps)
            parts.Add($"{steps} steps");
        if (d.CfgScale is { } cfg)
            parts.Add("CFG " + cfg.ToString("0.##", CultureInfo.InvariantCulture));
        if (d.Guidance is { } guidance)
            parts.Add("guidance " + guidance.ToString("0.##", CultureInfo.InvariantCulture));
        if (d.Scheduler is { Length: > 0 } scheduler)
            parts.Add(scheduler);
        if (d.Vae is { Length: > 0 } vae)
            parts.Add(vae == "default" ? "built-in VAE" : "VAE set");
        return parts.Count == 0 ? "—" : string.Join(" · ", parts);
    }
}
