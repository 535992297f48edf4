using PhotoGallery.Core.Imaging;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Unit.Imaging;

public sealed class ImageSharpImageProcessorTests(ImageCorpus corpus) : ImageProcessorContractTests(corpus)
{
    protected override ImagingEngine Engine => ImagingEngine.ImageSharp;
}
