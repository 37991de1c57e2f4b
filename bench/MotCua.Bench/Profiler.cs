using System.Globalization;

namespace MotCua.Bench;

/// <summary>
/// --profile NAME: dotnet-trace (dotnet-sampled-thread-time, ~100 Hz stacks of every .NET thread) attached to MotCua
/// during the named scenario's first measured window, then its top methods by exclusive and inclusive time printed
/// (`dotnet-trace report … topN`). The .nettrace stays in results/ for PerfView or speedscope.
/// </summary>
internal sealed class Profiler(IReadOnlySet<string> scenarios, string results)
{
    private static readonly string Tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-trace");

    private Task? _running;
    private string _file = string.Empty;

    public bool Wants(string scenario) => scenarios.Contains(scenario) && _running is null;

    /// <summary>Starts tracing MotCua for the given seconds; the trace runs beside the window.</summary>
    public void Start(string scenario, int pid, int seconds, CancellationToken ct)
    {
        if (!File.Exists(Tool))
        {
            throw new BenchException($"--profile needs dotnet-trace: dotnet tool install -g dotnet-trace ({Tool} not found).");
        }

        Directory.CreateDirectory(results);
        _file = Path.Combine(results, $"profile-{scenario}-{DateTime.Now:yyyyMMdd-HHmmss}.nettrace");
        _running = Shell.RunAsync(Tool, ["collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time",
            "--duration", TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture), "-o", _file], ct, check: false);
    }

    /// <summary>Waits for the trace and prints its top methods.</summary>
    public async Task ReportAsync(string scenario, CancellationToken ct)
    {
        if (_running is null)
        {
            return;
        }

        await _running;
        foreach (var inclusive in new[] { false, true })
        {
            string[] args = inclusive ? ["report", _file, "topN", "-n", "40", "--inclusive"] : ["report", _file, "topN", "-n", "40"];
            var report = await Shell.RunAsync(Tool, args, ct, check: false);
            Log.Step($"  profile of {scenario} ({(inclusive ? "inclusive" : "exclusive")} time, {Path.GetRelativePath(Repo.Root, _file)}):");
            Console.WriteLine(report);
        }

        _running = null;
        scenarios = scenarios.Where(s => s != scenario).ToHashSet();
    }
}
