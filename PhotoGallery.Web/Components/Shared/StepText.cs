using System.Globalization;
using PhotoGallery.Core.Generation.Sessions;
using PhotoGallery.Core.Generation.Steps;

namespace PhotoGallery.Web.Components.Shared;

/// <summary>A step's recipe in one line, the way the Generate and session pages show it.</summary>
public static class StepText
{
    public static string Recipe(StepView step)
    {
        var p = step.Parameters;
        var parts = new List<string>
        {
            step.ModelName ?? step.ModelKey,
            $"{p.Width} × {p.Height}",
            $"{p.Steps} steps",
            p.Guidance is { } guidance ? $"guidance {guidance.ToString(CultureInfo.InvariantCulture)}" : $"CFG {p.CfgScale.ToString(CultureInfo.InvariantCulture)}",
            p.Scheduler,
            step.BatchSize == 1 ? $"seed {p.Seed}" : $"seeds {p.Seed}…",
        };
        if (p.Strength is { } strength)
            parts.Add($"strength {strength.ToString("0.##", CultureInfo.InvariantCulture)}");
        return string.Join(" · ", parts);
    }

    public static string BaseName(string? modelBase) => modelBase is null ? "" : ModelNames.Of(modelBase);
}
