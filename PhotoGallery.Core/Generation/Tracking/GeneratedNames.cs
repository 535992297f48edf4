using System.Text;

namespace PhotoGallery.Core.Generation.Tracking;

/// <summary>The display name of a generated image: words of its prompt and its seed (the stored name is its id).</summary>
public static class GeneratedNames
{
    public static string FileName(string prompt, long seed)
    {
        var slug = new StringBuilder();
        foreach (var c in prompt.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
            if (slug.Length >= 48)
                break;
        }
        var words = slug.ToString().Trim('-');
        return $"{(words.Length == 0 ? "generated" : words)}-{seed}.png";
    }
}
