using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MotCua.Bench;

internal sealed record BenchOptions(long Applications, int DurationSeconds, int WarmupSeconds, bool Keep, bool Help, bool IndicatorsOnly = false, bool CheckRollups = false, bool NoFigureCache = false, int Pairs = 4, int WindowSeconds = 3, string Profile = "", string Only = "", bool NoWorkers = false, long ImportLines = 20_000)
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/MotCua.Bench [-- options]
          --applications N      historical applications to seed (default 1000000; 10000000 for the large run)
          --duration-seconds N  measured seconds per scenario (default 12; a 3 s warm-up comes first)
          --pairs N             submit, track, history, search: N windows of MotCua, each followed by one of its
                                ceiling (default 4); the ratio is the median of the N pairs
          --window-seconds N    seconds of each such window (default 3)
          --profile A,B         dotnet-trace MotCua during the first measured window of these scenarios and print
                                the top methods (needs dotnet tool install -g dotnet-trace)
          --only A,B            run only these scenarios (and, with ipn or ceilings named, those); for profiling
          --no-workers          MotCua as a web node (Outbox:Workers=false): nothing is delivered, so the submit
                                windows show the web side alone (no notify scenario)
          --import-lines N      lines of the import scenario (default 20000; 1000000 for memory over a whole province's file)
          --keep                leave the cluster and MotCua running at the end, and print where they are
          --indicators-only     only the indicator scenarios (indicators, index766, dashboard), no ceilings
          --no-figure-cache     MotCua sums the counters on every indicator read (Indicators:FiguresCacheSeconds 0)
          --check-rollups       after filling the rollups by SQL, run MotCua's indicators-rebuild (timed) and
                                check that it gives the same counters and per-application keys
        """;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions(1_000_000, 12, 3, Keep: false, Help: false);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            o = args[i] switch
            {
                "--applications" => o with { Applications = ParseCount(Next()) },
                "--duration-seconds" => o with { DurationSeconds = (int)ParseCount(Next()) },
                "--warmup-seconds" => o with { WarmupSeconds = (int)ParseCount(Next()) },
                "--pairs" => o with { Pairs = (int)ParseCount(Next()) },
                "--window-seconds" => o with { WindowSeconds = (int)ParseCount(Next()) },
                "--profile" => o with { Profile = Next() },
                "--only" => o with { Only = Next() },
                "--no-workers" => o with { NoWorkers = true },
                "--import-lines" => o with { ImportLines = ParseCount(Next()) },
                "--keep" => o with { Keep = true },
                "--indicators-only" => o with { IndicatorsOnly = true },
                "--check-rollups" => o with { CheckRollups = true },
                "--no-figure-cache" => o with { NoFigureCache = true },
                "-h" or "--help" => o with { Help = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        if (o.Applications < 10_000 || o.Applications > 50_000_000)
        {
            throw new ArgumentException("--applications must be between 10000 and 50000000.");
        }

        if (o.ImportLines is < 1_000 or > 20_000_000)
        {
            throw new ArgumentException("--import-lines must be between 1000 and 20000000.");
        }

        if (o.DurationSeconds is < 1 or > 600)
        {
            throw new ArgumentException("--duration-seconds must be between 1 and 600.");
        }

        if (o.Pairs is < 1 or > 50 || o.WindowSeconds is < 1 or > 120)
        {
            throw new ArgumentException("--pairs must be between 1 and 50, --window-seconds between 1 and 120.");
        }

        return o;
    }

    /// <summary>Whether a scenario runs: all of them unless --only names some.</summary>
    public bool Runs(string scenario) => Only.Length == 0 || Only.Split(',').Contains(scenario, StringComparer.Ordinal);

    private static long ParseCount(string s) =>
        long.TryParse(s.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new ArgumentException($"Not a count: {s}");
}

internal sealed class BenchException(string message) : Exception(message);

internal static class Log
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static void Step(string message) => Console.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {message}");
}

internal static class Net
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>Runs a command to completion and returns its output; throws with the output when it fails.</summary>
internal static class Shell
{
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, CancellationToken cancellationToken,
        string? workingDirectory = null, IDictionary<string, string>? environment = null, bool check = true)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        using var process = Process.Start(info) ?? throw new BenchException($"could not start {file}");
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }

            throw;
        }

        await Task.WhenAll(stdout, stderr);
        if (check && process.ExitCode != 0)
        {
            throw new BenchException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}:{Environment.NewLine}{Tail(output.ToString(), 40)}");
        }

        return output.ToString();
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder into)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (into)
            {
                into.AppendLine(line);
            }
        }
    }

    public static string Tail(string text, int lines)
    {
        var all = text.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}

/// <summary>The repository root: the folder that holds MotCua.slnx, found upwards from here or from the bench's own files.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new BenchException("cannot find the repository root (MotCua.slnx); run from the repository.");
    }
}
