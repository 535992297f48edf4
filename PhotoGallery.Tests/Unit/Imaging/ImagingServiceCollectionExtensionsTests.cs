using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PhotoGallery.Core.Imaging;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Tests.Unit.Imaging;

public sealed class ImagingServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData("NetVips", ImagingEngine.NetVips)]
    [InlineData("ImageSharp", ImagingEngine.ImageSharp)]
    public void AddImaging_EngineSetting_ResolvesOneProcessorWithThatEngine(string setting, ImagingEngine expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Imaging:Engine"] = setting })
            .Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddImaging()
            .AddPhotos()
            .BuildServiceProvider();

        var first = provider.GetRequiredService<ImageProcessor>();
        var second = provider.GetRequiredService<ImageProcessor>();

        Assert.Same(first, second);
        Assert.Equal(expected, first.Engine);
    }
}
