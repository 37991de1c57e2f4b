using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Common;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Simulators.NationalData;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.National;

/// <summary>
/// National data instead of paper, through the real adapter against the simulated data-sharing platform: for a
/// verified applicant, what the national list (as the province admin keeps it) says a database supplies is not asked
/// for, and the application records what was taken; a record that names someone else, or a platform that is down, is
/// said to the officer and the document asked for as usual.
/// </summary>
public abstract class NationalDataTests(MotCuaApp app)
{
    private const string Ward = "000.01.00.H99";
    private const string IdentityCard = "Thẻ căn cước hoặc giấy tờ tùy thân có ảnh của người yêu cầu (xuất trình)";

    private NationalDataSimulator Platform => app.NationalPortal.Data;

    private static string NewNationalCode() => "G22.99-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    private async Task<JsonElement> FromPortalAsync(string name, string identityNumber, bool verified, bool withBirthCertificate = true)
    {
        var body = JsonSerializer.Serialize(new
        {
            nationalCode = NewNationalCode(),
            procedureCode = Birth,
            unitCode = Ward,
            applicant = new { name, identityNumber, phone = "0912000001", identityVerified = verified },
            form = BirthForm("Nguyễn Hải Đăng"),
            documents = withBirthCertificate ? new object[] { new { name = BirthCertificate, fileName = "chung-sinh.pdf", content = Convert.ToBase64String(Pdf) } } : [],
        });
        using var client = app.CreateClient();
        using var response = await app.NationalPortal.Simulator.HandOverAsync(client, string.Empty, body);
        var made = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, made.ToString());
        return await (await app.ApiClientFor("reception1")).GetJsonAsync($"/api/v1/applications/{made.GetProperty("code").GetString()}");
    }

    [Fact]
    public async Task A_verified_applicant_is_not_asked_for_what_the_population_database_supplies_and_the_application_records_it()
    {
        var view = await FromPortalAsync("Nguyễn Văn An", "001090000001", verified: true);
        var used = Assert.Single(view.GetProperty("nationalData").EnumerateArray());
        Assert.Equal((IdentityCard, "Population", true), (used.GetProperty("documentName").GetString(), used.GetProperty("kind").GetString(), used.GetProperty("used").GetBoolean()));
        Assert.Equal("Cơ sở dữ liệu quốc gia về dân cư", used.GetProperty("nationalDatabase").GetString());
        Assert.Contains("Nguyễn Văn An, số định danh 001090000001, sinh 15/03/1990", used.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.False(view.GetProperty("missingDocuments").GetBoolean());

        // The national portal hears that the document came from national data.
        var code = view.GetProperty("code").GetString()!;
        var pushes = await OutboxTests.EventuallyAsync(() => Task.FromResult(app.NationalPortal.Simulator.Received(code) is { Count: >= 1 } r ? r : null), 15);
        using var push = JsonDocument.Parse(pushes[^1].Body);
        Assert.Contains(push.RootElement.GetProperty("documents").EnumerateArray(), d => d.GetProperty("name").GetString() == IdentityCard && d.GetProperty("fromNationalData").GetBoolean());

        // The officer's page says what was taken, from where.
        using var pages = app.Pages();
        await pages.SignInAsync("reception1");
        var (_, html) = await pages.GetAsync($"/can-bo/ho-so/{code}");
        html = WebUtility.HtmlDecode(html);
        Assert.Contains("Thông tin lấy từ cơ sở dữ liệu quốc gia", html, StringComparison.Ordinal);
        Assert.Contains("người nộp không phải nộp; đã lấy từ Cơ sở dữ liệu quốc gia về dân cư (Bộ Công an)", html, StringComparison.Ordinal);
    }

    /// <summary>Until every counter update waiting in the outbox is made: figures read after it do not move under the test.</summary>
    private async Task DrainedAsync() =>
        await OutboxTests.EventuallyAsync(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Common.Persistence.MotCuaDbContext>();
            return await db.Set<MotCua.Web.Common.Outbox.OutboxDelivery>().AnyAsync(d => d.Consumer == MotCua.Web.Modules.Indicators.Rollups.IndicatorConsumer.ConsumerName
                && d.State != MotCua.Web.Common.Outbox.DeliveryState.Delivered) ? null : (bool?)true;
        }, seconds: 30);

    [Fact]
    public async Task The_766_line_for_the_population_database_counts_received_applications_that_used_it()
    {
        var today = NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date;
        var (from, until) = (today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            today.PlusDays(15).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var reception = await app.ApiClientFor("reception1");
        var ward = (await reception.GetJsonAsync("/api/v1/me")).GetProperty("unitId").GetInt32();
        async Task<(long N, long D)> LineAsync()
        {
            var sheet = await reception.GetJsonAsync($"/api/v1/index766?unitId={ward}&from={from}&to={until}");
            var line = sheet.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("indicators").EnumerateArray())
                .Single(i => i.GetProperty("id").GetString() == "population-database");
            Assert.True(line.GetProperty("measured").GetBoolean());
            return (line.GetProperty("numerator").GetInt64(), line.GetProperty("denominator").GetInt64());
        }

        await DrainedAsync();
        var before = await LineAsync();
        var used = await FromPortalAsync("Nguyễn Văn An", "001090000001", verified: true);
        var plain = await FromPortalAsync("Nguyễn Văn An", "001090000001", verified: false);
        foreach (var code in new[] { used.GetProperty("code").GetString()!, plain.GetProperty("code").GetString()! })
        {
            await ActOkAsync(reception, code, new { action = "receive" });
        }

        await DrainedAsync();
        Assert.Equal((before.N + 1, before.D + 2), await LineAsync());
    }

    [Fact]
    public async Task Nothing_is_taken_for_an_unverified_applicant_a_record_of_someone_else_or_a_platform_that_is_down()
    {
        var unverified = await FromPortalAsync("Nguyễn Văn An", "001090000001", verified: false);
        Assert.Equal(0, unverified.GetProperty("nationalData").GetArrayLength());

        var someoneElse = Assert.Single((await FromPortalAsync("Phạm Thị Khác", "001085000777", verified: true)).GetProperty("nationalData").EnumerateArray());
        Assert.False(someoneElse.GetProperty("used").GetBoolean());
        Assert.Contains("mang tên “Lê Văn Cường”, không khớp với người nộp", someoneElse.GetProperty("problem").GetString(), StringComparison.Ordinal);

        var unknown = Assert.Single((await FromPortalAsync("Đỗ Văn Mới", "001099999999", verified: true)).GetProperty("nationalData").EnumerateArray());
        Assert.Contains("không có thông tin của số 001099999999", unknown.GetProperty("problem").GetString(), StringComparison.Ordinal);

        Platform.FailNext(1);
        var down = Assert.Single((await FromPortalAsync("Nguyễn Văn An", "001090000001", verified: true)).GetProperty("nationalData").EnumerateArray());
        Assert.False(down.GetProperty("used").GetBoolean());
        Assert.StartsWith("Chưa kết nối được nền tảng chia sẻ dữ liệu", down.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_province_admin_keeps_the_list_and_a_line_added_applies_to_the_next_application()
    {
        using var admin = app.Pages();
        await admin.SignInAsync("admin");
        const string Page = "/quan-tri/du-lieu-quoc-gia";
        var (status, list) = await admin.GetAsync(Page + "?q=1.001193");
        Assert.Equal(HttpStatusCode.OK, status);
        list = WebUtility.HtmlDecode(list);
        Assert.Contains("Căn cước", list, StringComparison.Ordinal);
        Assert.Contains("Cơ sở dữ liệu quốc gia về dân cư", list, StringComparison.Ordinal);
        var (_, everything) = await admin.GetAsync(Page);
        Assert.Contains("741 dòng", WebUtility.HtmlDecode(everything), StringComparison.Ordinal);

        // A mistake in every field: each said, nothing saved.
        using (var wrong = await admin.SubmitAsync(Page, new Dictionary<string, string> { ["ProcedureCode"] = " ", ["DocumentReplaced"] = "", ["NationalDatabase"] = "" }, Page + "?handler=Save"))
        {
            var html = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
            Assert.Contains("Nhập mã thủ tục", html, StringComparison.Ordinal);
            Assert.Contains("Nhập tên giấy tờ không phải nộp", html, StringComparison.Ordinal);
            Assert.Contains("Nhập cơ sở dữ liệu cung cấp", html, StringComparison.Ordinal);
        }

        // The birth certificate, from the electronic civil-status database: a verified applicant no longer uploads it.
        using (var added = await admin.SubmitAsync(Page, new Dictionary<string, string>
        {
            ["ProcedureCode"] = Birth, ["DocumentReplaced"] = "Giấy chứng sinh", ["NationalDatabase"] = "Cơ sở dữ liệu hộ tịch điện tử", ["DatabaseOwner"] = "Bộ Tư pháp",
        }, Page + "?handler=Save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        try
        {
            var view = await FromPortalAsync("Nguyễn Văn An", "001090000001", verified: true, withBirthCertificate: false);
            var taken = view.GetProperty("nationalData").EnumerateArray().Where(d => d.GetProperty("used").GetBoolean()).Select(d => d.GetProperty("documentName").GetString()).ToList();
            Assert.Contains(BirthCertificate, taken);
            Assert.False(view.GetProperty("missingDocuments").GetBoolean());
            Assert.Equal(0, view.GetProperty("documents").GetArrayLength());
        }
        finally
        {
            // The line added last has the largest id among the procedure's.
            var (_, after) = await admin.GetAsync(Page + "?q=" + Birth);
            var id = System.Text.RegularExpressions.Regex.Matches(after, "name=\"id\" value=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Max()
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var removed = await admin.SubmitAsync(Page, new Dictionary<string, string> { ["id"] = id }, Page + "?handler=Remove");
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        var withoutIt = await FromPortalAsync("Nguyễn Văn An", "001090000001", verified: true, withBirthCertificate: false);
        Assert.True(withoutIt.GetProperty("missingDocuments").GetBoolean());
        var audit = await (await app.ApiClientFor("admin")).GetJsonAsync("/api/v1/admin/audit?action=catalog.national-data");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "catalog.national-data.add");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "catalog.national-data.remove");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NationalDataOnSqlite(SqliteApp app) : NationalDataTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NationalDataOnPostgres(PostgresApp app) : NationalDataTests(app);
