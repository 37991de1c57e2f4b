using System.Globalization;
using System.Text;

namespace MotCua.Bench;

/// <summary>The one table: each scenario with its ceiling, ratio and bar, then the ceilings, then memory.</summary>
/// <summary>The notify scenario: a burst of submissions, and how long the outbox took to deliver everything after it.</summary>
internal sealed record NotifyBurst(int Submissions, TimeSpan Burst, int Errors, long Backlog, TimeSpan Drain, long Dead)
{
    public static readonly TimeSpan Bar = TimeSpan.FromSeconds(10);
}

/// <summary>The ipn scenario's count in the database after MotCua's window (and after the ceiling's), and the replays.</summary>
internal sealed record IpnResult(IpnScenario.Check App, int Replays, int Replayed02, IpnScenario.Check? Ceiling)
{
    public bool Passed => App.Passed && Replayed02 == Replays;
}

internal static class Report
{
    private sealed record Bar(string Ceiling, string Text, Func<Measurement, double?, bool> Passes);

    private static readonly Dictionary<string, Bar> Bars = new()
    {
        ["submit"] = new("kestrel-submit", "≥ 40 % of ceiling (aim 60 %)", (_, ratio) => ratio >= 0.40),
        ["receive"] = new("pgbench-submit", "no errors", (_, _) => true),
        ["track"] = new("kestrel-track", "≥ 60 % of ceiling (aim 80 %)", (_, ratio) => ratio >= 0.60),
        ["search"] = new("kestrel-json", "p99 < 20 ms at 32, ≥ 25 % of ceiling", (m, ratio) => m.Percentile(99) < 20 && m.Concurrency >= 32 && ratio >= 0.25),
        ["inbox"] = new("pgbench-lookup", "p95 < 100 ms", (m, _) => m.Percentile(95) < 100),
        ["inbox-page"] = new("kestrel-plaintext", "p95 < 100 ms", (m, _) => m.Percentile(95) < 100),
        ["history"] = new("kestrel-history", "no errors", (_, _) => true),
        ["slip"] = new("kestrel-plaintext", "no errors", (_, _) => true),
        ["ipn"] = new("kestrel-ipn", "no errors", (_, _) => true),
        ["indicators"] = new("kestrel-json", "p95 < 200 ms", (m, _) => m.Percentile(95) < 200),
        ["index766"] = new("kestrel-json", "p95 < 200 ms", (m, _) => m.Percentile(95) < 200),
        ["dashboard"] = new("kestrel-plaintext", "p95 < 200 ms", (m, _) => m.Percentile(95) < 200),
        ["dashboard-ward"] = new("kestrel-plaintext", "p95 < 200 ms", (m, _) => m.Percentile(95) < 200),
    };

    public const long MemoryBar = 1L << 30;

    public static string Render(IReadOnlyList<Measurement> scenarios, IReadOnlyDictionary<string, Measurement> ceilings, IReadOnlyDictionary<string, PairResult> pairs,
        IReadOnlyDictionary<string, (double App, double Bench, double Others)> cpu, long? peakMemory,
        BenchOptions options, SeededData data, TimeSpan seedTime, string machine, string load,
        NotifyBurst? notify, (long Backlog, TimeSpan Elapsed) drainAfterSubmit, IpnResult? ipn, string rollups, TwoNodeResult? nodes, ImportResult? import,
        IReadOnlyDictionary<string, (long BenchRequests, List<(string Route, double Requests, double MeanMs, double ServerErrors)> Routes)> served,
        IReadOnlyList<(string Consumer, string Outcome, double Count)> deliveries, out bool allPassed)
    {
        allPassed = true;
        var rows = new List<string[]>();
        if (notify is { } n)
        {
            var pass = n.Errors == 0 && n.Dead == 0 && n.Drain <= NotifyBurst.Bar;
            allPassed &= pass;
            rows.Add(["notify", "32", F0(n.Submissions / n.Burst.TotalSeconds), string.Empty, string.Empty, string.Empty, n.Errors.ToString(CultureInfo.InvariantCulture),
                "(outbox)", string.Empty, string.Empty,
                $"backlog 0 within {NotifyBurst.Bar.TotalSeconds:0} s after a burst of {n.Submissions:N0}: {n.Backlog:N0} left at its end, 0 after {n.Drain.TotalSeconds:0.0} s; {n.Dead} dead",
                pass ? "PASS" : "FAIL"]);
        }

        foreach (var m in scenarios)
        {
            var bar = Bars[m.Name];
            var ceiling = ceilings.GetValueOrDefault(bar.Ceiling);
            var pair = pairs.GetValueOrDefault(m.Name);
            // Paired: the median of the windows' ratios; otherwise the ratio of the two whole windows.
            double? ratio = pair is not null ? pair.Median : ceiling is null || ceiling.Throughput == 0 ? null : m.Throughput / ceiling.Throughput;
            // ipn: 0 errors and 0 double credits, counted in the database; its ratio is reported, not a bar.
            var pass = m.Errors == 0 && m.Requests > 0 && bar.Passes(m, ratio) && (m.Name != "ipn" || ipn?.Passed == true);
            allPassed &= pass;
            var barText = bar.Text == "no errors" ? "0 errors" : bar.Text + ", 0 errors";
            if (m.Name is "inbox" or "inbox-page" && data.Applications < 10_000_000)
            {
                barText += $" (bar set at 10 M; here {Size(data.Applications)})";
            }

            if (m.Name == "ipn")
            {
                barText = ipn is null ? "0 errors, 0 double credits" : IpnScenario.BarText(ipn.App, ipn.Replays, ipn.Replayed02);
            }

            rows.Add([m.Name, m.Concurrency.ToString(CultureInfo.InvariantCulture), F0(m.Throughput), Ms(m.Percentile(50)), Ms(m.Percentile(95)), Ms(m.Percentile(99)),
                m.Errors.ToString(CultureInfo.InvariantCulture), bar.Ceiling, ceiling is null ? "–" : F0(ceiling.Throughput), pair is not null ? pair.Spread : ratio is null ? "–" : $"{ratio:0.00}", barText, pass ? "PASS" : "FAIL"]);
        }

        if (nodes is { } t)
        {
            // On one machine the second node shares the same cores: the point is that the load splits without errors.
            foreach (var (two, one) in new[] { (t.SubmitTwo, t.SubmitOne), (t.TrackTwo, t.TrackOne) })
            {
                var pass = two.Errors == 0 && one.Errors == 0 && two.Requests > 0;
                allPassed &= pass;
                rows.Add([two.Name, two.Concurrency.ToString(CultureInfo.InvariantCulture), F0(two.Throughput), Ms(two.Percentile(50)), Ms(two.Percentile(95)), Ms(two.Percentile(99)),
                    (two.Errors + one.Errors).ToString(CultureInfo.InvariantCulture), one.Name, F0(one.Throughput), one.Throughput > 0 ? $"{two.Throughput / one.Throughput:0.00}" : "–",
                    "0 errors (2 nodes against 1, same cores)", pass ? "PASS" : "FAIL"]);
            }

            var f = t.Failover;
            allPassed &= f.Passed;
            rows.Add(["failover", TwoNodes.Concurrency.ToString(CultureInfo.InvariantCulture), F0(f.Load.Throughput), Ms(f.Load.Percentile(50)), Ms(f.Load.Percentile(95)), Ms(f.Load.Percentile(99)),
                f.Load.Errors.ToString(CultureInfo.InvariantCulture), "(2 nodes, one killed)", string.Empty, string.Empty,
                $"0 errors, 0 lost, 0 saved twice, every notification once: {f.Acknowledged:N0} answered, {f.Saved:N0} saved, {f.Lost} lost, {f.SavedTwice} twice; {f.NotDelivered} deliveries left, {f.DeliveriesTwice + f.MessagesTwice + f.PortalTwice} twice",
                f.Passed ? "PASS" : "FAIL"]);
        }

        if (import is { } im)
        {
            allPassed &= im.Passed;
            rows.Add(["import", "1", F0(im.PerSecond) + " lines/s", string.Empty, string.Empty, string.Empty, im.Refused.ToString(CultureInfo.InvariantCulture),
                "copy-seed", F0(im.CeilingPerSecond), $"{im.PerSecond / Math.Max(1, im.CeilingPerSecond):0.00}", im.BarText, im.Passed ? "PASS" : "FAIL"]);
        }

        foreach (var (name, m) in ceilings)
        {
            rows.Add([name, m.Concurrency.ToString(CultureInfo.InvariantCulture), F0(m.Throughput), Ms(m.Percentile(50)), Ms(m.Percentile(95)), Ms(m.Percentile(99)),
                m.Errors.ToString(CultureInfo.InvariantCulture), "(ceiling)", string.Empty, string.Empty, string.Empty, string.Empty]);
        }

        var memoryPass = peakMemory is long p && p < MemoryBar;
        allPassed &= memoryPass;
        rows.Add(["app peak memory", string.Empty, peakMemory is long b ? $"{b / 1024.0 / 1024:0} MB" : "?", string.Empty, string.Empty, string.Empty, string.Empty,
            "(VmHWM)", string.Empty, string.Empty, "< 1 GB", memoryPass ? "PASS" : "FAIL"]);

        string[] header = ["scenario", "concurrency", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "ceiling", "ceiling req/s", "ratio", "bar", "PASS/FAIL"];
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"MotCua benchmark, {DateTime.Now:yyyy-MM-dd HH:mm} — {machine}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Data: {data.Applications:N0} applications with {data.Events:N0} events, {data.Procedures:N0} synthetic procedures, {data.CitizenCount:N0} citizens; seeded in {seedTime.TotalSeconds:0} s. Each scenario: {options.WarmupSeconds} s warm-up, {options.DurationSeconds} s measured, closed loop over HTTP/1.1 on 127.0.0.1; {string.Join(", ", pairs.Keys)} instead in {options.Pairs} pairs of {options.WindowSeconds} s windows alternating with their ceiling (ratio: median of the pairs, lowest–highest in brackets).");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Machine: {load}.");
        if (rollups.Length > 0)
        {
            sb.AppendLine(rollups);
        }
        sb.AppendLine();
        sb.AppendLine("| " + string.Join(" | ", header) + " |");
        sb.AppendLine("|" + string.Join("|", header.Select((_, i) => i is >= 1 and <= 6 or 8 or 9 ? "---:" : "---")) + "|");
        foreach (var row in rows)
        {
            sb.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        sb.AppendLine();
        sb.AppendLine("Where the CPU went during each measured window, in CPU milliseconds per request (2 cores = 2,000 ms per second):");
        sb.AppendLine();
        sb.AppendLine("| scenario | MotCua | load driver | PostgreSQL and the rest | total |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var m in scenarios.Where(m => cpu.ContainsKey(m.Name)))
        {
            var (app, bench, rest) = cpu[m.Name];
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {m.Name} | {app:0.000} | {bench:0.000} | {rest:0.000} | {app + bench + rest:0.000} |");
        }

        if (served.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("What MotCua's own meters said (OTLP to the bench each second, `http.server.request.duration` by route; each end of a window can be off by up to a second of requests):");
            sb.AppendLine();
            sb.AppendLine("| scenario | route | requests (MotCua) | requests (bench) | MotCua mean ms | 5xx |");
            sb.AppendLine("|---|---|---:|---:|---:|---:|");
            foreach (var (name, (bench, routes)) in served)
            {
                foreach (var r in routes.OrderByDescending(r => r.Requests).Take(1))
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | `{r.Route}` | {F0(r.Requests)} | {F0(bench)} | {Ms(r.MeanMs)} | {F0(r.ServerErrors)} |");
                }
            }
        }

        if (deliveries.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Outbox deliveries over the scenarios, by MotCua's `motcua.outbox.deliveries` (node 1; consumer, outcome, count): {string.Join("; ", deliveries.Select(d => $"{d.Consumer} {d.Outcome} {F0(d.Count)}"))}.");
        }

        sb.AppendLine();
        if (notify is not null)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"Notifications: every submission tells its applicant on four channels (portal inbox, e-mail to the pickup folder, SMS and Zalo to the message log). At the end of the submit scenario {drainAfterSubmit.Backlog:N0} deliveries were waiting; the outbox was empty {drainAfterSubmit.Elapsed.TotalSeconds:0.0} s later.");
        }

        if (nodes is not null)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Two nodes (both running the outbox workers, node 2 with Outbox:LeaseSeconds 10), the load split by a balancer that sends a request again to the other node when its node refuses or drops the connection: {nodes.Failover}.");
        }

        if (import is not null)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Import: {import.Lines:N0} lines in {import.Took.TotalSeconds:0} s through the API (one request, the file generated as it is sent); its ceiling is the seeder's binary COPY of the applications and their events, indexes rebuilt ({data.Applications:N0} in {data.ApplicationLoad.TotalSeconds:0} s).");
        }

        if (ipn is not null)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Payment notices (ipn), counted in the database after each window. MotCua: {ipn.App}; {ipn.Replayed02}/{ipn.Replays} notices sent again answered 02.{(ipn.Ceiling is { } c ? $" Ceiling (kestrel-ipn): {c}." : string.Empty)}");
        }

        sb.AppendLine();
        sb.AppendLine(allPassed ? "All bars PASS." : "Some bars FAIL: see docs/performance.md for what limits each scenario.");
        var firstErrors = scenarios.Where(s => s.FirstError is not null).Select(s => $"{s.Name}: {s.FirstError}").ToList();
        foreach (var e in firstErrors)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"First error of {e}");
        }

        return sb.ToString();
    }

    private static string Size(long n) => n >= 1_000_000 ? $"{n / 1_000_000.0:0.#} M" : $"{n / 1000.0:0} k";

    private static string F0(double v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string Ms(double? v) => v is double d ? d.ToString(d < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) : "–";
}
