namespace PhotoGallery.Web.Components.Layout;

public sealed record NavItem(string Title, string Href, string Icon);
