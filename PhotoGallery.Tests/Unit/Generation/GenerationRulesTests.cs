using PhotoGallery.Core.Generation;
using PhotoGallery.Core.Generation.Steps;
using PhotoGallery.Core.Generation.Tracking;

namespace PhotoGallery.Tests.Unit.Generation;

public sealed class GenerationRulesTests
{
    [Theory]
    [InlineData("Pending,Pending", StepStatus.Pending)]
    [InlineData("Queued,Pending", StepStatus.Queued)]
    [InlineData("Running,Queued", StepStatus.Processing)]
    [InlineData("Done,Retrieving", StepStatus.Processing)]
    [InlineData("Done,Failed", StepStatus.Completed)]
    [InlineData("Canceled,Failed", StepStatus.Canceled)]
    [InlineData("Failed,Failed", StepStatus.Failed)]
    public void Derive_Alternatives_GiveTheStepStatus(string alternatives, StepStatus expected)
    {
        var statuses = alternatives.Split(',').Select(Enum.Parse<AlternativeStatus>).ToList();

        Assert.Equal(expected, StepRules.Derive(statuses));
    }

    [Fact]
    public void Seeds_FixedSeedAtTheTop_WrapAroundAndStayDistinct()
    {
        var input = new GenerationInput { RandomSeed = false, Seed = 4294967294, BatchSize = 4 };

        var seeds = GenerationInputValidator.Seeds(input, new Random(1));

        Assert.Equal([4294967294, 4294967295, 0, 1], seeds);
    }

    [Fact]
    public void Seeds_Random_TenDistinctSeedsInRange()
    {
        var seeds = GenerationInputValidator.Seeds(new GenerationInput { BatchSize = 10 }, new Random(7));

        Assert.Equal(10, seeds.Distinct().Count());
        Assert.All(seeds, s => Assert.InRange(s, 0, 4294967295));
    }

    [Theory]
    [InlineData("sd-1", 900, 600, 624, 416)]
    [InlineData("sdxl", 600, 900, 840, 1256)]
    [InlineData("flux", 4000, 3000, 1184, 880)]
    [InlineData("sdxl", 500, 500, 1024, 1024)]
    public void SizeForAspect_Source_KeepsItsShapeOnTheBasesGrid(string modelBase, int width, int height, int expectedWidth, int expectedHeight)
    {
        var (w, h) = BaseLimits.For(modelBase).SizeForAspect(width, height);

        Assert.Equal((expectedWidth, expectedHeight), (w, h));
        Assert.Equal(0, w % BaseLimits.For(modelBase).Multiple);
    }

    [Theory]
    [InlineData("A lighthouse, at dusk!", 42, "a-lighthouse-at-dusk-42.png")]
    [InlineData("日本の灯台", 7, "generated-7.png")]
    public void FileName_Prompt_IsReadableAndSafe(string prompt, long seed, string expected) =>
        Assert.Equal(expected, GeneratedNames.FileName(prompt, seed));

    [Fact]
    public void TitleFrom_LongPrompt_FirstLineShortened()
    {
        var title = StepRecipe.TitleFrom(new string('a', 120) + "\nsecond line");

        Assert.Equal(80, title.Length);
        Assert.EndsWith("…", title);
    }
}
