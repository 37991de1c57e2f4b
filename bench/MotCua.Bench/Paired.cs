namespace MotCua.Bench;

/// <summary>
/// A scenario measured against its ceiling in alternating short windows (MotCua, ceiling, MotCua, ceiling …), so a
/// machine that gets busier or quieter during the run moves both sides of each pair alike. The ratio reported is the
/// median of the pairs' ratios, with the lowest and highest beside it.
/// </summary>
internal sealed record PairResult(string Ceiling, Measurement App, Measurement CeilingMerged, double[] Ratios)
{
    public double Median
    {
        get
        {
            var sorted = Ratios.Order().ToArray();
            return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    public string Spread => Ratios.Length == 0 ? "–" : $"{Median:0.00} ({Ratios.Min():0.00}–{Ratios.Max():0.00})";
}

internal static class Paired
{
    /// <summary>
    /// One warm-up of each side, then <paramref name="pairs"/> pairs of windows. <paramref name="between"/> runs after
    /// each MotCua window (the submit scenario waits there for its notifications to be delivered, so the ceiling's
    /// window does not share the machine with MotCua's worker). <paramref name="measuring"/> brackets MotCua's windows
    /// (CPU samples). Errors of the warm-ups count.
    /// </summary>
    public static async Task<PairResult> RunAsync(string name, string ceilingName, int concurrency, HttpClient app, HttpClient ceiling,
        Driver.RequestFactory appRequest, Driver.RequestFactory ceilingRequest, TimeSpan warmup, TimeSpan window, int pairs,
        Func<bool, Task> measuring, Func<Task>? between, Func<string, string?>? check, CancellationToken ct)
    {
        var appWarm = await Driver.RunAsync(name, app, concurrency, warmup, TimeSpan.Zero, appRequest, ct, check: check);
        if (between is not null)
        {
            await between();
        }

        var ceilingWarm = await Driver.RunAsync(ceilingName, ceiling, concurrency, warmup, TimeSpan.Zero, ceilingRequest, ct);
        var apps = new List<Measurement> { appWarm };
        var ceilings = new List<Measurement> { ceilingWarm };
        var ratios = new List<double>();
        for (var i = 0; i < pairs; i++)
        {
            await measuring(true);
            var a = await Driver.RunAsync(name, app, concurrency, TimeSpan.Zero, window, appRequest, ct, check: check);
            await measuring(false);
            if (between is not null)
            {
                await between();
            }

            var c = await Driver.RunAsync(ceilingName, ceiling, concurrency, TimeSpan.Zero, window, ceilingRequest, ct);
            apps.Add(a);
            ceilings.Add(c);
            if (c.Throughput > 0)
            {
                ratios.Add(a.Throughput / c.Throughput);
            }

            Log.Step($"    pair {i + 1}: {name} {a.Throughput:0} req/s, {ceilingName} {c.Throughput:0} req/s, ratio {(c.Throughput > 0 ? a.Throughput / c.Throughput : 0):0.00}");
        }

        return new PairResult(ceilingName, Merge(name, concurrency, apps), Merge(ceilingName, concurrency, ceilings), [.. ratios]);
    }

    /// <summary>The windows as one measurement: requests and seconds summed, every latency kept, every error counted.</summary>
    public static Measurement Merge(string name, int concurrency, IReadOnlyList<Measurement> windows)
    {
        var latencies = windows.SelectMany(w => w.LatenciesMs).ToArray();
        Array.Sort(latencies);
        return new Measurement(name, concurrency, windows.Sum(w => w.Seconds), windows.Sum(w => w.Requests), windows.Sum(w => w.Errors), latencies,
            windows.Select(w => w.FirstError).FirstOrDefault(e => e is not null));
    }
}
