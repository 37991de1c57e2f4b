using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Npgsql;

namespace MotCua.Bench;

/// <summary>
/// The indicator rollups after the bulk load, and what the indicator scenarios need. The seeder writes applications by
/// COPY, past the outbox, so nothing has counted them: the counters are filled here by one set-based statement that
/// gives exactly what <c>Measures.Of</c> gives each application (the same rules, the day in Vietnam as yyyyMMdd), with
/// the per-application keys <c>IndicatorRollup</c> diffs against when one of them changes later (receive, ipn).
/// </summary>
internal static partial class IndicatorScenario
{
    public const string Admin = "admin";

    /// <summary>Every key each application adds, as Measures.Of makes them (ApplicationFigures reads the same columns).</summary>
    private const string Keys = """
        CREATE UNLOGGED TABLE bench_indicator_keys AS
        WITH f AS (
          SELECT a."Id", a."UnitId" AS unit, a."ProcedureCode" AS proc, a."Channel" AS channel,
                 a."ReceivedAt" AS received, a."FinishedAt" AS finished, a."Timeliness" AS timeliness,
                 a."ReturnedAt" AS returned, a."ReturnMethod" AS how, a."AmountDue" > 0 AS fee, a."DueAt" AS due,
                 a."Channel" IN ('OnlineRemote', 'OnlineAssisted') AS online,
                 CASE WHEN a."Channel" IN ('OnlineRemote', 'OnlineAssisted') THEN true
                      ELSE COALESCE((SELECT count(*) > 0 AND count(*) = count(*) FILTER (WHERE d."Digitized")
                                     FROM application_documents d WHERE d."ApplicationId" = a."Id" AND d."Kind" = 'Input'), false) END AS digitized,
                 a."ReturnedAt" IS NOT NULL AND EXISTS (SELECT 1 FROM application_documents d WHERE d."ApplicationId" = a."Id" AND d."Kind" = 'Result') AS electronic,
                 COALESCE(a."FinishedAt", CASE WHEN a."Status" IN ('Returned', 'NotAccepted', 'Rejected', 'Withdrawn') THEN
                   (SELECT max(e."At") FROM application_events e WHERE e."ApplicationId" = a."Id" AND e."FromStatus" <> e."ToStatus"
                      AND e."ToStatus" IN ('Withdrawn', 'NotAccepted', 'Rejected')) END) AS closed,
                 a."AmountDue" > 0 AND EXISTS (SELECT 1 FROM payments p WHERE p."ApplicationId" = a."Id" AND p."Method" = 'Online'
                   AND p."Status" IN ('Paid', 'Refunded')) AS paid
          FROM applications a WHERE a."ReceivedAt" IS NOT NULL),
        d AS (
          SELECT f.*, (received AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS rday, (finished AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS fday,
                 (returned AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS tday, (closed AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS cday,
                 (due AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 1 AS oday
          FROM f)
        SELECT k."Id" AS id, k.unit, to_char(k.day, 'YYYYMMDD')::int AS day, k.proc, k.measure
        FROM d CROSS JOIN LATERAL (VALUES
            (rday, 'received', true),
            (rday, CASE channel WHEN 'OnlineRemote' THEN 'received.remote' WHEN 'OnlineAssisted' THEN 'received.assisted'
                                WHEN 'Postal' THEN 'received.postal' ELSE 'received.counter' END, true),
            (rday, 'received.digitized', digitized),
            (cday, 'closed', cday IS NOT NULL),
            (oday, 'overdue-from', oday IS NOT NULL AND (cday IS NULL OR cday >= oday)),
            (GREATEST(oday, cday), 'overdue-from.closed', oday IS NOT NULL AND cday IS NOT NULL AND cday >= oday),
            (rday, 'received.with-fee', fee),
            (rday, 'received.paid-online', fee AND paid),
            (fday, 'finished', fday IS NOT NULL AND timeliness IS NOT NULL),
            (fday, CASE timeliness WHEN 'Early' THEN 'finished.early' WHEN 'OnTime' THEN 'finished.on-time' ELSE 'finished.late' END,
                   fday IS NOT NULL AND timeliness IS NOT NULL),
            (tday, 'returned', tday IS NOT NULL AND how IS NOT NULL),
            (tday, CASE how WHEN 'Online' THEN 'returned.online' WHEN 'Post' THEN 'returned.postal' ELSE 'returned.counter' END,
                   tday IS NOT NULL AND how IS NOT NULL),
            (tday, 'returned.full-online', tday IS NOT NULL AND how = 'Online' AND online),
            (tday, 'returned.from-online', tday IS NOT NULL AND how IS NOT NULL AND online),
            (tday, 'returned.electronic', tday IS NOT NULL AND how IS NOT NULL AND electronic),
            (tday, 'returned.electronic.from-online', tday IS NOT NULL AND how IS NOT NULL AND electronic AND online)
          ) AS k0(day, measure, present)
        CROSS JOIN LATERAL (SELECT d."Id", d.unit, d.proc, k0.day, k0.measure) k
        WHERE k0.present
        """;

    /// <summary>
    /// Fills indicator_counts and indicator_counted_applications from the applications, as <c>indicators-rebuild</c>
    /// would (it throws both away first, too).
    /// </summary>
    public static async Task<(long Counters, long Applications)> FillRollupsAsync(NpgsqlDataSource db, long applications, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);

        // Filled without its indexes (they are built once afterwards, as the seeder does for the applications).
        var (drop, rebuild) = (new List<string>(), new List<string>());
        await using (var cmd = new NpgsqlCommand("""
            SELECT 'ALTER TABLE indicator_counts DROP CONSTRAINT "' || conname || '"', 'ALTER TABLE indicator_counts ADD CONSTRAINT "' || conname || '" ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE conrelid = 'indicator_counts'::regclass AND contype = 'p'
            UNION ALL
            SELECT 'DROP INDEX "' || i.indexname || '"', i.indexdef FROM pg_indexes i
            WHERE i.schemaname = 'public' AND i.tablename = 'indicator_counts' AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)
            """, c))
        await using (var definitions = await cmd.ExecuteReaderAsync(ct))
        {
            while (await definitions.ReadAsync(ct))
            {
                drop.Add(definitions.GetString(0));
                rebuild.Add(definitions.GetString(1));
            }
        }

        // Each step's statements are independent of one another and run two at a time (the machine's cores): INSERT …
        // SELECT gets no parallel plan of its own. The keys are an unlogged table, not a temporary one, so that both
        // connections read them.
        string[][] steps =
        [
            ["DELETE FROM indicator_counts", "DELETE FROM indicator_counted_applications"],
            [.. drop],
            ["DROP TABLE IF EXISTS bench_indicator_keys"],
            [Keys],
            [
                """
                INSERT INTO indicator_counts ("UnitId", "Day", "ProcedureCode", "Measure", "Count")
                SELECT unit, day, proc, measure, count(*) FROM bench_indicator_keys GROUP BY unit, day, proc, measure
                """,
                // Measures.Write: "unit|day|procedure|measure" lines in ordinal order.
                """
                INSERT INTO indicator_counted_applications ("ApplicationId", "Keys", "Version")
                SELECT id, string_agg(line, E'\n' ORDER BY line COLLATE "C"), gen_random_uuid()
                FROM (SELECT id, unit || '|' || day || '|' || proc || '|' || measure AS line FROM bench_indicator_keys) l GROUP BY id
                """,
            ],
            ["DROP TABLE bench_indicator_keys"],
        ];

        // The month and year rows beside the days, as MotCua makes them (it runs with calendar months here): the first
        // statement clears them, the others each read only the day rows.
        var grains = MotCua.Web.Modules.Indicators.Domain.Grains.RebuildSql(cutOffDay: null);
        steps = [.. steps, [grains[0]], [.. grains.Skip(1)], [.. rebuild], ["VACUUM (ANALYZE) indicator_counts", "VACUUM (ANALYZE) indicator_counted_applications"]];
        // Two statements at once save a third of the time at 1 M. At 10 M the two big GROUP BYs' sorts at once spill
        // more temporary files than a 250 GB disk holding the 35 GB cluster has room for (No space left on device,
        // 2026-12-04), so there they run one after the other.
        var parallel = applications > 2_000_000 ? 1 : 2;
        foreach (var step in steps)
        {
            await Parallel.ForEachAsync(step, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (sql, token) =>
            {
                await using var own = await db.OpenConnectionAsync(token);
                await using var settings = new NpgsqlCommand("SET work_mem = '256MB'; SET maintenance_work_mem = '1GB'", own);
                await settings.ExecuteNonQueryAsync(token);
                await using var cmd = new NpgsqlCommand(sql, own) { CommandTimeout = 0 };
                await cmd.ExecuteNonQueryAsync(token);
            });
        }

        await using var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM indicator_counts), (SELECT count(*) FROM indicator_counted_applications)", c);
        await using var r = await count.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (r.GetInt64(0), r.GetInt64(1));
    }

    /// <summary>
    /// The province the admin sees: MotCua takes the first root of its unit tree by path, and the bench's provinces come
    /// before the demo one, so once its catalog copy is reloaded after the seed (within a minute) that is the synthetic
    /// 2-level province (13 departments, 99 communes). Waits until MotCua answers for it.
    /// </summary>
    public static async Task<int> ScopeRootAsync(NpgsqlDataSource db, HttpClient http, string baseUrl, string token, CancellationToken ct)
    {
        await using (var cmd = db.CreateCommand("""SELECT "Id" FROM units WHERE "ParentId" IS NULL ORDER BY "Path" COLLATE "C" LIMIT 1"""))
        {
            var root = (int)(await cmd.ExecuteScalarAsync(ct))!;
            var clock = Stopwatch.StartNew();
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl + "/api/v1/index766"));
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (response.IsSuccessStatusCode && System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("unitId").GetInt32() == root)
                {
                    return root;
                }

                if (clock.Elapsed > TimeSpan.FromMinutes(3))
                {
                    throw new BenchException($"the admin's scope did not become unit {root}: GET /api/v1/index766 answers {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
                }

                await Task.Delay(1000, ct);
            }
        }
    }

    /// <summary>Signs in through the page (/dang-nhap with its antiforgery token) and gives the cookie header to send.</summary>
    public static async Task<string> PageCookieAsync(string baseUrl, string user, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = new Uri(baseUrl) };
        var page = await http.GetStringAsync(new Uri("/dang-nhap", UriKind.Relative), ct);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new BenchException("no antiforgery token on /dang-nhap");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await http.PostAsync(new Uri("/dang-nhap", UriKind.Relative), form, ct);
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
        {
            throw new BenchException($"page sign-in of {user} answered {(int)response.StatusCode}");
        }

        return cookies.GetCookieHeader(new Uri(baseUrl));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>The time <c>dotnet MotCua.Web.dll indicators-rebuild</c> takes on this database (the production path after a bulk load).</summary>
    public static async Task<TimeSpan> RebuildWithAppAsync(string dll, string connectionString, string log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var process = ChildProcess.Start("dotnet", [dll, "indicators-rebuild"], Path.GetDirectoryName(dll)!, new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = connectionString,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        }, log);
        await process.WaitForExitAsync(ct);
        return clock.Elapsed;
    }
}
