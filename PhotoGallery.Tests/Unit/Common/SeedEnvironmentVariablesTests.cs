using Microsoft.Extensions.Configuration;
using PhotoGallery.Core.Common;

namespace PhotoGallery.Tests.Unit.Common;

public sealed class SeedEnvironmentVariablesTests
{
    [Theory]
    [InlineData("20MB", "20971520")]
    [InlineData("500kb", "512000")]
    [InlineData("1.5 GB", "1610612736")]
    [InlineData("12345", "12345")]
    [InlineData("-5", "-5")]
    [InlineData("lots", "lots")]
    public void NormalizeSize_Value_GivesBytesOrPassesThrough(string value, string expected) =>
        Assert.Equal(expected, SeedEnvironmentVariables.NormalizeSize(value));

    [Fact]
    public void AddSeedEnvironmentVariables_SeedNames_MapOntoConfigurationKeys()
    {
        var env = new Dictionary<string, string?>
        {
            ["INVOKEAI_LOCAL_URL"] = "http://gpu-box:9090",
            ["MAX_UPLOAD_SIZE"] = "5MB",
            ["MAX_BATCH_SIZE"] = "4",
            ["RUNPOD_IDLE_TIMEOUT"] = "30",
        };

        var config = new ConfigurationBuilder().AddSeedEnvironmentVariables(env).Build();

        Assert.Equal("http://gpu-box:9090", config["InvokeAi:LocalUrl"]);
        Assert.Equal("5242880", config["Photos:MaxUploadSize"]);
        Assert.Equal("4", config["Generation:MaxBatchSize"]);
        Assert.Equal("30", config["RunPod:IdleTimeoutMinutes"]);
        Assert.Null(config["InvokeAi:ReadTimeoutSeconds"]);
    }
}
