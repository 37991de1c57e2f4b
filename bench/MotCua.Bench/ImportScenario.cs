using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace MotCua.Bench;

/// <summary>
/// The import, as a province switching systems runs it: one JSON Lines file of the former system's applications sent
/// to POST /api/v1/imports/applications by the province admin, generated as it is sent (the bench never holds the
/// file). MotCua's resident memory is sampled every 250 ms against the lines sent so far; the indicators then count
/// the imported batches, timed until the outbox is empty.
/// </summary>
internal sealed record ImportResult(long Lines, TimeSpan Took, long Imported, long Skipped, long Refused, string? FirstProblem,
    long RssStart, long RssFirstHalfMax, long RssSecondHalfMax, long RssEnd, TimeSpan Counted, double CeilingPerSecond)
{
    /// <summary>Flat: the second half of the file does not take MotCua above the first half's peak by more than this.</summary>
    public const long Growth = 64L * 1024 * 1024;

    public double PerSecond => Lines / Math.Max(0.001, Took.TotalSeconds);

    /// <summary>
    /// Flatness is judged on a long file only. Over the default 20,000 lines (about 12 s) the resident size is still
    /// growing into the server GC's budgets (+60–90 MB measured, with or without a warm-up file), which says nothing
    /// about a province's file; over 1,000,000 lines it stayed within 20 MB from the 600,000th line on.
    /// </summary>
    public const long FlatFrom = 500_000;

    /// <summary>Below <see cref="FlatFrom"/> lines: under the app's memory bar instead.</summary>
    public const long Ceiling = 1024L * 1024 * 1024;

    public bool MemoryFlat => RssSecondHalfMax <= RssFirstHalfMax + Growth;

    public bool Passed => Imported == Lines && Refused == 0 && Skipped == 0 && (Lines >= FlatFrom ? MemoryFlat : Math.Max(RssFirstHalfMax, RssSecondHalfMax) < Ceiling);

    public string BarText =>
        $"every line imported: {Imported:N0} of {Lines:N0}, {Refused} refused; "
        + (Lines >= FlatFrom ? "memory flat" : $"memory under 1 GB (flat is judged from {FlatFrom:N0} lines: --import-lines 1000000)")
        + $": resident {Mb(RssStart)} before, peak {Mb(RssFirstHalfMax)} in the first half of the file, "
        + $"{Mb(RssSecondHalfMax)} in the second, {Mb(RssEnd)} after{(Lines >= FlatFrom ? $" (at most +{Mb(Growth)})" : string.Empty)}; indicators counted them {Counted.TotalSeconds:0} s after the answer";

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024:0} MB";
}

internal static class ImportScenario
{
    public const string CodePrefix = "NHAP-";

    /// <summary>
    /// The pairs the lines cycle through: procedures as the catalog holds them, each at a unit that handles it, in the
    /// demo province (MotCua seeded it itself, so its catalog copy knows them; the bench's provinces, written past it,
    /// reach the copy only at its next refresh).
    /// </summary>
    public static async Task<List<(string Procedure, string Unit)>> PairsAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT p."Code", u."Code" FROM procedure_units pu JOIN procedures p ON p."Id" = pu."ProcedureId" JOIN units u ON u."Id" = pu."UnitId"
            WHERE u."Code" LIKE '%.H99' ORDER BY p."Id", u."Id" LIMIT 500
            """);
        var pairs = new List<(string, string)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            pairs.Add((r.GetString(0), r.GetString(1)));
        }

        return pairs.Count > 0 ? pairs : throw new BenchException("no procedure is handled by any unit: nothing to import against");
    }

    public static async Task<ImportResult> RunAsync(Uri baseUrl, string adminToken, ChildProcess app, long lines, List<(string Procedure, string Unit)> pairs,
        double ceilingPerSecond, Func<Task> drain, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false }) { Timeout = TimeSpan.FromHours(2), BaseAddress = baseUrl };

        // A warm-up file first, as every other scenario has its warm-up: the import's code is compiled and its working
        // memory taken before the measured file starts (its lines have codes of their own, after the measured ones).
        var warmUp = Math.Min(5_000, Math.Max(1_000, lines / 4));
        using (var warm = await SendAsync(http, adminToken, new LinesContent(warmUp, pairs, first: lines), ct))
        {
            if (warm.StatusCode != HttpStatusCode.OK)
            {
                throw new BenchException($"the warm-up import answered {(int)warm.StatusCode}: {await warm.Content.ReadAsStringAsync(ct)}");
            }
        }

        await drain();
        var content = new LinesContent(lines, pairs);
        var (start, firstHalf, secondHalf) = (app.ResidentBytes() ?? 0, 0L, 0L);
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                var rss = app.ResidentBytes() ?? 0;
                if (Interlocked.Read(ref content.Written) < lines / 2)
                {
                    firstHalf = Math.Max(firstHalf, rss);
                }
                else
                {
                    secondHalf = Math.Max(secondHalf, rss);
                }

                try
                {
                    await Task.Delay(250, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        using var response = await SendAsync(http, adminToken, content, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var took = clock.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchException($"the import answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 600)]}");
        }

        using var summary = JsonDocument.Parse(body);
        var root = summary.RootElement;
        var errors = root.GetProperty("errors");
        var first = errors.GetArrayLength() > 0 ? errors[0].GetProperty("message").GetString() : null;
        var end = app.ResidentBytes() ?? 0;
        var counting = Stopwatch.StartNew();
        await drain();
        return new ImportResult(lines, took, root.GetProperty("imported").GetInt64(), root.GetProperty("skipped").GetInt64(), root.GetProperty("refused").GetInt64(), first,
            start, firstHalf, secondHalf, end, counting.Elapsed, ceilingPerSecond);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string adminToken, LinesContent content, CancellationToken ct)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/applications") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        return await http.SendAsync(request, ct);
    }

    /// <summary>
    /// The file, written as it is sent (chunked): applications of 2024 and 2025 returned at the counter or online,
    /// some rejected and some late, each with its fee and three history lines, in the shape of ADR 0022.
    /// </summary>
    private sealed class LinesContent(long lines, List<(string Procedure, string Unit)> pairs, long first = 0) : HttpContent
    {
        private static readonly string[] Officers = ["Nguyễn Thị Hoà", "Trần Văn Phúc", "Lê Thị Ngọc Ánh", "Phạm Quốc Việt"];
        private static readonly string[] Applicants = ["Nguyễn Văn Bình", "Trần Thị Thanh Thuỷ", "Hoàng Minh Đức", "Vũ Thị Hương Giang", "Đặng Quang Huy"];

        public long Written;

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            for (long i = 0; i < lines; i++)
            {
                await writer.WriteAsync(Line(first + i));
                await writer.WriteAsync('\n');
                Interlocked.Increment(ref Written);
            }

            await writer.FlushAsync();
        }

        private string Line(long i)
        {
            var h = SyntheticNames.Hash((ulong)i ^ 0x1A2B3C);
            var (procedure, unit) = pairs[(int)(h % (ulong)pairs.Count)];
            var vn = TimeSpan.FromHours(7);
            // Spread over 2024 and 2025, from 2 January 2024 to early December 2025.
            var submitted = new DateTimeOffset(2024, 1, 2, 8, 0, 0, vn).AddMinutes((long)(h / 7 % (700UL * 24 * 60)));
            var received = submitted.AddMinutes(30 + (int)(h / 11 % 240));
            var due = received.AddDays(3 + (int)(h / 13 % 12));
            var late = h / 17 % 10 == 0;
            var finished = late ? due.AddDays(1 + (int)(h / 19 % 5)) : received.AddDays(1 + (int)(h / 19 % 3)).AddHours(2);
            var rejected = h / 23 % 25 == 0;
            var returned = finished.AddDays(1);
            var online = h / 29 % 3 != 0;
            var officer = Officers[(int)(h / 31 % (ulong)Officers.Length)];
            static string T(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            var line = new Dictionary<string, object?>
            {
                ["code"] = $"{CodePrefix}{i:D9}",
                ["procedureCode"] = procedure,
                ["unitCode"] = unit,
                ["channel"] = online ? "OnlineRemote" : "Counter",
                ["status"] = rejected ? "Rejected" : "Returned",
                ["submittedAt"] = T(submitted),
                ["receivedAt"] = T(received),
                ["dueAt"] = T(due),
                ["finishedAt"] = T(finished),
                ["returnedAt"] = rejected ? null : T(returned),
                ["returnChannel"] = rejected ? null : online ? "Online" : "Counter",
                ["inputsDigitized"] = online || h / 37 % 2 == 0,
                ["feeAmount"] = h / 41 % 3 == 0 ? 50_000 : 0,
                ["paidOnline"] = h / 41 % 3 == 0 && online,
                ["applicantName"] = Applicants[(int)(h / 43 % (ulong)Applicants.Length)],
                ["events"] = new object[]
                {
                    new { at = T(received), action = "receive", actor = "Bộ phận Một cửa", status = "InProgress" },
                    new { at = T(finished), action = rejected ? "Từ chối trên hệ thống cũ" : "Ký duyệt trên hệ thống cũ", actor = officer, status = rejected ? "Rejected" : "ResultReady" },
                    rejected
                        ? new { at = T(finished), action = "Thông báo từ chối", actor = "Bộ phận Một cửa", status = "Rejected" }
                        : new { at = T(returned), action = "return-result", actor = "Bộ phận Một cửa", status = "Returned" },
                },
            };
            return JsonSerializer.Serialize(line, Json);
        }

        private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    }
}
