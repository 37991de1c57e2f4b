using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Common;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Indicators.Rollups;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Applications;

/// <summary>
/// The import of the former system's applications (POST /api/v1/imports/applications, JSON Lines): good lines come in,
/// bad ones are named by line, a file sent again changes nothing, nobody is told, and the indicators count them as if
/// they had been handled here.
/// </summary>
public abstract class ImportTests(MotCuaApp app)
{
    private const string Ward = "000.01.00.H99";

    private static string NewCode() => "NHAP-" + Guid.NewGuid().ToString("N");

    private static object Line(string code, string channel = "Counter", string status = "Returned", string submitted = "2024-05-13T08:30:00+07:00",
        string? received = "2024-05-13T09:00:00+07:00", string? due = "2024-05-17T17:00:00+07:00", string? finished = "2024-05-15T10:00:00+07:00",
        string? returned = "2024-05-16T09:00:00+07:00", string? returnChannel = "Counter", bool digitized = false, long fee = 0, bool paidOnline = false,
        string procedureCode = Birth, string unitCode = Ward) => new
        {
            code, procedureCode, unitCode, channel, status, submittedAt = submitted, receivedAt = received, dueAt = due, finishedAt = finished,
            returnedAt = returned, returnChannel, inputsDigitized = digitized, feeAmount = fee, paidOnline,
            events = new object[]
            {
                new { at = received ?? submitted, action = "receive", actor = "Nguyễn Thị Cũ", status = "InProgress" },
                new { at = finished ?? submitted, action = "Ký duyệt trên hệ thống cũ", actor = "Trần Văn Lãnh Đạo" },
            },
        };

    private static StringContent File(params object[] lines) => File(string.Join('\n', lines.Select(l => l as string ?? JsonSerializer.Serialize(l))));

    private static StringContent File(string text)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }

    private async Task<JsonElement> ImportAsync(HttpContent file)
    {
        using var response = await (await app.ApiClientFor("admin")).PostAsync(new Uri("/api/v1/imports/applications", UriKind.Relative), file);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body;
    }

    private async Task DrainedAsync() =>
        await OutboxTests.EventuallyAsync(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            return await db.Set<OutboxDelivery>().AnyAsync(d => d.Consumer == IndicatorConsumer.ConsumerName && d.State != DeliveryState.Delivered) ? null : (bool?)true;
        }, seconds: 30);

    [Fact]
    public async Task Good_lines_come_in_bad_lines_are_named_by_number_and_the_same_file_again_changes_nothing()
    {
        var (a, b, c, d) = (NewCode(), NewCode(), NewCode(), NewCode());
        using var file = File(
            Line(a),
            Line(b, channel: "OnlineRemote", status: "InProgress", finished: null, returned: null, returnChannel: null),
            "{\"code\": \"hỏng",
            Line(NewCode(), procedureCode: "9.999999"),
            "",
            Line(NewCode(), unitCode: "KHONG.CO.H99"),
            Line(NewCode(), received: "2024-05-13T08:00:00+07:00"),
            Line(NewCode(), fee: -1000),
            Line(NewCode(), returnChannel: null),
            Line(NewCode(), channel: "Fax", status: "Done"),
            Line(a),
            Line(c, status: "Rejected", returned: null, returnChannel: null),
            Line(d, channel: "Postal", status: "Withdrawn", received: null, due: null, finished: null, returned: null, returnChannel: null));
        var text = await file.ReadAsStringAsync();
        var first = await ImportAsync(File(text));
        Assert.Equal(4, first.GetProperty("imported").GetInt64());
        Assert.Equal(0, first.GetProperty("skipped").GetInt64());
        var errors = first.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("line").GetInt64(), e => e.GetProperty("message").GetString()!);
        Assert.Equal([3L, 4, 6, 7, 8, 9, 10, 11], errors.Keys.Order());
        Assert.Contains("JSON", errors[3], StringComparison.Ordinal);
        Assert.StartsWith("procedureCode: không có thủ tục mã “9.999999”", errors[4], StringComparison.Ordinal);
        Assert.StartsWith("unitCode: không có đơn vị mã “KHONG.CO.H99”", errors[6], StringComparison.Ordinal);
        Assert.StartsWith("receivedAt: thời điểm tiếp nhận trước thời điểm nộp", errors[7], StringComparison.Ordinal);
        Assert.StartsWith("feeAmount:", errors[8], StringComparison.Ordinal);
        Assert.StartsWith("returnChannel: thiếu", errors[9], StringComparison.Ordinal);
        Assert.Contains("channel:", errors[10], StringComparison.Ordinal);
        Assert.Contains("status:", errors[10], StringComparison.Ordinal);
        Assert.StartsWith($"code: mã hồ sơ “{a}” đã có ở một dòng trước", errors[11], StringComparison.Ordinal);

        // Sent again: every good line is skipped, the same lines are refused, nothing is added.
        var again = await ImportAsync(File(text));
        Assert.Equal(0, again.GetProperty("imported").GetInt64());
        Assert.Equal(4, again.GetProperty("skipped").GetInt64());
        Assert.Equal(errors.Keys.Order(), again.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt64()).Order());

        // They look like applications filed here: the officers of the ward read them with their history, the public
        // tracking finds them, the one still open waits at a step of the workflow.
        var reception = await app.ApiClientFor("reception1");
        var returned = await reception.GetJsonAsync($"/api/v1/applications/{a}");
        Assert.Equal("Returned", returned.GetProperty("status").GetString());
        Assert.Contains("Trần Văn Lãnh Đạo", returned.ToString(), StringComparison.Ordinal);
        var open = await reception.GetJsonAsync($"/api/v1/applications/{b}");
        Assert.Equal("InProgress", open.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Object, (await app.CreateClient().GetJsonAsync($"/api/v1/tracking/{c}")).ValueKind);
        foreach (var code in new[] { a, b, c })
        {
            foreach (var kind in new[] { "receipt", "processing-control" })
            {
                using var slip = await reception.GetAsync(new Uri($"/api/v1/applications/{code}/slips/{kind}", UriKind.Relative));
                Assert.True(slip.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{kind} of {code}: {slip.StatusCode}");
            }
        }

        var ward = await WardIdAsync(app);
        foreach (var format in new[] { "pdf", "xlsx" })
        {
            using var book = await reception.GetAsync(new Uri($"/api/v1/units/{ward}/tracking-book?from=2024-05-01&to=2024-05-31&format={format}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, book.StatusCode);
        }

        using (var pages = app.Pages())
        {
            await pages.SignInAsync("reception1");
            foreach (var code in new[] { a, b, c, d })
            {
                Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/can-bo/ho-so/{code}")).Status);
            }

            Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/tra-cuu?code={a}")).Status);
        }

        // Nobody is told: the only messages about them go to the statistics.
        await DrainedAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var consumers = await db.Set<OutboxDelivery>()
            .Where(x => db.Set<OutboxMessage>().Any(m => m.Id == x.MessageId && m.Payload.Contains(a)))
            .Select(x => x.Consumer).ToListAsync();
        Assert.Equal([IndicatorConsumer.ConsumerName], consumers);
    }

    [Fact]
    public async Task Imported_applications_count_in_the_indicators_of_their_unit_and_period_as_if_handled_here()
    {
        var ward = await WardIdAsync(app);
        var officer = await app.ApiClientFor("reception1");
        const string Period = "from=2024-05-01&to=2024-05-31";
        async Task<Dictionary<string, (long N, long D)>> IndicatorsAsync() =>
            (await officer.GetJsonAsync($"/api/v1/indicators?unitId={ward}&{Period}")).EnumerateArray().ToDictionary(
                i => i.GetProperty("id").GetString()!, i => (i.GetProperty("numerator").GetInt64(), i.GetProperty("denominator").GetInt64()));

        await DrainedAsync();
        var before = await IndicatorsAsync();

        // A: online, early, returned online. B: at the desk, digitized, late, a fee paid online, returned at the desk.
        // C: by post, in progress, a fee not paid online, nothing digitized.
        var summary = await ImportAsync(File(
            Line(NewCode(), channel: "OnlineRemote", returnChannel: "Online"),
            Line(NewCode(), digitized: true, fee: 20_000, paidOnline: true, due: "2024-05-14T17:00:00+07:00"),
            Line(NewCode(), channel: "Postal", status: "InProgress", fee: 10_000, finished: null, returned: null, returnChannel: null)));
        Assert.Equal(3, summary.GetProperty("imported").GetInt64());
        await DrainedAsync();
        var after = await IndicatorsAsync();
        (long N, long D) Gain(string id) => (after[id].N - before[id].N, after[id].D - before[id].D);

        Assert.Equal((1, 3), Gain("online-application-rate"));   // A of A, B, C
        Assert.Equal((1, 3), Gain("postal-rate"));               // C
        Assert.Equal((1, 2), Gain("on-time-rate"));              // A of the finished A, B
        Assert.Equal((1, 2), Gain("online-payment-rate"));       // B of B, C
        Assert.Equal((2, 3), Gain("digitization-rate"));         // A online, B scanned
        Assert.Equal((1, 2), Gain("online-processing-rate"));    // A of the returned A, B

        // A recount from the applications gives what the messages counted.
        using var scope = app.Services.CreateScope();
        var recount = await scope.ServiceProvider.GetRequiredService<IndicatorRollup>().RecountAsync(null, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var may = await db.Set<MotCua.Web.Modules.Indicators.Data.IndicatorCount>().AsNoTracking()
            .Where(x => x.UnitId == ward && x.Day >= 20240501 && x.Day <= 20240531 && x.Count != 0).ToListAsync();
        Assert.Equal(
            recount.Where(r => r.Key.UnitId == ward && r.Key.Day is >= 20240501 and <= 20240531 && r.Value != 0).ToDictionary(r => r.Key.ToString(), r => r.Value),
            may.ToDictionary(x => $"{x.UnitId}|{x.Day}|{x.ProcedureCode}|{x.Measure}", x => x.Count));
    }

    [Fact]
    public async Task Only_the_province_admin_imports_and_the_file_must_be_json_lines()
    {
        using (var anonymous = await app.CreateClient().PostAsync(new Uri("/api/v1/imports/applications", UriKind.Relative), File(Line(NewCode()))))
        {
            await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        foreach (var user in new[] { "reception1", "citizen1" })
        {
            using var forbidden = await (await app.ApiClientFor(user)).PostAsync(new Uri("/api/v1/imports/applications", UriKind.Relative), File(Line(NewCode())));
            await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        using var xml = new StringContent("<hoso/>", Encoding.UTF8, "application/xml");
        using (var wrong = await (await app.ApiClientFor("admin")).PostAsync(new Uri("/api/v1/imports/applications", UriKind.Relative), xml))
        {
            await wrong.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        }

        // text/plain and application/jsonl are JSON Lines too.
        foreach (var type in new[] { "text/plain", "application/jsonl" })
        {
            var content = File(Line(NewCode()));
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            Assert.Equal(1, (await ImportAsync(content)).GetProperty("imported").GetInt64());
        }
    }

    [Fact]
    public async Task The_admin_page_imports_an_uploaded_file_and_shows_each_refused_line()
    {
        using var pages = app.Pages();
        await pages.SignInAsync("admin");
        var (status, html) = await pages.GetAsync("/quan-tri/nhap-ho-so");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);

        var file = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Line(NewCode())) + "\n" + JsonSerializer.Serialize(Line(NewCode(), fee: -5)) + "\n");
        using (var response = await pages.SubmitWithFileAsync("/quan-tri/nhap-ho-so", new Dictionary<string, string>(), "file", "ho-so.jsonl", file, "application/octet-stream"))
        {
            var page = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Kết quả nhập", page, StringComparison.Ordinal);
            Assert.Matches(@"<dt>Đã nhập</dt><dd>1</dd>", page);
            Assert.Contains("feeAmount: số tiền phí, lệ phí không được âm.", page, StringComparison.Ordinal);
        }

        using (var empty = await pages.SubmitWithFileAsync("/quan-tri/nhap-ho-so", new Dictionary<string, string>(), "file", "rong.jsonl", [], "application/octet-stream"))
        {
            Assert.Contains("Tệp đã chọn không có nội dung", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var none = await pages.SubmitAsync("/quan-tri/nhap-ho-so", new Dictionary<string, string>()))
        {
            Assert.Contains("Chọn tệp hồ sơ (.jsonl) để nhập.", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // In English, each problem of a line is in English too.
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/quan-tri/nhap-ho-so?culture=en")).Status);
        var mistakes = JsonSerializer.Serialize(Line(NewCode(), fee: -5, channel: "Fax")) + "\n" + JsonSerializer.Serialize(Line(NewCode(), received: "2024-05-13T09:00:00"));
        using (var english = await pages.SubmitWithFileAsync("/quan-tri/nhap-ho-so", new Dictionary<string, string>(), "file", "ho-so.jsonl", Encoding.UTF8.GetBytes(mistakes), "application/octet-stream"))
        {
            var page = await english.Content.ReadAsStringAsync();
            Assert.Contains("channel: the channel “Fax” is not valid; use OnlineRemote, OnlineAssisted, Counter or Postal. feeAmount: the amount of fees and charges must not be negative.", page, StringComparison.Ordinal);
            Assert.Contains("receivedAt: the moment of reception “2024-05-13T09:00:00” is not ISO 8601 with an offset", page, StringComparison.Ordinal);
        }

        using var officer = app.Pages();
        await officer.SignInAsync("reception1");
        Assert.NotEqual(HttpStatusCode.OK, (await officer.GetAsync("/quan-tri/nhap-ho-so")).Status);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImportOnSqlite(SqliteApp app) : ImportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ImportOnPostgres(PostgresApp app) : ImportTests(app);
