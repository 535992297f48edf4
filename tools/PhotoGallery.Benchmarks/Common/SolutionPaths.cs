namespace PhotoGallery.Benchmarks.Common;

/// <summary>Finds the repository (the folder holding PhotoGallery.sln) from the benchmark's build output.</summary>
public static class SolutionPaths
{
    public static string SolutionDir { get; } = Find();

    public static string WebDll(string configuration) =>
        Path.Combine(SolutionDir, "PhotoGallery.Web", "bin", configuration, "net10.0", "PhotoGallery.Web.dll");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PhotoGallery.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException("PhotoGallery.sln not found above the benchmark's build output.");
    }
}
