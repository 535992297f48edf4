using System.Globalization;
using PhotoGallery.Benchmarks;

// Usage: PhotoGallery.Benchmarks [--sections imaging,pipeline,query,http,generation|all] [--files N] [--repeat N] [--work DIR] [--report FILE]
//        (--child SECTION ARG is internal: one measurement in a fresh process)
var arguments = args.ToList();
string Option(string name, string fallback)
{
    var index = arguments.IndexOf(name);
    return index >= 0 && index + 1 < arguments.Count ? arguments[index + 1] : fallback;
}

var work = Option("--work", Path.Combine(Path.GetTempPath(), "photogallery-bench"));
var files = int.Parse(Option("--files", "24"), CultureInfo.InvariantCulture);
var repeats = int.Parse(Option("--repeat", "3"), CultureInfo.InvariantCulture);
Directory.CreateDirectory(work);

var childIndex = arguments.IndexOf("--child");
if (childIndex >= 0)
{
    var childContext = new BenchmarkContext(work, files, 1, TextWriter.Null);
    var section = BenchmarkSections.Find(arguments[childIndex + 1]);
    Console.WriteLine(await section.RunChildAsync(arguments[childIndex + 2], childContext, CancellationToken.None));
    return 0;
}

var reportPath = Option("--report", Path.Combine(work, "report.md"));
await using var report = new StreamWriter(reportPath);
var context = new BenchmarkContext(work, files, repeats, report);
var names = Option("--sections", "all");
var sections = names == "all" ? BenchmarkSections.All : names.Split(',').Select(BenchmarkSections.Find).ToList();

context.Line($"# PhotoGallery benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
context.Line();
context.Line(MachineInfo.Describe());
context.Line($"Load average at start: {MachineInfo.LoadAverage()} (the machine is shared; see --repeat).");
foreach (var section in sections)
{
    context.Line();
    context.Line($"## {section.Name}: {section.Description}");
    context.Line();
    await section.RunAsync(context, CancellationToken.None);
}

Console.WriteLine($"Report written to {reportPath}");
return 0;
