namespace PhotoGallery.Core.Backends.InvokeAi.Graphs;

/// <summary>An image already uploaded to InvokeAI, its size, and how much of it to repaint (0 &lt; strength ≤ 1).</summary>
public sealed record Img2ImgSource(string ImageName, int Width, int Height, double Strength);
