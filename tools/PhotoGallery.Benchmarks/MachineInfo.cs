using System.Runtime.InteropServices;

namespace PhotoGallery.Benchmarks;

/// <summary>The facts about the machine that a figure needs beside it.</summary>
public static class MachineInfo
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"Machine: {Environment.ProcessorCount} logical CPUs ({cpu ?? "unknown CPU"}), memory {memory ?? "unknown"}, " +
               $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}, libvips (NetVips.Native) {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}.";
    }
}
