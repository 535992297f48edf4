namespace PhotoGallery.Web.Security;

public enum OwnerLoginMode
{
    /// <summary>Owner pages need a login only when the app listens beyond loopback.</summary>
    Auto,

    /// <summary>Always require the owner login (e.g. behind a reverse proxy on the same machine).</summary>
    Always,
}
