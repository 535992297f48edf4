using System.ComponentModel.DataAnnotations;

namespace PhotoGallery.Web.Components.Pages.Share;

public sealed class SharePasswordInput
{
    [Required(ErrorMessage = "Enter the password.")]
    public string? Password { get; set; }
}
