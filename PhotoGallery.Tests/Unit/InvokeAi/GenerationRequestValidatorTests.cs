using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Backends.InvokeAi.Graphs;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Unit.InvokeAi;

public sealed class GenerationRequestValidatorTests
{
    [Theory]
    [InlineData("sd-1", 516, "multiple of 8")]
    [InlineData("flux", 1032, "multiple of 16")]
    [InlineData("sdxl", 32, "between 64")]
    public void Validate_BadSize_ThrowsGenerationException(string modelBase, int width, string expected)
    {
        var request = InvokeAiRequests.For(modelBase) with { Width = width };

        var error = Assert.Throws<InvokeAiGenerationException>(() => GenerationRequestValidator.Validate(request));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Validate_FluxWithSdScheduler_ThrowsWithAllowedList()
    {
        var request = InvokeAiRequests.For("flux") with { Scheduler = "dpmpp_3m_k" };

        var error = Assert.Throws<InvokeAiGenerationException>(() => GenerationRequestValidator.Validate(request));

        Assert.Contains("euler, heun, lcm", error.Message);
    }

    [Theory]
    [InlineData(0, 7.0, "Steps")]
    [InlineData(20, 0.5, "CFG")]
    public void Validate_StepsOrCfgOutOfRange_Throws(int steps, double cfg, string expected)
    {
        var request = InvokeAiRequests.For("sd-1") with { Steps = steps, CfgScale = cfg };

        var error = Assert.Throws<InvokeAiGenerationException>(() => GenerationRequestValidator.Validate(request));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Validate_UnknownScheduler_Throws()
    {
        var request = InvokeAiRequests.For("sd-1") with { Scheduler = "karras_magic" };

        Assert.Throws<InvokeAiGenerationException>(() => GenerationRequestValidator.Validate(request));
    }

    [Fact]
    public void Validate_VaeOfOtherBase_ThrowsModelException()
    {
        var request = InvokeAiRequests.For("sdxl") with { Vae = InvokeAiRequests.Sd1Vae };

        Assert.Throws<InvokeAiModelException>(() => GenerationRequestValidator.Validate(request));
    }

    [Fact]
    public void Validate_FluxWithoutT5_ThrowsModelException()
    {
        var request = InvokeAiRequests.For("flux") with { T5Encoder = null };

        var error = Assert.Throws<InvokeAiModelException>(() => GenerationRequestValidator.Validate(request));

        Assert.Contains("T5", error.Message);
    }

    [Fact]
    public void Validate_UnsupportedBase_ThrowsModelException()
    {
        var request = InvokeAiRequests.For("sd-1") with { Model = InvokeAiRequests.Sd15 with { Base = "sd-3" } };

        Assert.Throws<InvokeAiModelException>(() => InvokeAiGraphBuilder.Build(request));
    }

    [Theory]
    [InlineData("sd-1", 515, 512)]
    [InlineData("flux", 1000, 1008)]
    [InlineData("sdxl", 10, 64)]
    public void SnapSize_Value_RoundsToBaseMultiple(string modelBase, int value, int expected) =>
        Assert.Equal(expected, ModelBases.SnapSize(modelBase, value));
}
