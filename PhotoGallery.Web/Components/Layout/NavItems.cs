using MudBlazor;

namespace PhotoGallery.Web.Components.Layout;

/// <summary>The product's navigation, in menu order (also walked by the browser test).</summary>
public static class NavItems
{
    public static IReadOnlyList<NavItem> All { get; } =
    [
        new("Library", "", Icons.Material.Filled.PhotoLibrary),
        new("Albums", "albums", Icons.Material.Filled.Collections),
        new("Generate", "generate", Icons.Material.Filled.AutoAwesome),
        new("Sessions", "sessions", Icons.Material.Filled.History),
        new("Models", "models", Icons.Material.Filled.Memory),
        new("Backend", "backend", Icons.Material.Filled.Dns),
        new("Sharing", "sharing", Icons.Material.Filled.Share),
        new("Trash", "trash", Icons.Material.Filled.Delete),
        new("Settings", "settings", Icons.Material.Filled.Settings),
    ];
}
