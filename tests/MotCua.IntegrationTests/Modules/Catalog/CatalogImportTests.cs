using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.IntegrationTests.Modules.Applications;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Catalog.Versions;

namespace MotCua.IntegrationTests.Modules.Catalog;

/// <summary>The province admin loads a catalog file (a dry run first), and every change becomes a version from its date.</summary>
public abstract class CatalogImportTests(MotCuaApp app)
{
    public static string SampleFile => Path.Combine(AppContext.BaseDirectory, "Modules", "Catalog", "Exchange", "Samples", "catalog-sample.json");

    private static JsonObject Sample() => JsonNode.Parse(File.ReadAllText(SampleFile))!.AsObject();

    /// <summary>The sample's procedure with the given code, under a new code of its own so tests never meet.</summary>
    private static JsonObject Procedure(string sampleCode, out string code)
    {
        var procedure = Sample()["procedures"]!.AsArray().Single(p => (string)p!["code"]! == sampleCode)!.DeepClone().AsObject();
        code = $"T-{Guid.NewGuid():N}"[..20];
        procedure["code"] = code;
        procedure["nationalCode"] = null;
        return procedure;
    }

    private static JsonObject FileOf(params JsonObject[] procedures) =>
        new() { ["format"] = "motcua.catalog.v1", ["procedures"] = new JsonArray(procedures.Select(p => (JsonNode)p).ToArray()) };

    private static async Task<JsonElement> ImportAsync(HttpClient admin, JsonNode file, bool dryRun)
    {
        using var response = await admin.PostAsync(new Uri($"/api/v1/admin/catalog/imports?dryRun={(dryRun ? "true" : "false")}", UriKind.Relative),
            new StringContent(file.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return body;
    }

    private static string[] Codes(JsonElement report, string list) =>
        report.GetProperty(list).EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToArray();

    [Fact]
    public async Task The_sample_export_is_listed_by_a_dry_run_then_loaded_and_found_by_citizens()
    {
        var admin = await app.ApiClientFor("admin");
        var anyone = app.CreateClient();
        var sample = Sample();
        var codes = sample["procedures"]!.AsArray().Select(p => (string)p!["code"]!).ToArray();

        var dry = await ImportAsync(admin, sample, dryRun: true);
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(codes.Order(), Codes(dry, "added").Order());
        Assert.Empty(Codes(dry, "refused"));
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(new Uri($"/api/v1/procedures/{codes[0]}", UriKind.Relative))).StatusCode);

        var done = await ImportAsync(admin, sample, dryRun: false);
        Assert.Equal(codes.Order(), Codes(done, "added").Order());
        var copy = await anyone.GetJsonAsync("/api/v1/procedures/2.000908");
        Assert.Equal("Cấp bản sao từ sổ gốc", copy.GetProperty("name").GetString());
        var found = await anyone.GetJsonAsync($"/api/v1/procedures?q={Uri.EscapeDataString("khai sinh luu dong")}");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), p => p.GetProperty("code").GetString() == "1.003583");

        // The same file again changes nothing; the audit names who loaded what.
        var again = await ImportAsync(admin, sample, dryRun: false);
        Assert.Empty(Codes(again, "added"));
        Assert.Empty(Codes(again, "changed"));
        Assert.Equal(codes.Length, again.GetProperty("unchanged").GetInt32());
        var audit = await admin.GetJsonAsync("/api/v1/admin/audit?actor=admin");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "catalog.procedure.add" && e.GetProperty("entity").GetString() == "procedure:2.000908");
    }

    [Fact]
    public async Task The_export_reads_back_as_the_same_catalog()
    {
        var admin = await app.ApiClientFor("admin");
        var export = JsonNode.Parse((await admin.GetJsonAsync("/api/v1/admin/catalog/export")).GetRawText())!;
        Assert.Equal("motcua.catalog.v1", (string)export["format"]!);
        var birth = export["procedures"]!.AsArray().Single(p => (string)p!["code"]! == "1.001193")!;
        Assert.True((int)birth["version"]! >= 1);
        Assert.NotNull(birth["form"]);

        // The export gives the terms in force; only a procedure of another test with a version waiting for its day differs.
        var report = await ImportAsync(admin, export, dryRun: true);
        Assert.Empty(Codes(report, "added"));
        Assert.All(Codes(report, "changed").Concat(Codes(report, "refused")), code => Assert.StartsWith("T-", code, StringComparison.Ordinal));
        Assert.Contains("1.001193", Codes(report, "changed").Concat(Codes(report, "refused")).Append("1.001193").ToArray());
        Assert.True(report.GetProperty("unchanged").GetInt32() >= 43);
    }

    [Fact]
    public async Task The_catalog_goes_out_and_back_in_as_an_excel_workbook()
    {
        var admin = await app.ApiClientFor("admin");
        using var export = await admin.GetAsync(new Uri("/api/v1/admin/catalog/export?format=xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        var workbook = await export.Content.ReadAsByteArrayAsync();

        var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var dry = await admin.PostAsync(new Uri("/api/v1/admin/catalog/imports?dryRun=true", UriKind.Relative), content);
        var report = await dry.ReadJsonAsync();
        Assert.True(dry.StatusCode == HttpStatusCode.OK, report.ToString());
        Assert.Empty(Codes(report, "added"));
        Assert.All(Codes(report, "changed").Concat(Codes(report, "refused")), code => Assert.StartsWith("T-", code, StringComparison.Ordinal));
        Assert.True(report.GetProperty("unchanged").GetInt32() >= 43);

        var broken = new ByteArrayContent("PK không phải bảng tính"u8.ToArray());
        broken.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await (await admin.PostAsync(new Uri("/api/v1/admin/catalog/imports?dryRun=false", UriKind.Relative), broken)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync(new Uri("/api/v1/admin/catalog/export?format=pdf", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_fee_decided_from_a_future_date_waits_for_it_and_applications_keep_the_terms_they_were_filed_under()
    {
        var admin = await app.ApiClientFor("admin");
        var procedure = Procedure("2.000908", out var code);
        await ImportAsync(admin, FileOf(procedure), dryRun: false);

        // The provincial council lowers the online fee from 01/01 next year.
        var versions = app.Services.GetRequiredService<IServiceScopeFactory>();
        DateOnly today;
        using (var scope = versions.CreateScope())
        {
            today = scope.ServiceProvider.GetRequiredService<CatalogVersions>().Today;
        }

        var newYear = new DateOnly(today.Year + 1, 1, 1);
        var changed = procedure.DeepClone().AsObject();
        changed["fees"]![0]!["onlineAmount"] = 1000;
        changed["effectiveFrom"] = newYear.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        changed["changeNote"] = "Nghị quyết số 15/2026/NQ-HĐND của Hội đồng nhân dân tỉnh";
        var report = await ImportAsync(admin, FileOf(changed), dryRun: false);
        var change = Assert.Single(report.GetProperty("changed").EnumerateArray());
        Assert.Equal(newYear.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), change.GetProperty("effectiveFrom").GetString());
        Assert.Contains("phí, lệ phí", change.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));

        // Until then the fee in force is the old one, and an application filed today carries version 1.
        var anyone = app.CreateClient();
        Assert.Equal(2000, (await anyone.GetJsonAsync($"/api/v1/procedures/{code}")).GetProperty("fees")[0].GetProperty("onlineAmount").GetInt64());
        var citizen = await app.ApiClientFor("citizen1");
        using var submitted = await LifecycleApi.SubmitAsync(citizen, new
        {
            procedureCode = code,
            unitId = await LifecycleApi.WardIdAsync(app),
            form = new { hoTenNguoiYeuCau = "Nguyễn Văn An", tenGiayTo = "Giấy khai sinh", soBanSao = 2, soDienThoai = "0912000001" },
        });
        var filed = await submitted.ReadJsonAsync();
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, filed.ToString());
        var applicationCode = filed.GetProperty("code").GetString()!;
        Assert.Equal(1, (await citizen.GetJsonAsync($"/api/v1/applications/{applicationCode}")).GetProperty("procedureVersion").GetInt32());

        // A change dated before the waiting one is refused: versions follow one another in time.
        var early = procedure.DeepClone().AsObject();
        early["name"] = "Cấp bản sao từ sổ gốc (sửa tên)";
        var refused = await ImportAsync(admin, FileOf(early), dryRun: true);
        Assert.Contains("chờ áp dụng", Assert.Single(refused.GetProperty("refused").EnumerateArray()).GetProperty("message").GetString(), StringComparison.Ordinal);

        // On New Year's day the new fee is in force; the application filed before keeps its own.
        using (var scope = versions.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<CatalogVersions>().ActivateDueAsync(newYear, CancellationToken.None) >= 1);
        }

        var now = await anyone.GetJsonAsync($"/api/v1/procedures/{code}");
        Assert.Equal(1000, now.GetProperty("fees")[0].GetProperty("onlineAmount").GetInt64());
        var directory = app.Services.GetRequiredService<CatalogDirectory>();
        var current = await directory.ProcedureAsync(code, CancellationToken.None);
        Assert.Equal(2, current!.Version);
        var filedUnder = await directory.ProcedureAsync(current.Id, 1, CancellationToken.None);
        Assert.Equal(2000, filedUnder!.Fees[0].OnlineAmount);
        Assert.Equal(1, (await citizen.GetJsonAsync($"/api/v1/applications/{applicationCode}")).GetProperty("procedureVersion").GetInt32());
    }

    [Fact]
    public async Task A_record_that_breaks_a_rule_is_refused_with_its_reason_and_the_rest_goes_ahead()
    {
        var admin = await app.ApiClientFor("admin");
        var good = Procedure("1.003583", out var goodCode);
        var unknownUnit = Procedure("1.003583", out var unknownUnitCode);
        unknownUnit["units"] = new JsonArray("000.99.99.H99");
        var noForm = Procedure("2.000908", out var noFormCode);
        noForm["form"] = null;
        var badShares = Procedure("2.000908", out var badSharesCode);
        badShares["workflow"]![0]!["share"] = 0.5;
        var negativeFee = Procedure("2.000908", out var negativeFeeCode);
        negativeFee["fees"]![0]!["amount"] = -5;
        var unusableForm = Procedure("2.000908", out var unusableFormCode);
        unusableForm["form"]!["schema"]!["properties"]!["maSo"] = new JsonObject { ["type"] = "string", ["title"] = "Mã số", ["pattern"] = "^X[0-9]{3}$" };
        unusableForm["form"]!["schema"]!["required"]!.AsArray().Add("maSo");

        var report = await ImportAsync(admin, FileOf(good, unknownUnit, noForm, badShares, negativeFee, unusableForm, good.DeepClone().AsObject()), dryRun: false);
        Assert.Equal([goodCode], Codes(report, "added"));
        var refused = report.GetProperty("refused").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("message").GetString()!);
        Assert.Contains("000.99.99.H99", refused[unknownUnitCode], StringComparison.Ordinal);
        Assert.Contains("biểu mẫu điện tử", refused[noFormCode], StringComparison.Ordinal);
        Assert.Contains("100%", refused[badSharesCode], StringComparison.Ordinal);
        Assert.Contains("Mức thu", refused[negativeFeeCode], StringComparison.Ordinal);
        Assert.Contains("nhiều lần", refused[goodCode], StringComparison.Ordinal);
        Assert.Contains("không ai điền được: Mã số không đúng định dạng.", refused[unusableFormCode], StringComparison.Ordinal);

        var anyone = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync(new Uri($"/api/v1/procedures/{goodCode}", UriKind.Relative))).StatusCode);
        foreach (var code in new[] { unknownUnitCode, noFormCode, badSharesCode, negativeFeeCode, unusableFormCode })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(new Uri($"/api/v1/procedures/{code}", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_the_format_gets_a_problem_naming_where_and_changes_nothing()
    {
        var admin = await app.ApiClientFor("admin");
        var procedure = Procedure("1.003583", out var code);
        procedure.Remove("fees");
        using var missing = await admin.PostAsync(new Uri("/api/v1/admin/catalog/imports?dryRun=false", UriKind.Relative),
            new StringContent(FileOf(procedure).ToJsonString(), Encoding.UTF8, "application/json"));
        var problem = await missing.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("fees", problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);

        using var wrongType = await admin.PostAsync(new Uri("/api/v1/admin/catalog/imports?dryRun=false", UriKind.Relative),
            new StringContent("""{"procedures": [{"code": 5}]}""", Encoding.UTF8, "application/json"));
        await wrongType.AssertProblemAsync(HttpStatusCode.BadRequest);
        using var empty = await admin.PostAsJsonAsync("/api/v1/admin/catalog/imports?dryRun=false", new { procedures = Array.Empty<object>() });
        await empty.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(new Uri($"/api/v1/procedures/{code}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_quality_report_lists_per_unit_what_keeps_an_online_service_from_working()
    {
        var admin = await app.ApiClientFor("admin");
        var broken = Procedure("2.000908", out var code);
        broken["units"] = new JsonArray("000.01.00.H99", "000.22.21.H99");
        await ImportAsync(admin, FileOf(broken), dryRun: false);

        // A form no one can complete no longer gets in through an import; one kept from before is what the report finds.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Common.Persistence.MotCuaDbContext>();
            var procedure = await db.Set<MotCua.Web.Modules.Catalog.Domain.Procedure>().SingleAsync(p => p.Code == code);
            var schema = JsonNode.Parse(procedure.Form!.SchemaJson)!;
            schema["properties"]!["maSo"] = new JsonObject { ["type"] = "string", ["title"] = "Mã số", ["pattern"] = "^X[0-9]{3}$" };
            schema["required"]!.AsArray().Add("maSo");
            procedure.OfferOnline(procedure.OnlineLevel, procedure.OnlineOnly, procedure.PostalAllowed, new MotCua.Web.Modules.EForms.Public.FormDefinition(schema.ToJsonString(), procedure.Form.UiJson));
            await db.SaveChangesAsync();
        }

        var report = await admin.GetJsonAsync("/api/v1/admin/catalog/quality");
        var units = report.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitCode").GetString()!);
        string[] ProblemsAt(string unit) => units[unit].GetProperty("problems").EnumerateArray()
            .Where(p => p.GetProperty("code").GetString() == code).Select(p => p.GetProperty("problem").GetString()!).ToArray();

        // At the ward that has every role, only the form is wrong; at a commune without a reception officer, that too.
        var ward = ProblemsAt("000.01.00.H99");
        Assert.Contains(ward, p => p.StartsWith("Biểu mẫu không nhận", StringComparison.Ordinal) && p.Contains("Mã số", StringComparison.Ordinal));
        Assert.DoesNotContain(ward, p => p.StartsWith("Không có cán bộ", StringComparison.Ordinal));
        Assert.Contains(ProblemsAt("000.22.21.H99"), p => p.StartsWith("Không có cán bộ một cửa", StringComparison.Ordinal));

        // The demo's birth registration at the ward works end to end.
        Assert.DoesNotContain(units["000.01.00.H99"].GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == "1.001193");
        await (await (await app.ApiClientFor("reception1")).GetAsync(new Uri("/api/v1/admin/catalog/quality", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_the_province_admin_exports_or_imports_the_catalog()
    {
        var file = new StringContent(Sample().ToJsonString(), Encoding.UTF8, "application/json");
        await (await app.CreateClient().GetAsync(new Uri("/api/v1/admin/catalog/export", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        // An agency admin manages officers in its sub-tree, never the province's catalog or tree.
        var admin = await app.ApiClientFor("admin");
        var department = (await admin.GetJsonAsync("/api/v1/units")).EnumerateArray().Single(u => u.GetProperty("code").GetString() == "000.00.05.H99").GetProperty("id").GetInt32();
        var agencyName = $"qt.{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/officers",
            new { userName = agencyName, fullName = "Quản trị Sở Nông nghiệp và Môi trường", unitId = department, roles = new[] { "AgencyAdmin" }, password = "QuanTri@2026!ab" })).StatusCode);
        var agency = await app.ApiClientFor(agencyName, "QuanTri@2026!ab");
        await (await agency.PostAsJsonAsync("/api/v1/admin/units/merge", new { unitIds = new[] { department }, successorId = department })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await agency.GetAsync(new Uri("/api/v1/admin/units", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await agency.GetAsync(new Uri("/api/v1/admin/catalog/quality", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);

        foreach (var client in new[] { agency, await app.ApiClientFor("citizen1"), await app.ApiClientFor("reception1"), await app.ApiClientFor("leader1") })
        {
            await (await client.GetAsync(new Uri("/api/v1/admin/catalog/export", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync(new Uri("/api/v1/admin/catalog/imports?dryRun=false", UriKind.Relative), file)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CatalogImportOnSqlite(SqliteApp app) : CatalogImportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CatalogImportOnPostgres(PostgresApp app) : CatalogImportTests(app);
