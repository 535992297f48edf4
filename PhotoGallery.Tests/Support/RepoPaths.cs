namespace PhotoGallery.Tests.Support;

public static class RepoPaths
{
    /// <summary>The folder holding PhotoGallery.sln (walks up from the test binaries).</summary>
    public static string SolutionDir { get; } = FindUp(AppContext.BaseDirectory, "PhotoGallery.sln")
        ?? throw new InvalidOperationException("PhotoGallery.sln not found above " + AppContext.BaseDirectory);

    /// <summary>Debug or Release: the configuration these tests were built in (the app under test is taken from the same).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string WebDll => Path.Combine(SolutionDir, "PhotoGallery.Web", "bin", Configuration, "net10.0", "PhotoGallery.Web.dll");

    public static string PgThrowawayScript => Path.Combine(SolutionDir, "tools", "pg-throwaway.sh");

    public static string NewTempDirectory(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string? FindUp(string start, string file)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, file)))
                return d.FullName;
        }
        return null;
    }
}
