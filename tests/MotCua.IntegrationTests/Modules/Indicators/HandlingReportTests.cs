using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using MotCua.IntegrationTests.Common;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Indicators;
using MotCua.Web.Modules.Indicators.Rollups;
using NodaTime;
using UglyToad.PdfPig;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Indicators;

/// <summary>
/// The handling report (form 06a style) from the counters: three applications moved through their statuses, then
/// placed in March 2031 (a month no other test touches) as if they had happened then, and counted again; the report
/// of that month gains exactly what they add.
/// </summary>
public abstract class HandlingReportTests(MotCuaApp app)
{
    private const string March = "from=2031-03-01&to=2031-03-31";

    private static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    private static Instant At(int month, int day) => new LocalDateTime(2031, month, day, 10, 0).InZoneStrictly(Vietnam).ToInstant();

    private async Task DrainedAsync() =>
        await OutboxTests.EventuallyAsync(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            return await db.Set<OutboxDelivery>().AnyAsync(d => d.Consumer == IndicatorConsumer.ConsumerName && d.State != DeliveryState.Delivered) ? null : (bool?)true;
        }, seconds: 30);

    private Task<string> DeskAsync() => SubmitAtDeskAsync(app, "Counter", "Báo Cáo Quầy");

    /// <summary>The application's moments as if it had been received, due and closed on those days; then counted again.</summary>
    private async Task MoveAsync(string code, Instant received, Instant due, Instant? finished = null, (ApplicationStatus Status, Instant At)? closed = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var id = await db.Set<Application>().Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
        await db.Set<Application>().Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ReceivedAt, (Instant?)received).SetProperty(a => a.DueAt, (Instant?)due));
        if (finished is Instant f)
        {
            // Judged as MotCua judges it on those days (finished before the due day: early), not on the real ones the
            // approval had: around midnight in Vietnam the real reception and approval fall on the same day.
            var timeliness = f.InZone(Vietnam).Date < due.InZone(Vietnam).Date ? MotCua.Web.Modules.Calendar.Public.Timeliness.Early : MotCua.Web.Modules.Calendar.Public.Timeliness.OnTime;
            await db.Set<Application>().Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.FinishedAt, (Instant?)f)
                .SetProperty(a => a.Timeliness, (MotCua.Web.Modules.Calendar.Public.Timeliness?)timeliness));
        }

        if (closed is { } c)
        {
            await db.Set<ApplicationEvent>().Where(e => e.ApplicationId == id && e.ToStatus == c.Status).ExecuteUpdateAsync(s => s.SetProperty(e => e.At, c.At));
        }

        await scope.ServiceProvider.GetRequiredService<IndicatorRollup>().CountAsync(code, CancellationToken.None);
    }

    private static long[] Numbers(JsonElement line) =>
    [
        .. new[] { "received", "resolved", "pending" }.SelectMany(group => line.GetProperty(group).EnumerateObject().Select(p => p.Value.GetInt64())),
    ];

    private static JsonElement? Field(JsonElement report, string field) =>
        report.GetProperty("fields").EnumerateArray().Where(f => f.GetProperty("field").GetString() == field).Cast<JsonElement?>().FirstOrDefault();

    [Fact]
    public async Task Handling_report_carries_over_counts_resolved_early_and_pending_overdue_and_leaves_out_the_withdrawn()
    {
        var ward = await WardIdAsync(app);
        var reception = await app.ApiClientFor("reception1");
        var specialist = await app.ApiClientFor("specialist1");
        var leader = await app.ApiClientFor("leader1");
        var citizen = await app.ApiClientFor("citizen1");
        await DrainedAsync();
        var before = await reception.GetJsonAsync($"/api/v1/indicators/handling?unitId={ward}&{March}");
        var was = Field(before, "Hộ tịch") is { } line ? Numbers(line) : new long[12];

        // X: received at the desk in February, finished early on 4 March.
        var x = await DeskAsync();
        await ActOkAsync(specialist, x, new { action = "forward" });
        using (var result = await AttachAsync(leader, x, "Giấy khai sinh (bản điện tử)", Pdf, "giay-khai-sinh.pdf", "Result"))
        {
            Assert.Equal(HttpStatusCode.Created, result.StatusCode);
        }

        await ActOkAsync(leader, x, new { action = "approve" });

        // Y: received at the desk on 3 March, due on the 10th, still open at the end of the month.
        var y = await DeskAsync();

        // Z: filed online, received on 4 March and withdrawn on the 6th.
        var z = await SubmitBirthAsync(app, citizen, "Báo Cáo Rút");
        await ActOkAsync(reception, z, new { action = "receive" });
        await ActOkAsync(citizen, z, new { action = "withdraw", reason = "Tôi nộp nhầm" });
        await ActOkAsync(reception, z, new { action = "confirm-withdrawal" });
        await DrainedAsync();

        await MoveAsync(x, At(2, 26), At(3, 5), finished: At(3, 4));
        await MoveAsync(y, At(3, 3), At(3, 10));
        await MoveAsync(z, At(3, 4), At(3, 20), closed: (ApplicationStatus.Withdrawn, At(3, 6)));
        await DrainedAsync();

        var after = await reception.GetJsonAsync($"/api/v1/indicators/handling?unitId={ward}&{March}");
        Assert.Equal(ward, after.GetProperty("unitId").GetInt32());
        Assert.Equal("2031-03-01", after.GetProperty("from").GetString());
        Assert.Equal("2031-03-31", after.GetProperty("to").GetString());
        var now = Numbers(Field(after, "Hộ tịch")!.Value);
        var gain = now.Zip(was, (a, b) => a - b).ToArray();
        // received: total, carried over, online, counter, postal | resolved: total, early, on time, late | pending: total, within time, overdue
        Assert.Equal([3, 1, 1, 1, 0, 1, 1, 0, 0, 1, 0, 1], gain);
        Assert.Equal(Numbers(after.GetProperty("total")), after.GetProperty("fields").EnumerateArray().Select(Numbers)
            .Aggregate(new long[12], (sum, n) => [.. sum.Zip(n, (a, b) => a + b)]));

        // On 8 March Y is still within time; from the 11th it is overdue.
        var eighth = await reception.GetJsonAsync($"/api/v1/indicators/handling?unitId={ward}&from=2031-03-01&to=2031-03-08");
        var pendingEighth = Field(eighth, "Hộ tịch")!.Value.GetProperty("pending");
        var pendingEnd = Field(after, "Hộ tịch")!.Value.GetProperty("pending");
        Assert.Equal(pendingEnd.GetProperty("overdue").GetInt64() - 1, pendingEighth.GetProperty("overdue").GetInt64());

        // The workbook holds the same numbers.
        using (var excel = await reception.GetAsync(new Uri($"/api/v1/indicators/handling.xlsx?unitId={ward}&{March}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
            using var stream = new MemoryStream(await excel.Content.ReadAsByteArrayAsync());
            var rows = stream.Query(useHeaderRow: false, sheetName: HandlingDocuments.SheetName).Cast<IDictionary<string, object?>>().ToList();
            var row = rows.Single(r => (r["B"] as string) == "Hộ tịch");
            Assert.Equal(now, "CDEFGHIJKLMN".Select(c => Convert.ToInt64(row[c.ToString()], CultureInfo.InvariantCulture)).ToArray());
            Assert.Contains(rows, r => (r["C"] as string) == HandlingDocuments.ReceivedHeading);
        }

        // The PDF says it in Vietnamese, diacritics and all.
        using (var response = await reception.GetAsync(new Uri($"/api/v1/indicators/handling.pdf?unitId={ward}&{March}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
            var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            foreach (var heading in new[]
            {
                "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết",
                "Kỳ báo cáo: từ ngày 01/03/2031 đến ngày 31/03/2031", "UBND PHƯỜNG AN PHÚ", "Hộ tịch", "Tổng số", "Ngày lập:",
            })
            {
                Assert.Contains(heading, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Handling_report_explains_bad_periods_and_shows_only_the_callers_units()
    {
        var ward = await WardIdAsync(app);
        var reception = await app.ApiClientFor("reception1");
        using (var bad = await reception.GetAsync(new Uri($"/api/v1/indicators/handling?unitId={ward}&period=2031-13", UriKind.Relative)))
        {
            Assert.True((await bad.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("period", out _));
        }

        using (var backwards = await reception.GetAsync(new Uri($"/api/v1/indicators/handling.pdf?unitId={ward}&from=2031-03-31&to=2031-03-01", UriKind.Relative)))
        {
            Assert.True((await backwards.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("to", out _));
        }

        using (var citizen = await (await app.ApiClientFor("citizen1")).GetAsync(new Uri($"/api/v1/indicators/handling.xlsx?unitId={ward}", UriKind.Relative)))
        {
            await citizen.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        using var scope = app.Services.CreateScope();
        var province = (await scope.ServiceProvider.GetRequiredService<MotCua.Web.Modules.Catalog.Public.CatalogDirectory>().RootAsync(CancellationToken.None))!;
        using (var above = await reception.GetAsync(new Uri($"/api/v1/indicators/handling?unitId={province.Id}", UriKind.Relative)))
        {
            await above.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        // A named period is its days; the province admin sees the whole province by default.
        var quarter = await reception.GetJsonAsync($"/api/v1/indicators/handling?unitId={ward}&period=2031-Q1");
        Assert.Equal(("2031-01-01", "2031-03-31"), (quarter.GetProperty("from").GetString(), quarter.GetProperty("to").GetString()));
        var admin = await (await app.ApiClientFor("admin")).GetJsonAsync("/api/v1/indicators/handling?period=2031-03");
        Assert.Equal(province.Id, admin.GetProperty("unitId").GetInt32());
    }

    private static async Task<JsonElement> DoneAsync(HttpClient client, string location) =>
        await OutboxTests.EventuallyAsync<JsonElement>(async () =>
        {
            var job = await client.GetJsonAsync(location);
            Assert.NotEqual("Failed", job.GetProperty("state").GetString());
            return job.GetProperty("state").GetString() == "Done" ? job : default;
        }, seconds: 30);

    [Fact]
    public async Task Handling_export_runs_in_the_background_to_done_and_only_its_requester_sees_it()
    {
        var ward = await WardIdAsync(app);
        var reception = await app.ApiClientFor("reception1");
        var report = await reception.GetJsonAsync($"/api/v1/indicators/handling?unitId={ward}&{March}");

        using var created = await reception.PostAsJsonAsync("/api/v1/exports", new { kind = "handling", format = "xlsx", unitId = ward, from = "2031-03-01", to = "2031-03-31" });
        var body = await created.ReadJsonAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Accepted, body.ToString());
        var location = created.Headers.Location!.ToString();
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/exports/{id}", location);
        Assert.Contains(body.GetProperty("state").GetString(), new[] { "Queued", "Running", "Done" });

        var done = await DoneAsync(reception, location);
        Assert.Equal(100, done.GetProperty("progress").GetInt32());
        var downloadUrl = done.GetProperty("downloadUrl").GetString()!;
        using (var file = await reception.GetAsync(new Uri(downloadUrl, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(IndicatorExcel.ContentType, file.Content.Headers.ContentType?.MediaType);
            using var stream = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
            var total = stream.Query(useHeaderRow: false, sheetName: HandlingDocuments.SheetName).Cast<IDictionary<string, object?>>()
                .Single(r => (r["B"] as string) == HandlingReport.TotalRow);
            Assert.Equal(Numbers(report.GetProperty("total")), "CDEFGHIJKLMN".Select(c => Convert.ToInt64(total[c.ToString()], CultureInfo.InvariantCulture)).ToArray());
        }

        // Another officer of the same ward sees neither the job nor its file; the province admin sees both.
        var specialist = await app.ApiClientFor("specialist1");
        using (var other = await specialist.GetAsync(new Uri(location, UriKind.Relative)))
        {
            await other.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using (var otherFile = await specialist.GetAsync(new Uri(downloadUrl, UriKind.Relative)))
        {
            await otherFile.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal("Done", (await (await app.ApiClientFor("admin")).GetJsonAsync(location)).GetProperty("state").GetString());

        // The same from the report's page: a PDF asked for there opens the job's page, which offers the file once done.
        using var officer = app.Pages();
        await officer.SignInAsync("reception1");
        using (var posted = await officer.SubmitAsync($"/can-bo/bao-cao-giai-quyet?unit={ward}&{March}",
            new Dictionary<string, string> { ["unit"] = ward.ToString(CultureInfo.InvariantCulture), ["from"] = "2031-03-01", ["to"] = "2031-03-31", ["format"] = "pdf" },
            $"/can-bo/bao-cao-giai-quyet?handler=Export"))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var page = posted.Headers.Location!.ToString();
            Assert.StartsWith("/can-bo/xuat-bao-cao/", page, StringComparison.Ordinal);
            var pdfJob = await DoneAsync(reception, "/api/v1/exports/" + page["/can-bo/xuat-bao-cao/".Length..]);
            Assert.Equal("pdf", pdfJob.GetProperty("format").GetString());
            var (status, html) = await officer.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, status);
            html = WebUtility.HtmlDecode(html);
            Assert.Contains("Đã xong", html, StringComparison.Ordinal);
            Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
            using (var file = await officer.Http.GetAsync(new Uri(page + "?handler=File", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
                Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
            }

            using var stranger = app.Pages();
            await stranger.SignInAsync("specialist1");
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(page)).Status);
        }

        // A job waiting for its turn says so, and its page reloads itself.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            var jobId = Guid.Parse(id);
            await db.Set<MotCua.Web.Modules.Indicators.Exports.ExportJob>().Where(j => j.Id == jobId)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, MotCua.Web.Modules.Indicators.Exports.ExportState.Running).SetProperty(j => j.Progress, 60));
        }

        using (var waiting = app.Pages())
        {
            await waiting.SignInAsync("reception1");
            var (_, html) = await waiting.GetAsync($"/can-bo/xuat-bao-cao/{id}");
            Assert.Contains("http-equiv=\"refresh\" content=\"2\"", html, StringComparison.Ordinal);
            Assert.Contains("value=\"60\"", html, StringComparison.Ordinal);
        }

        // Bad requests name their fields.
        using (var bad = await reception.PostAsJsonAsync("/api/v1/exports", new { kind = "tat-ca", format = "docx", unitId = ward }))
        {
            var errors = (await bad.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("kind", out _));
            Assert.True(errors.TryGetProperty("format", out _));
        }

        using (var backwards = await reception.PostAsJsonAsync("/api/v1/exports", new { kind = "handling", format = "pdf", unitId = ward, from = "2031-03-31", to = "2031-03-01" }))
        {
            Assert.True((await backwards.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("to", out _));
        }
    }

    [Fact]
    public async Task Handling_export_is_made_once_when_several_workers_reach_for_it_at_the_same_time()
    {
        var ward = await WardIdAsync(app);
        var jobId = Guid.NewGuid();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            var requester = await db.Set<MotCua.Web.Modules.Identity.Accounts.AppUser>().Where(u => u.UserName == "reception1").Select(u => u.Id).SingleAsync();
            db.Add(new MotCua.Web.Modules.Indicators.Exports.ExportJob
            {
                Id = jobId, Kind = "handling", Format = "pdf", Parameters = $$"""{"unitId":{{ward}},"from":"2031-03-01","to":"2031-03-31"}""",
                RequestedBy = requester, State = MotCua.Web.Modules.Indicators.Exports.ExportState.Queued, CreatedAt = SystemClock.Instance.GetCurrentInstant(),
            });
            await db.SaveChangesAsync();
        }

        // Four workers (and this node's own) race for the queued jobs; each job is claimed, tried and made once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var scope = app.Services.CreateScope();
            var exports = scope.ServiceProvider.GetRequiredService<MotCua.Web.Modules.Indicators.Exports.ExportJobs>();
            while (await exports.RunNextAsync(CancellationToken.None))
            {
            }
        }));

        var job = await OutboxTests.EventuallyAsync(async () =>
        {
            using var scope = app.Services.CreateScope();
            var found = await scope.ServiceProvider.GetRequiredService<MotCuaDbContext>().Set<MotCua.Web.Modules.Indicators.Exports.ExportJob>().AsNoTracking().SingleAsync(j => j.Id == jobId);
            return found.State == MotCua.Web.Modules.Indicators.Exports.ExportState.Done ? found : null;
        });
        Assert.Equal(1, job.Attempts);
        Assert.Equal(100, job.Progress);
        Assert.NotNull(job.StorageKey);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HandlingReportOnSqlite(SqliteApp app) : HandlingReportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HandlingReportOnPostgres(PostgresApp app) : HandlingReportTests(app);
