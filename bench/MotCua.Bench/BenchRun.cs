using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Npgsql;

namespace MotCua.Bench;

/// <summary>One benchmark run: everything it starts, it stops (also on Ctrl+C), unless --keep.</summary>
internal sealed class BenchRun(BenchOptions options) : IAsyncDisposable
{
    private const string Password = "MotCua@2026";
    private const int SignedInCitizens = 128;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _work = Directory.CreateTempSubdirectory("motcua-bench-").FullName;
    private readonly string _pgDir = Path.Combine(Path.GetTempPath(), $"motcua-bench-pg-{Guid.NewGuid():N}");
    private readonly List<Measurement> _scenarios = [];
    private (long Backlog, TimeSpan Elapsed) _drainAfterSubmit;
    private NotifyBurst? _notify;
    private IpnResult? _ipn;
    private IpnScenario.Pool? _ipnPool;
    private string _ipnOutbox = string.Empty;
    private readonly Dictionary<string, Measurement> _ceilings = [];
    private readonly Dictionary<string, PairResult> _pairs = [];
    private ChildProcess? _apiCeiling;
    private readonly Profiler _profiler = new(options.Profile.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal), Path.Combine(Repo.Root, "results"));
    private string _ceilingUrl = string.Empty;
    private readonly Dictionary<string, (double App, double Bench, double Others)> _cpu = [];
    private bool _clusterStarted;
    private Cluster? _cluster;
    private ChildProcess? _app;
    private ChildProcess? _kestrel;
    private NpgsqlDataSource? _db;
    private string _base = string.Empty;
    private SeededData _data = null!;
    private TimeSpan _seedTime;
    private long? _peakMemory;
    private string _rollups = string.Empty;

    /// <summary>MotCua's own meters, received over OTLP (see <see cref="MotCuaMeters"/>).</summary>
    private MotCuaMeters? _meters;
    private IReadOnlyDictionary<string, MotCuaMeters.Point>? _metersAtStart;
    private readonly Dictionary<string, (long BenchRequests, List<(string Route, double Requests, double MeanMs, double ServerErrors)> Routes)> _served = [];

    public bool AllBarsPassed { get; private set; }

    private TimeSpan Warmup => TimeSpan.FromSeconds(options.WarmupSeconds);
    private TimeSpan Duration => TimeSpan.FromSeconds(options.DurationSeconds);

    public async Task ExecuteAsync(CancellationToken ct)
    {
        CheckTools();
        var loadAtStart = LoadAverage();
        Log.Step($"MotCua benchmark: {options.Applications:N0} applications, {options.DurationSeconds} s per scenario after {options.WarmupSeconds} s warm-up; machine: {Machine()}");

        Log.Step("Build MotCua (Release)");
        var web = Path.Combine(Repo.Root, "src", "MotCua.Web");
        await Shell.RunAsync("dotnet", ["build", web, "-c", "Release", "-nologo", "-v", "q", "--disable-build-servers"], ct,
            environment: new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });

        Log.Step($"Start PostgreSQL 15 (fsync on, shared_buffers {Cluster.SharedBuffers}) in {_pgDir}");
        _clusterStarted = true;
        _cluster = await Cluster.StartAsync(_pgDir, ct);
        _db = NpgsqlDataSource.Create(_cluster.ConnectionString + ";Command Timeout=0");

        var port = Net.FreePort();
        _base = $"http://127.0.0.1:{port}";
        Log.Step($"Start MotCua (Release) on {_base}");
        _meters = await MotCuaMeters.StartAsync();
        _app = StartNode(_base, "motcua.log", new Dictionary<string, string>(_meters.NodeSettings));
        await _app.WaitHealthyAsync(_base + "/health", TimeSpan.FromMinutes(3), ct);

        Log.Step("Seed synthetic data (bulk COPY)");
        var seed = Stopwatch.StartNew();
        _data = await new Seeder(_db, options.Applications).RunAsync(ct);
        _seedTime = seed.Elapsed;
        if (IndicatorScenarios.Any(options.Runs))
        {
            await FillRollupsAsync(web, ct);
        }

        // The load just wrote gigabytes: write them out now, so the scenarios' commits do not queue behind that write-back.
        Log.Step("Checkpoint and sync before measuring");
        await using (var checkpoint = _db.CreateCommand("CHECKPOINT"))
        {
            await checkpoint.ExecuteNonQueryAsync(ct);
        }

        await Shell.RunAsync("sync", [], ct);
        await Task.Delay(TimeSpan.FromSeconds(5), ct);

        var loadBefore = LoadAverage();
        _metersAtStart = _meters.Snapshot();
        if (!options.IndicatorsOnly)
        {
            await RunScenariosAsync(ct);
        }

        if (IndicatorScenarios.Any(options.Runs))
        {
            await RunIndicatorsAsync(ct);
        }

        if (!options.IndicatorsOnly && options.Runs("ipn"))
        {
            await RunIpnAsync(ct);
        }

        if (!options.IndicatorsOnly && options.Runs("nodes") && !options.NoWorkers)
        {
            await RunTwoNodesAsync(ct);
        }

        if (!options.IndicatorsOnly && options.Runs("import"))
        {
            await RunImportAsync(ct);
        }

        _peakMemory = _app.PeakResidentBytes();
        await Task.Delay(TimeSpan.FromSeconds(1.5), ct); // one more export of the counters
        var deliveries = MotCuaMeters.Deliveries(_metersAtStart, _meters.Snapshot());
        if (!options.IndicatorsOnly && (options.Only.Length == 0 || options.Runs("ceilings") || options.Runs("ipn")))
        {
            await RunCeilingsAsync(ct);
        }
        var load = $"1-minute load average {loadAtStart} when the bench started (anything above ~0.5 there is someone else's work), {loadBefore} before the scenarios, {LoadAverage()} after the ceilings";

        var table = Report.Render(_scenarios, _ceilings, _pairs, _cpu, _peakMemory, options, _data, _seedTime, Machine(), load, _notify, _drainAfterSubmit, _ipn, _rollups, _nodes, _import, _served, deliveries, out var allPassed);
        AllBarsPassed = allPassed;
        Console.WriteLine();
        Console.WriteLine(table);
        var results = Path.Combine(Repo.Root, "results");
        Directory.CreateDirectory(results);
        var file = Path.Combine(results, $"bench-{DateTime.Now:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(file, table, ct);
        Log.Step($"Table saved to {Path.GetRelativePath(Repo.Root, file)}");
    }

    private static void CheckTools()
    {
        foreach (var tool in new[] { "pgbench", "bash" })
        {
            var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
                .Concat(["/usr/lib/postgresql/15/bin"])
                .Any(d => File.Exists(Path.Combine(d, tool)));
            if (!found)
            {
                throw new BenchException($"{tool} not found: install PostgreSQL 15 (apt-get install postgresql-15 postgresql-client-15).");
            }
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))
            : null;
        var gb = memory is null ? 0 : long.Parse(memory.Split(':')[1].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024.0 / 1024;
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {gb:0} GB, .NET {Environment.Version}, PostgreSQL 15";
    }

    /// <summary>
    /// A MotCua node (Release) on <paramref name="url"/>, on the bench's database, files and mail folder; a second node
    /// gets the same settings, so either answers any request (keys, sessions and tokens live in the database).
    /// </summary>
    private ChildProcess StartNode(string url, string logName, IDictionary<string, string>? extra = null)
    {
        var web = Path.Combine(Repo.Root, "src", "MotCua.Web");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = _cluster!.ConnectionString,
            ["Seed__Demo"] = "true",
            ["RateLimits__SignInPerMinute"] = "0",
            ["RateLimits__TrackingPerMinute"] = "0",
            ["Security__HttpsRedirect"] = "false",
            ["Portal__PublicBaseUrl"] = url,
            ["ASPNETCORE_URLS"] = url,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__Folder"] = Path.Combine(_work, "files"),
            ["Email__PickupFolder"] = Path.Combine(_work, "mail"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",

            // With --no-figure-cache every indicator read sums the counters (what the first view after a minute costs).
            ["Indicators__FiguresCacheSeconds"] = options.NoFigureCache ? "0" : "60",

            // --no-workers: a web node; another node (none here) would deliver what it writes.
            ["Outbox__Workers"] = options.NoWorkers ? "false" : "true",

            // One VNPay merchant whose code and secret the ipn scenario signs with; the demo's collecting accounts use it.
            ["Payments__DefaultProvider"] = IpnScenario.Provider,
            [$"Payments__Providers__{IpnScenario.Provider}__DisplayName"] = "VNPay",
            [$"Payments__Providers__{IpnScenario.Provider}__TmnCode"] = IpnScenario.TmnCode,
            [$"Payments__Providers__{IpnScenario.Provider}__HashSecret"] = IpnScenario.HashSecret,
            [$"Payments__Providers__{IpnScenario.Provider}__PayUrl"] = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>())
        {
            environment[k] = v;
        }

        return ChildProcess.Start("dotnet", [Path.Combine(web, "bin", "Release", "net10.0", "MotCua.Web.dll")], web, environment, Path.Combine(_work, logName));
    }

    // ------------------------------------------------------------------ scenarios

    private async Task RunScenariosAsync(CancellationToken ct)
    {
        Log.Step("Sign in: reception1 and the citizens");
        using var signIn = Driver.Client(8);
        var reception = await TokenAsync(signIn, "reception1", ct);
        var citizens = await CitizenTokensAsync(ct);

        // submit: many citizens file the essential service "liên thông khai sinh – thường trú – BHYT" with a 1 KB form,
        // in alternating windows with the bare Kestrel + Npgsql app doing the same writes.
        var form = SubmitBody(_data.AnPhuUnitId);
        await StartApiCeilingAsync(citizens[0], form, ct);
        Log.Step($"Scenario submit (form {Encoding.UTF8.GetByteCount(form)} bytes) against kestrel-submit, {options.Pairs} pairs of {options.WindowSeconds} s");
        var drained = (Backlog: 0L, Elapsed: TimeSpan.Zero);
        await MeasurePaired("submit", 32, (w, n) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = new StringContent(form, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", citizens[(int)((w + (n * 32)) % SignedInCitizens)]);
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            return request;
        }, "kestrel-submit", (_, _) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/submit") { Content = new StringContent(form, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", CeilingKeyPrefix + Guid.NewGuid().ToString("N"));
            return request;
        }, ct, between: async () =>
        {
            // Every submission told its applicant on four channels (inbox, e-mail, SMS, Zalo): the worker finishes
            // before the ceiling's window, so the ceiling does not share the machine with MotCua's deliveries.
            if (!options.NoWorkers)
            {
                drained = await WaitForEmptyBacklogAsync(TimeSpan.FromMinutes(10), ct);
            }
        });
        await RemoveCeilingSubmissionsAsync(ct);
        Log.Step($"  outbox after the last submit window: {drained.Backlog:N0} deliveries waiting when it ended, empty {drained.Elapsed.TotalSeconds:0.0} s later");
        _drainAfterSubmit = drained;

        if (options.Runs("notify") && !options.NoWorkers)
        {
            await NotifyBurstAsync(citizens, form, ct);
        }

        // receive: reception1 receives what is waiting in the ward, each application once.
        var waiting = new ConcurrentQueue<string>(await CodesAsync($"""SELECT "Code" FROM applications WHERE "UnitPath" = @path AND "Status" = 'Submitted' ORDER BY "Id" DESC""", 200_000, ct));
        Log.Step($"Scenario receive ({waiting.Count:N0} applications waiting)");
        await Measure("receive", 16, (_, _) =>
        {
            if (!waiting.TryDequeue(out var code))
            {
                return null;
            }

            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{code}/transitions") { Content = new StringContent("""{"action":"receive"}""", Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", reception);
            return request;
        }, ct);

        var sample = Math.Min(100.0, 150_000.0 * 100 / options.Applications);
        var all = await CodesAsync($"""SELECT "Code" FROM applications TABLESAMPLE SYSTEM ({sample.ToString(CultureInfo.InvariantCulture)})""", 100_000, ct);
        Log.Step($"Scenario track ({all.Count:N0} random codes) against kestrel-track");
        await MeasurePaired("track", 32, (w, n) => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tracking/{Pick(all, w, n)}"),
            "kestrel-track", (w, n) => new HttpRequestMessage(HttpMethod.Get, $"/track/{Pick(all, w, n)}"), ct);

        var queries = SearchQueries();
        Log.Step($"Scenario search ({queries.Count} different queries typed without diacritics) against kestrel-json");
        var echo = JsonSerializer.Serialize(SubmitForm, Json);
        await MeasurePaired("search", 32, (w, n) => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/procedures?q={Uri.EscapeDataString(queries[(int)(SyntheticNames.Hash(((ulong)w << 32) ^ (ulong)n) % (ulong)queries.Count)])}"),
            "kestrel-json", (_, _) => new HttpRequestMessage(HttpMethod.Post, "/json") { Content = new StringContent(echo, Encoding.UTF8, "application/json") }, ct);

        Log.Step("Scenario inbox");
        await Measure("inbox", 16, (w, n) => Authorized(HttpMethod.Get, $"/api/v1/inbox?page={1 + ((w + n) % 5)}&pageSize=20", reception), ct);
        Log.Step("Scenario inbox-page (reception1 signed in by the page, /can-bo/ho-so?page=1..5)");
        var receptionCookie = await IndicatorScenario.PageCookieAsync(_base, "reception1", Password, ct);
        await Measure("inbox-page", 16, (w, n) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/can-bo/ho-so?page={1 + ((w + n) % 5)}");
            request.Headers.Add("Cookie", receptionCookie);
            return request;
        }, ct, body => body.Contains("inbox-table", StringComparison.Ordinal) ? null : "no inbox-table in the page");

        var ward = await CodesAsync($"""SELECT "Code" FROM applications TABLESAMPLE SYSTEM ({Math.Min(100, sample * 3).ToString(CultureInfo.InvariantCulture)}) WHERE "UnitPath" = @path""", 50_000, ct);
        Log.Step($"Scenario history ({ward.Count:N0} codes in the ward) against kestrel-history");
        await MeasurePaired("history", 32, (w, n) => Authorized(HttpMethod.Get, $"/api/v1/applications/{Pick(ward, w, n)}", reception),
            "kestrel-history", (w, n) => new HttpRequestMessage(HttpMethod.Get, $"/history/{Pick(ward, w, n)}"), ct);

        var received = await CodesAsync($"""SELECT "Code" FROM applications TABLESAMPLE SYSTEM ({Math.Min(100, sample * 3).ToString(CultureInfo.InvariantCulture)}) WHERE "UnitPath" = @path AND "ReceivedAt" IS NOT NULL""", 20_000, ct);
        Log.Step("Scenario slip (receipt, form 01, PDF)");
        await Measure("slip", 8, (w, n) => Authorized(HttpMethod.Get, $"/api/v1/applications/{Pick(received, w, n)}/slips/receipt", reception), ct);
    }

    private string[]? _citizens;

    private async Task<string[]> CitizenTokensAsync(CancellationToken ct)
    {
        if (_citizens is null)
        {
            using var signIn = Driver.Client(8);
            var citizens = new string[SignedInCitizens];
            await Parallel.ForAsync(0, SignedInCitizens, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
                async (i, c) => citizens[i] = await TokenAsync(signIn, Seeder.CitizenUserName(i), c));
            _citizens = citizens;
        }

        return _citizens;
    }

    // ------------------------------------------------------------------ two nodes, import

    private ChildProcess? _second;
    private TwoNodeResult? _nodes;
    private ImportResult? _import;

    /// <summary>A second node beside the first (see <see cref="TwoNodes"/>), stopped again at the end.</summary>
    private async Task RunTwoNodesAsync(CancellationToken ct)
    {
        var url = $"http://127.0.0.1:{Net.FreePort()}";
        Log.Step($"Scenario nodes: a second MotCua node on {url} (same database and folders), the load split between the two by a balancer");
        var starts = 0;
        ChildProcess Start() => _second = StartNode(url, $"motcua-2-{++starts}.log", new Dictionary<string, string>(TwoNodes.NodeTwoSettings));
        var second = Start();
        await second.WaitHealthyAsync(url + "/health", TimeSpan.FromMinutes(3), ct);
        var sample = Math.Min(100.0, 150_000.0 * 100 / options.Applications);
        var codes = await CodesAsync($"""SELECT "Code" FROM applications TABLESAMPLE SYSTEM ({sample.ToString(CultureInfo.InvariantCulture)})""", 100_000, ct);
        var scenario = new TwoNodes(_db!, new Uri(_base), new Uri(url), Start, Path.Combine(_work, "mail"), await CitizenTokensAsync(ct), SubmitBody(_data.AnPhuUnitId),
            codes, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(options.WindowSeconds * 2), () => WaitForEmptyBacklogAsync(TimeSpan.FromMinutes(5), ct));
        _nodes = await scenario.RunAsync(second, ct);
        Log.Step($"  failover check: {_nodes.Failover}; {(_nodes.Failover.Passed ? "PASS" : "FAIL")}");
        _second?.Stop(TimeSpan.FromSeconds(10));
        _second?.Dispose();
        _second = null;
    }

    /// <summary>The import of --import-lines lines through the API (see <see cref="ImportScenario"/>).</summary>
    private async Task RunImportAsync(CancellationToken ct)
    {
        using var signIn = Driver.Client(1);
        var admin = await TokenAsync(signIn, IndicatorScenario.Admin, ct);
        var pairs = await ImportScenario.PairsAsync(_db!, ct);
        Log.Step($"Scenario import ({options.ImportLines:N0} lines of JSON Lines to POST /api/v1/imports/applications, {pairs.Count} procedure–unit pairs)");
        var ceiling = _data.Applications / Math.Max(0.001, _data.ApplicationLoad.TotalSeconds);
        _import = await ImportScenario.RunAsync(new Uri(_base), admin, _app!, options.ImportLines, pairs, ceiling, () => WaitForEmptyBacklogAsync(TimeSpan.FromSeconds(Math.Max(600, options.ImportLines / 300)), ct), ct);
        Log.Step($"  import: {_import.PerSecond:0} lines/s ({_import.Took.TotalSeconds:0} s); {_import.BarText}{(_import.FirstProblem is { } p ? $"; first problem: {p}" : string.Empty)}");
    }

    // ------------------------------------------------------------------ indicators

    /// <summary>
    /// The rollups as production has them after a bulk load and <c>indicators-rebuild</c>: filled by one set-based
    /// statement (see <see cref="IndicatorScenario"/>); with --check-rollups, MotCua's own rebuild is then run, timed,
    /// and its counters and per-application keys compared with the statement's.
    /// </summary>
    private async Task FillRollupsAsync(string web, CancellationToken ct)
    {
        Log.Step("Fill the indicator rollups (one INSERT … SELECT … GROUP BY over the applications)");
        var clock = Stopwatch.StartNew();
        var (counters, counted) = await IndicatorScenario.FillRollupsAsync(_db!, _data.Applications, ct);
        var took = clock.Elapsed;
        _rollups = $"Indicator rollups filled by one set-based statement in {took.TotalSeconds:0} s: {counters:N0} counters, {counted:N0} applications' keys; "
            + (options.NoFigureCache ? "figure cache off (every read sums the counters)." : "figure cache 60 s (Indicators:FiguresCacheSeconds).");
        Log.Step($"  {counters:N0} counters, {counted:N0} applications' keys in {took.TotalSeconds:0.0} s");
        if (!options.CheckRollups)
        {
            return;
        }

        await using (var snapshot = _db!.CreateCommand("""
            DROP TABLE IF EXISTS bench_counts_sql, bench_counted_sql;
            CREATE TABLE bench_counts_sql AS SELECT "UnitId", "Day", "ProcedureCode", "Measure", "Count" FROM indicator_counts;
            CREATE TABLE bench_counted_sql AS SELECT "ApplicationId", "Keys" FROM indicator_counted_applications;
            """))
        {
            await snapshot.ExecuteNonQueryAsync(ct);
        }

        Log.Step("  --check-rollups: dotnet MotCua.Web.dll indicators-rebuild on the same database");
        var rebuild = await IndicatorScenario.RebuildWithAppAsync(Path.Combine(web, "bin", "Release", "net10.0", "MotCua.Web.dll"), _cluster!.ConnectionString, Path.Combine(_work, "rebuild.log"), ct);
        Log.Step($"  indicators-rebuild: {rebuild.TotalSeconds:0.0} s");
        var differ = await CountAsync("""
            SELECT (SELECT count(*) FROM (SELECT "UnitId", "Day", "ProcedureCode", "Measure", "Count" FROM indicator_counts EXCEPT SELECT * FROM bench_counts_sql) a)
                 + (SELECT count(*) FROM (SELECT * FROM bench_counts_sql EXCEPT SELECT "UnitId", "Day", "ProcedureCode", "Measure", "Count" FROM indicator_counts) b)
                 + (SELECT count(*) FROM (SELECT "ApplicationId", "Keys" FROM indicator_counted_applications EXCEPT SELECT * FROM bench_counted_sql) c)
                 + (SELECT count(*) FROM (SELECT * FROM bench_counted_sql EXCEPT SELECT "ApplicationId", "Keys" FROM indicator_counted_applications) d)
            """, ct);
        foreach (var sql in new[] { "DROP TABLE bench_counts_sql, bench_counted_sql", "VACUUM (ANALYZE) indicator_counts, indicator_counted_applications" })
        {
            await using var drop = _db!.CreateCommand(sql);
            await drop.ExecuteNonQueryAsync(ct);
        }

        _rollups += $" MotCua's indicators-rebuild on the same data took {rebuild.TotalSeconds:0} s and gave {(differ == 0 ? "exactly the same rows" : $"{differ:N0} different rows")}.";
        Log.Step($"  rows that differ from the statement's: {differ:N0}");
        if (differ != 0)
        {
            throw new BenchException($"the set-based rollups differ from indicators-rebuild in {differ:N0} rows; see {_work}/rebuild.log");
        }
    }

    /// <summary>
    /// indicators, index766 and the officers' dashboard (HTML, cookie) for the demo province's admin on the root, and
    /// the dashboard for reception1 on its ward; each answer must be 200 and carry its marker.
    /// </summary>
    private async Task RunIndicatorsAsync(CancellationToken ct)
    {
        using var signIn = Driver.Client(2);
        var admin = await TokenAsync(signIn, IndicatorScenario.Admin, ct);
        var root = await IndicatorScenario.ScopeRootAsync(_db!, signIn, _base, admin, ct);
        Log.Step($"  the admin's province: unit {root}");
        var adminCookie = await IndicatorScenario.PageCookieAsync(_base, IndicatorScenario.Admin, Password, ct);
        var receptionCookie = await IndicatorScenario.PageCookieAsync(_base, "reception1", Password, ct);
        var year = DateTime.UtcNow.AddHours(7).Year;
        static Func<string, string?> Carries(string marker) => body => body.Contains(marker, StringComparison.Ordinal) ? null : $"no {marker} in the answer";
        HttpRequestMessage Page(string url, string cookie)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", cookie);
            return request;
        }

        Log.Step($"Scenario indicators (admin, unit {root}, period {year})");
        await Measure("indicators", 32, (_, _) => Authorized(HttpMethod.Get, $"/api/v1/indicators?unitId={root}&period={year}", admin), ct, Carries("\"online-service-rate\""));
        Log.Step("Scenario index766");
        await Measure("index766", 32, (_, _) => Authorized(HttpMethod.Get, $"/api/v1/index766?unitId={root}&period={year}", admin), ct, Carries("\"grade\""));
        Log.Step("Scenario dashboard (admin, /can-bo/chi-so on the province: every unit below and a 12-month trend)");
        await Measure("dashboard", 8, (_, _) => Page($"/can-bo/chi-so?unit={root}&period={year}", adminCookie), ct, Carries("indicator-units"));
        Log.Step("Scenario dashboard-ward (reception1, /can-bo/chi-so on its ward)");
        await Measure("dashboard-ward", 8, (_, _) => Page($"/can-bo/chi-so?unit={_data.AnPhuUnitId}&period={year}", receptionCookie), ct, Carries("trend-table"));
    }

    /// <summary>How many submissions the notification burst sends, as fast as 32 clients can.</summary>
    private const int BurstSize = 3000;

    /// <summary>
    /// notify: a burst of submissions with every channel on, then the time until no delivery is left (pending, leased or
    /// waiting for a retry). The bar: the backlog is back at zero within 10 s after the burst.
    /// </summary>
    private async Task NotifyBurstAsync(string[] citizens, string form, CancellationToken ct)
    {
        Log.Step($"Scenario notify ({BurstSize:N0} submissions at 32, then until every notification is delivered)");
        using var client = Driver.Client(32);
        client.BaseAddress = new Uri(_base);
        var next = -1;
        var errors = 0;
        var burst = Stopwatch.StartNew();
        await Parallel.ForAsync(0, 32, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (_, c) =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < BurstSize)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = new StringContent(form, Encoding.UTF8, "application/json") };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", citizens[n % SignedInCitizens]);
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                using var response = await client.SendAsync(request, c);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });
        burst.Stop();
        var drained = await WaitForEmptyBacklogAsync(TimeSpan.FromMinutes(5), ct);
        _notify = new NotifyBurst(BurstSize, burst.Elapsed, errors, drained.Backlog, drained.Elapsed, await CountAsync("""SELECT count(*) FROM outbox_deliveries WHERE "State" = 'Dead'""", ct));
        Log.Step($"  notify: {BurstSize / burst.Elapsed.TotalSeconds:0} submissions/s, {drained.Backlog:N0} deliveries waiting at the end of the burst, empty {drained.Elapsed.TotalSeconds:0.0} s later, {errors} errors");
    }

    private async Task<long> CountAsync(string sql, CancellationToken ct)
    {
        await using var command = _db!.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The backlog now, and how long until it is empty (polled every 100 ms).</summary>
    private async Task<(long Backlog, TimeSpan Elapsed)> WaitForEmptyBacklogAsync(TimeSpan timeout, CancellationToken ct)
    {
        const string backlog = """SELECT count(*) FROM outbox_deliveries WHERE "State" IN ('Pending', 'Leased', 'Failed')""";
        var start = await CountAsync(backlog, ct);
        var clock = Stopwatch.StartNew();
        while (await CountAsync(backlog, ct) > 0)
        {
            if (clock.Elapsed > timeout)
            {
                throw new BenchException($"the outbox still had deliveries waiting {timeout.TotalMinutes:0} minutes after the burst.");
            }

            await Task.Delay(100, ct);
        }

        return (start, clock.Elapsed);
    }

    private static readonly string[] Queries =
    [
        "dang ky khai sinh", "cap giay phep xay dung", "chung thuc ban sao", "dang ky ket hon", "ho kinh doanh",
        "xac nhan tinh trang hon nhan", "cap lai giay phep", "tro cap that nghiep", "dang ky bien dong dat dai", "giay chung nhan xuat xu hang hoa",
        "thanh lap doanh nghiep", "chung chi hanh nghe", "gia han giay phep", "dang ky khai tu", "ly lich tu phap",
        "ban le ruou", "kinh doanh duoc", "giay phep lao dong", "cong bo my pham", "le hoi",
    ];

    /// <summary>The curated queries, and 2 to 4 consecutive words of real procedure names as people type them (no marks).</summary>
    private static List<string> SearchQueries()
    {
        var queries = new List<string>(Queries);
        var names = SyntheticNames.RealProcedures();
        for (var i = 0; queries.Count < 200; i++)
        {
            var h = SyntheticNames.Hash((ulong)i + 4242);
            var words = MotCua.Web.Modules.Catalog.Domain.VietnameseText.Fold(names[(int)(h % (ulong)names.Count)].Name).Split(' ');
            var length = 2 + (int)(h / 7 % 3);
            var at = (int)(h / 31 % (ulong)Math.Max(1, words.Length - length + 1));
            var query = string.Join(' ', words.Skip(at).Take(length));
            if (query.Length > 3 && !queries.Contains(query))
            {
                queries.Add(query);
            }
        }

        return queries;
    }

    private static string Pick(List<string> codes, int worker, long n) =>
        codes[(int)(SyntheticNames.Hash(((ulong)worker << 40) ^ (ulong)n) % (ulong)codes.Count)];

    private static HttpRequestMessage Authorized(HttpMethod method, string url, string token)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>The Idempotency-Key of every ceiling submission, so they can be told apart and removed after the scenario.</summary>
    private const string CeilingKeyPrefix = "ceiling-";

    /// <summary>A scenario in alternating windows with its ceiling (<see cref="Paired"/>), MotCua's CPU counted over its own windows.</summary>
    private static readonly string[] IndicatorScenarios = ["indicators", "index766", "dashboard", "dashboard-ward"];

    private async Task MeasurePaired(string name, int concurrency, Driver.RequestFactory next, string ceilingName, Driver.RequestFactory ceiling,
        CancellationToken ct, Func<Task>? between = null, Func<string, string?>? check = null)
    {
        if (!options.Runs(name))
        {
            return;
        }

        using var appClient = Driver.Client(concurrency);
        appClient.BaseAddress = new Uri(_base);
        using var ceilingClient = Driver.Client(concurrency);
        ceilingClient.BaseAddress = new Uri(_ceilingUrl);
        var from = default(CpuSample);
        var (app, bench, machine) = (0.0, 0.0, 0.0);
        var served = new List<(string Route, double Requests, double MeanMs, double ServerErrors)>();
        IReadOnlyDictionary<string, MotCuaMeters.Point> metersFrom = new Dictionary<string, MotCuaMeters.Point>();
        var result = await Paired.RunAsync(name, ceilingName, concurrency, appClient, ceilingClient, next, ceiling, Warmup, TimeSpan.FromSeconds(options.WindowSeconds), options.Pairs,
            start =>
            {
                if (start && _profiler.Wants(name))
                {
                    _profiler.Start(name, _app!.Id, options.WindowSeconds, ct);
                }

                var now = CpuSample.Take(_app!.Id);
                var meters = _meters!.Snapshot();
                if (!start)
                {
                    (app, bench, machine) = (app + now.App - from.App, bench + now.Bench - from.Bench, machine + now.Machine - from.Machine);
                    served.AddRange(MotCuaMeters.Routes(metersFrom, meters));
                }

                from = now;
                metersFrom = meters;
                return Task.CompletedTask;
            }, between, check, ct);
        _cpu[name] = CpuSample.PerRequest(new CpuSample(0, 0, 0), new CpuSample(app, bench, machine), result.App.Requests);
        _served[name] = (result.App.Requests, [.. served.GroupBy(r => r.Route).Select(g => (g.Key, g.Sum(r => r.Requests), g.Sum(r => r.MeanMs * r.Requests) / Math.Max(1, g.Sum(r => r.Requests)), g.Sum(r => r.ServerErrors)))]);
        await _profiler.ReportAsync(name, ct);
        _scenarios.Add(result.App);
        _pairs[name] = result;
        _ceilings[ceilingName] = result.CeilingMerged;
        var m = result.App;
        Log.Step($"  {name}: {m.Throughput:0} req/s, p50 {m.Percentile(50):0.0} ms, p99 {m.Percentile(99):0.0} ms, {m.Errors} errors{(m.FirstError is null ? string.Empty : $" (first: {Shorten(m.FirstError)})")}; "
            + $"{ceilingName} {result.CeilingMerged.Throughput:0} req/s{(result.CeilingMerged.FirstError is { } e ? $" (first error: {Shorten(e)})" : string.Empty)}; ratio {result.Spread}");
    }

    /// <summary>
    /// The bare Kestrel + Npgsql app for the paired scenarios. One submission through MotCua first tells which
    /// consumers a submission's message gets (the ceiling writes the same deliveries).
    /// </summary>
    private async Task StartApiCeilingAsync(string citizen, string form, CancellationToken ct)
    {
        using var probe = Driver.Client(1);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_base + "/api/v1/applications")) { Content = new StringContent(form, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", citizen);
        using var response = await probe.SendAsync(request, ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"the probe submission failed: {(int)response.StatusCode} {answer}");
        }

        var code = JsonDocument.Parse(answer).RootElement.GetProperty("code").GetString()!;
        await using var cmd = _db!.CreateCommand("""
            SELECT COALESCE(string_agg(d."Consumer", ',' ORDER BY d."Consumer"), '')
            FROM outbox_messages m JOIN outbox_deliveries d ON d."MessageId" = m."Id"
            WHERE m."Type" = 'application.event.v1' AND m."Payload" LIKE '%"' || @code || '"%'
            """);
        cmd.Parameters.AddWithValue("code", code);
        var consumers = (string)(await cmd.ExecuteScalarAsync(ct))!;
        Log.Step($"Start the ceiling app (bare Kestrel + Npgsql); a submission's message goes to: {consumers}");
        var port = Net.FreePort();
        _apiCeiling = ChildProcess.Start("dotnet", [typeof(BenchRun).Assembly.Location, BareKestrel.Command, port.ToString(CultureInfo.InvariantCulture)], _work,
            new Dictionary<string, string>
            {
                ["DOTNET_gcServer"] = "1",
                [ApiCeiling.DatabaseVariable] = _cluster!.ConnectionString,
                [ApiCeiling.SubmitVariable] = $"{_data.AnPhuUnitId};{consumers}",
            }, Path.Combine(_work, "kestrel-api.log"));
        _ceilingUrl = $"http://127.0.0.1:{port}";
        await _apiCeiling.WaitHealthyAsync(_ceilingUrl + "/health", TimeSpan.FromSeconds(60), ct);
    }

    /// <summary>The ceiling's submissions leave the ward, so the receive scenario and the rest see MotCua's own data.</summary>
    private async Task RemoveCeilingSubmissionsAsync(CancellationToken ct)
    {
        await using var cmd = _db!.CreateCommand($"""
            CREATE TEMP TABLE ceiling_applications AS SELECT "ApplicationId" AS id FROM submission_keys WHERE "Key" LIKE '{CeilingKeyPrefix}%';
            DELETE FROM submission_keys WHERE "Key" LIKE '{CeilingKeyPrefix}%';
            DELETE FROM application_events WHERE "ApplicationId" IN (SELECT id FROM ceiling_applications);
            DELETE FROM applications WHERE "Id" IN (SELECT id FROM ceiling_applications);
            DROP TABLE ceiling_applications;
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<Measurement> Measure(string name, int concurrency, Driver.RequestFactory next, CancellationToken ct, Func<string, string?>? check = null)
    {
        if (!options.Runs(name))
        {
            return new Measurement(name, concurrency, 0, 0, 0, [], null);
        }

        using var client = Driver.Client(concurrency);
        client.BaseAddress = new Uri(_base);
        CpuSample? from = null;
        IReadOnlyDictionary<string, MotCuaMeters.Point>? metersFrom = null;
        var m = await Driver.RunAsync(name, client, concurrency, Warmup, Duration, next, ct, () =>
        {
            if (_profiler.Wants(name))
            {
                _profiler.Start(name, _app!.Id, Math.Min(options.DurationSeconds, 10), ct);
            }

            from = CpuSample.Take(_app!.Id);
            metersFrom = _meters!.Snapshot();
        }, check);
        if (metersFrom is not null)
        {
            _served[name] = (m.Requests, MotCuaMeters.Routes(metersFrom, _meters!.Snapshot()));
        }
        await _profiler.ReportAsync(name, ct);
        if (from is CpuSample start)
        {
            _cpu[name] = CpuSample.PerRequest(start, CpuSample.Take(_app!.Id), m.Requests);
        }

        _scenarios.Add(m);
        Log.Step($"  {name}: {m.Throughput:0} req/s, p50 {m.Percentile(50):0.0} ms, p99 {m.Percentile(99):0.0} ms, {m.Errors} errors{(m.FirstError is null ? string.Empty : $" (first: {Shorten(m.FirstError)})")}");
        return m;
    }

    private static string Shorten(string s) => s.Length > 300 ? s[..300] + "…" : s;

    private async Task<string> TokenAsync(HttpClient http, string user, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(new Uri(_base + "/api/v1/auth/token"), new { userName = user, password = Password }, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"sign-in of {user} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }

        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return doc.RootElement.GetProperty("accessToken").GetString()!;
    }

    private async Task<List<string>> CodesAsync(string sql, int limit, CancellationToken ct)
    {
        await using var cmd = _db!.CreateCommand(sql + $" LIMIT {limit}");
        cmd.Parameters.AddWithValue("path", _data.AnPhuPath);
        var codes = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            codes.Add(r.GetString(0));
        }

        if (codes.Count == 0 && !sql.Contains("'Submitted'", StringComparison.Ordinal))
        {
            throw new BenchException($"no application found for: {sql}");
        }

        return codes.OrderBy(c => SyntheticNames.Hash((ulong)c.GetHashCode(StringComparison.Ordinal))).ToList();
    }

    /// <summary>A filled-in e-form of 2.000986 (birth, residence and health insurance together), about 1 KB.</summary>
    public static string SubmitBody(int unitId) => JsonSerializer.Serialize(new
    {
        procedureCode = "2.000986",
        unitId,
        form = SubmitForm,
    }, Json);

    public static readonly object SubmitForm = new
    {
        hoTenTre = "Nguyễn Hoàng Minh Khang",
        ngaySinhTre = "2026-11-02",
        gioiTinhTre = "Nam",
        noiSinh = "Khoa Sản, Bệnh viện Đa khoa tỉnh An Bình, số 15 đường Nguyễn Trãi, tổ dân phố số 4, phường An Phú, tỉnh An Bình (sinh tại cơ sở y tế, có Giấy chứng sinh số 1523/GCS do Bệnh viện cấp ngày 03/11/2026)",
        hoTenMe = "Trần Thị Thu Hà",
        soDinhDanhMe = "001190012345",
        hoTenCha = "Nguyễn Hoàng Nam",
        soDinhDanhCha = "001089054321",
        noiDangKyThuongTru = "Số 27, ngõ 112 đường Trần Phú, tổ dân phố số 6, phường An Phú, tỉnh An Bình (cùng nơi thường trú của cha và mẹ, theo Cơ sở dữ liệu quốc gia về dân cư)",
        noiKhamChuaBenhBanDau = "Trạm Y tế phường An Phú, số 3 đường Hai Bà Trưng, phường An Phú, tỉnh An Bình",
        soDienThoai = "0912345678",
        email = "nguyenhoangnam.anphu@example.vn",
    };

    // ------------------------------------------------------------------ ipn

    /// <summary>
    /// ipn: the gateway's signed success notice (GET /api/v1/payments/vnpay/ipn), once per pending payment, at 16; any
    /// answer but RspCode "00" is an error. Then 500 of them sent again (each must answer "02"), and the database
    /// counted: every payment notified paid once, as many paid as "00" answers, one payment-confirmed event each.
    /// Seeded after the other scenarios, so their data stays as it was.
    /// </summary>
    private async Task RunIpnAsync(CancellationToken ct)
    {
        var seconds = options.WarmupSeconds + options.DurationSeconds;
        var (appCount, ceilingCount) = (IpnScenario.AppPerSecond * seconds, IpnScenario.CeilingPerSecond * seconds);
        Log.Step($"Seed {appCount + ceilingCount:N0} applications awaiting payment with a pending VNPay payment each ({appCount:N0} for MotCua, {ceilingCount:N0} for the ceiling)");
        var clock = Stopwatch.StartNew();
        var pool = _ipnPool = await IpnScenario.SeedAsync(_db!, appCount, ceilingCount, Seeder.AnPhuCode, ct);
        Log.Step($"  over {pool.Units} units, each with its collecting account ({clock.Elapsed.TotalSeconds:0} s); checkpoint");
        await using (var checkpoint = _db!.CreateCommand("CHECKPOINT"))
        {
            await checkpoint.ExecuteNonQueryAsync(ct);
        }

        var outboxBefore = await IpnScenario.LastOutboxIdAsync(_db!, ct);
        var (sent, confirmed) = (new long[1], new long[1]);
        Log.Step($"Scenario ipn (signed VNPay success notices, each payment once, at {IpnScenario.Concurrency})");
        var m = await Measure("ipn", IpnScenario.Concurrency, (_, _) =>
        {
            var i = Interlocked.Increment(ref sent[0]) - 1;
            if (i >= pool.AppCount)
            {
                Interlocked.Decrement(ref sent[0]);
                return null;
            }

            return new HttpRequestMessage(HttpMethod.Get, "/api/v1/payments/vnpay/ipn?" + IpnScenario.Notice(i));
        }, ct, body => CountConfirmed(body, confirmed));
        if (sent[0] >= pool.AppCount)
        {
            Log.Step($"  all {pool.AppCount:N0} payments were notified before the window ended: measured over {m.Seconds:0.0} s");
        }

        // Replays: the gateway sends a notice again when it did not read the answer; nothing may change.
        var replays = (int)Math.Min(IpnScenario.Replays, confirmed[0]);
        var replayed02 = 0;
        using (var client = Driver.Client(IpnScenario.Concurrency))
        {
            client.BaseAddress = new Uri(_base);
            await Parallel.ForAsync(0, replays, new ParallelOptions { MaxDegreeOfParallelism = IpnScenario.Concurrency, CancellationToken = ct }, async (i, c) =>
            {
                using var response = await client.GetAsync(new Uri("/api/v1/payments/vnpay/ipn?" + IpnScenario.Notice(i), UriKind.Relative), c);
                if (IpnScenario.AnswerCode(await response.Content.ReadAsStringAsync(c)) == "02")
                {
                    Interlocked.Increment(ref replayed02);
                }
            });
        }

        // Every notice has been answered (each in its own committed transaction): the rows counted now are final.
        var check = await IpnScenario.CheckAsync(_db!, pool, 0, pool.AppCount, sent[0], confirmed[0], outboxBefore, ct);
        var (spec, perNotice) = await IpnScenario.OutboxSpecAsync(_db!, outboxBefore, confirmed[0], ct);
        _ipnOutbox = spec;
        _ipn = new IpnResult(check, replays, replayed02, null);
        Log.Step($"  ipn database check: {check}; {replayed02}/{replays} replays answered 02; outbox per notice: {perNotice:0.00} messages ({spec})");
    }

    /// <summary>The notice check: "00" counts, any other answer is the error it names.</summary>
    private static string? CountConfirmed(string body, long[] confirmed)
    {
        var code = IpnScenario.AnswerCode(body);
        if (code == "00")
        {
            Interlocked.Increment(ref confirmed[0]);
            return null;
        }

        return $"answered {(code is null ? body : "RspCode " + code)}";
    }

    // ------------------------------------------------------------------ ceilings

    private async Task RunCeilingsAsync(CancellationToken ct)
    {
        Log.Step("Ceiling: pgbench, the submit transaction (application + event + outbox row, one transaction)");
        var scripts = await PgbenchScripts.WriteAsync(_db!, _work, _data, ct);
        _ceilings["pgbench-submit"] = await PgbenchAsync("pgbench-submit", scripts.Submit, ct);
        await PgbenchScripts.CleanUpAsync(_db!, ct);
        Log.Step("Ceiling: pgbench, point lookup by code (the tracking query)");
        _ceilings["pgbench-lookup"] = await PgbenchAsync("pgbench-lookup", scripts.Lookup, ct);

        if (_apiCeiling is not null)
        {
            Log.Step("Ceiling: bare Kestrel, plaintext");
            using var plain = Driver.Client(32);
            plain.BaseAddress = new Uri(_ceilingUrl);
            var m = await Driver.RunAsync("kestrel-plaintext", plain, 32, Warmup, Duration, (_, _) => new HttpRequestMessage(HttpMethod.Get, "/plaintext"), ct);
            _ceilings["kestrel-plaintext"] = m;
            Log.Step($"  kestrel-plaintext: {m.Throughput:0} req/s, p50 {m.Percentile(50):0.00} ms, p99 {m.Percentile(99):0.00} ms, {m.Errors} errors");
        }

        if (_ipnPool is null)
        {
            return;
        }

        var port = Net.FreePort();
        _kestrel = ChildProcess.Start("dotnet", [typeof(BenchRun).Assembly.Location, BareKestrel.Command, port.ToString(CultureInfo.InvariantCulture)], _work,
            new Dictionary<string, string>
            {
                ["DOTNET_gcServer"] = "1",
                [IpnCeiling.DatabaseVariable] = _cluster!.ConnectionString,
                [IpnCeiling.OutboxVariable] = _ipnOutbox,
            }, Path.Combine(_work, "kestrel.log"));
        var url = $"http://127.0.0.1:{port}";
        await _kestrel.WaitHealthyAsync(url + "/health", TimeSpan.FromSeconds(60), ct);
        await IpnCeilingAsync(url, ct);
        _kestrel.Dispose();
        _kestrel = null;
    }

    /// <summary>The ipn ceiling: the same notices to the ceiling's own payments, the same driver and concurrency, the same count afterwards.</summary>
    private async Task IpnCeilingAsync(string url, CancellationToken ct)
    {
        if (_ipnPool is not { } pool || _ipn is null)
        {
            return;
        }

        Log.Step("Ceiling: bare Kestrel + Npgsql, the VNPay notice (signature, then payment, application, event, outbox, receipt number in one transaction)");
        var outboxBefore = await IpnScenario.LastOutboxIdAsync(_db!, ct);
        var (sent, confirmed) = (new long[1], new long[1]);
        using var client = Driver.Client(IpnScenario.Concurrency);
        client.BaseAddress = new Uri(url);
        var m = await Driver.RunAsync("kestrel-ipn", client, IpnScenario.Concurrency, Warmup, Duration, (_, _) =>
        {
            var i = Interlocked.Increment(ref sent[0]) - 1;
            if (i >= pool.CeilingCount)
            {
                Interlocked.Decrement(ref sent[0]);
                return null;
            }

            return new HttpRequestMessage(HttpMethod.Get, "/ipn?" + IpnScenario.Notice(pool.AppCount + i));
        }, ct, check: body => CountConfirmed(body, confirmed));
        _ceilings["kestrel-ipn"] = m;
        var check = await IpnScenario.CheckAsync(_db!, pool, pool.AppCount, pool.CeilingCount, sent[0], confirmed[0], outboxBefore, ct);
        _ipn = _ipn with { Ceiling = check };
        Log.Step($"  kestrel-ipn: {m.Throughput:0} req/s, p50 {m.Percentile(50):0.00} ms, p99 {m.Percentile(99):0.00} ms, {m.Errors} errors{(m.FirstError is null ? string.Empty : $" (first: {Shorten(m.FirstError)})")}; database check: {check}");
        if (sent[0] >= pool.CeilingCount)
        {
            Log.Step($"  all {pool.CeilingCount:N0} ceiling payments were notified before the window ended: measured over {m.Seconds:0.0} s");
        }
    }

    private async Task<Measurement> PgbenchAsync(string name, string script, CancellationToken ct)
    {
        var prefix = Path.Combine(_work, name);
        var output = await Shell.RunAsync("pgbench", ["-n", "-M", "prepared", "-c", "8", "-j", "2", "-T", "10", "-f", script,
            "-h", "127.0.0.1", "-p", _cluster!.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "--log", $"--log-prefix={prefix}", Cluster.Database], ct);
        var latencies = new List<double>();
        foreach (var file in Directory.GetFiles(_work, Path.GetFileName(prefix) + ".*"))
        {
            foreach (var line in File.ReadLines(file))
            {
                var parts = line.Split(' ');
                if (parts.Length >= 3 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var us))
                {
                    latencies.Add(us / 1000.0);
                }
            }
        }

        var failed = output.Split('\n').FirstOrDefault(l => l.Contains("number of failed transactions", StringComparison.Ordinal));
        var errors = failed is null ? 0 : long.Parse(new string(failed.Split(':')[1].Trim().TakeWhile(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        var tps = output.Split('\n').FirstOrDefault(l => l.StartsWith("tps = ", StringComparison.Ordinal));
        var seconds = tps is null || sorted.Length == 0 ? 10.0 : sorted.Length / double.Parse(tps.Split(' ')[2], CultureInfo.InvariantCulture);
        var m = new Measurement(name, 8, seconds, sorted.Length, errors, sorted, null);
        Log.Step($"  {name}: {m.Throughput:0} tps, p50 {m.Percentile(50):0.00} ms, p99 {m.Percentile(99):0.00} ms");
        return m;
    }

    public async ValueTask DisposeAsync()
    {
        if (options.Keep)
        {
            Log.Step($"--keep: MotCua {_base} (pid {_app?.Id}), PostgreSQL in {_pgDir} ({_cluster?.ConnectionString}), logs in {_work}.");
            Log.Step($"         stop with: kill {_app?.Id}; bash scripts/pg-cluster.sh stop {_pgDir}");
            return;
        }

        _kestrel?.Dispose();
        _second?.Dispose();
        _apiCeiling?.Dispose();
        _app?.Dispose();
        if (_meters is not null)
        {
            await _meters.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        if (_clusterStarted)
        {
            await Cluster.StopAsync(_pgDir);
        }

        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
