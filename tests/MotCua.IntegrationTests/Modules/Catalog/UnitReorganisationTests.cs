using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.IntegrationTests.Modules.Applications;

namespace MotCua.IntegrationTests.Modules.Catalog;

/// <summary>
/// Communes merged into a new one: open applications and officers move to it, closed ones stay findable and count in
/// its sub-tree, procedures name it; a district dissolved hands its communes to the province. On a host of its own,
/// since the tree changes.
/// </summary>
public abstract partial class UnitReorganisationTests(MotCuaApp app)
{
    private const string Password = "CanBo@2026!ab";
    /// <summary>The demo province runs two levels: its communes and wards sit directly under it.</summary>
    private const string Province = "000.00.00.H99";
    private const string UnitTreePage = "/quan-tri/don-vi";

    private async Task<JsonElement> UnitAsync(HttpClient admin, string code) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/units")).EnumerateArray().Single(u => u.GetProperty("code").GetString() == code);

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return body;
    }

    private static async Task<int> CreateUnitAsync(HttpClient admin, string code, string name, int parentId) =>
        (await OkAsync(await admin.PostAsJsonAsync("/api/v1/admin/units",
            new { code, name, shortName = name, kind = "Commune", level = "commune", parentId, address = $"Trụ sở {name}", phone = "0200 3899 001", email = "xa@anbinh.gov.vn" }),
            HttpStatusCode.Created)).GetProperty("id").GetInt32();

    /// <summary>Birth registration is also handled by these communes, through the catalog import.</summary>
    private static async Task HandleBirthsAtAsync(HttpClient admin, params string[] codes)
    {
        var export = JsonNode.Parse((await admin.GetJsonAsync("/api/v1/admin/catalog/export")).GetRawText())!;
        var birth = export["procedures"]!.AsArray().Single(p => (string)p!["code"]! == LifecycleApi.Birth)!.DeepClone().AsObject();
        foreach (var code in codes)
        {
            birth["units"]!.AsArray().Add(code);
        }

        var file = new JsonObject { ["procedures"] = new JsonArray(birth) };
        var report = await OkAsync(await admin.PostAsync(new Uri("/api/v1/admin/catalog/imports?dryRun=false", UriKind.Relative),
            new StringContent(file.ToJsonString(), Encoding.UTF8, "application/json")));
        Assert.Single(report.GetProperty("changed").EnumerateArray());
    }

    [Fact]
    public async Task Two_communes_merged_into_a_new_one_hand_it_their_open_work_officers_and_history()
    {
        var admin = await app.ApiClientFor("admin");
        var province = (await UnitAsync(admin, Province)).GetProperty("id").GetInt32();
        var first = await CreateUnitAsync(admin, "000.31.21.H99", "UBND xã Đông Bắc", province);
        var second = await CreateUnitAsync(admin, "000.32.21.H99", "UBND xã Đông Nam", province);
        var successor = await CreateUnitAsync(admin, "000.33.21.H99", "UBND xã Đông Thành", province);
        await HandleBirthsAtAsync(admin, "000.31.21.H99", "000.32.21.H99");

        await OkAsync(await admin.PostAsJsonAsync("/api/v1/admin/officers",
            new { userName = "motcua.dongbac", fullName = "Cán bộ Đông Bắc", unitId = first, roles = new[] { "Reception" }, password = Password }), HttpStatusCode.Created);
        await OkAsync(await admin.PostAsJsonAsync("/api/v1/admin/officers",
            new { userName = "motcua.dongthanh", fullName = "Cán bộ Đông Thành", unitId = successor, roles = new[] { "Reception" }, password = Password }), HttpStatusCode.Created);
        var oldSession = await app.ApiClientFor("motcua.dongbac", Password);

        var citizen = await app.ApiClientFor("citizen1");
        var open = (await OkAsync(await LifecycleApi.SubmitAsync(citizen, new { procedureCode = LifecycleApi.Birth, unitId = first, form = LifecycleApi.BirthForm("Lê Minh Đông") }),
            HttpStatusCode.Created)).GetProperty("code").GetString()!;
        var closed = (await OkAsync(await LifecycleApi.SubmitAsync(citizen, new { procedureCode = LifecycleApi.Birth, unitId = second, form = LifecycleApi.BirthForm("Lê Minh Nam") }),
            HttpStatusCode.Created)).GetProperty("code").GetString()!;
        await LifecycleApi.ActOkAsync(citizen, closed, new { action = "withdraw", note = "Tôi nộp nhầm xã" });

        // Refused: an agency admin, a unit merged into itself, a successor that does not exist; nothing changes.
        await (await (await app.ApiClientFor("reception1")).PostAsJsonAsync("/api/v1/admin/units/merge", new { unitIds = new[] { first }, successorId = successor }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        var wrong = await (await admin.PostAsJsonAsync("/api/v1/admin/units/merge", new { unitIds = new[] { first, successor }, successorId = successor, effectiveOn = "2999-01-01" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("unitIds", out _));
        Assert.True(wrong.GetProperty("errors").TryGetProperty("effectiveOn", out _));
        await (await admin.PostAsJsonAsync("/api/v1/admin/units/merge", new { unitIds = new[] { first }, successorId = 999_999 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(JsonValueKind.Null, (await UnitAsync(admin, "000.31.21.H99")).GetProperty("endedOn").ValueKind);

        var merged = await OkAsync(await admin.PostAsJsonAsync("/api/v1/admin/units/merge",
            new { unitIds = new[] { first, second }, successorId = successor, reason = "Nghị quyết số 1656/NQ-UBTVQH15" }));
        Assert.Equal(1, merged.GetProperty("moved").GetProperty("hồ sơ đang giải quyết").GetInt32());
        Assert.Equal(1, merged.GetProperty("moved").GetProperty("tài khoản cán bộ").GetInt32());
        Assert.Contains(LifecycleApi.Birth, merged.GetProperty("proceduresChanged").EnumerateArray().Select(c => c.GetString()));

        // The units ended and sit below their successor.
        var ended = await UnitAsync(admin, "000.31.21.H99");
        Assert.Equal(successor, ended.GetProperty("successorId").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, ended.GetProperty("endedOn").ValueKind);
        Assert.StartsWith((await UnitAsync(admin, "000.33.21.H99")).GetProperty("path").GetString(), ended.GetProperty("path").GetString(), StringComparison.Ordinal);

        // The open application moved, with a line of history the applicant sees; the closed one kept its unit.
        var moved = await citizen.GetJsonAsync($"/api/v1/applications/{open}");
        Assert.Equal(successor, moved.GetProperty("unitId").GetInt32());
        var line = moved.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("transfer-unit", line.GetProperty("action").GetString());
        Assert.Contains("UBND xã Đông Thành", line.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(second, (await citizen.GetJsonAsync($"/api/v1/applications/{closed}")).GetProperty("unitId").GetInt32());

        // The successor's officers work the moved application and find the merged unit's history in their sub-tree.
        var successorOfficer = await app.ApiClientFor("motcua.dongthanh", Password);
        var all = await successorOfficer.GetJsonAsync("/api/v1/applications?pageSize=100");
        var codes = all.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Contains(open, codes);
        Assert.Contains(closed, codes);
        await LifecycleApi.ActOkAsync(successorOfficer, open, new { action = "receive", note = "Đã kiểm tra đủ giấy tờ" });

        // The merged unit's officer works at the successor after signing in again; the old session ended.
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldSession.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        Assert.Equal(successor, (await (await app.ApiClientFor("motcua.dongbac", Password)).GetJsonAsync("/api/v1/me")).GetProperty("unitId").GetInt32());

        // Citizens now file at the successor; the catalog no longer offers the ended units.
        var birth = await app.CreateClient().GetJsonAsync($"/api/v1/procedures/{LifecycleApi.Birth}");
        var offered = birth.GetProperty("unitIds").EnumerateArray().Select(u => u.GetInt32()).ToList();
        Assert.Contains(successor, offered);
        Assert.DoesNotContain(first, offered);
        await (await LifecycleApi.SubmitAsync(citizen, new { procedureCode = LifecycleApi.Birth, unitId = first, form = LifecycleApi.BirthForm() })).AssertProblemAsync(HttpStatusCode.BadRequest);

        var audit = await admin.GetJsonAsync("/api/v1/admin/audit?action=unit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "unit.merge" && e.GetProperty("entity").GetString() == "unit:000.31.21.H99");
    }

    [Fact]
    public async Task A_dissolved_district_hands_its_communes_to_the_province_and_keeps_its_own_history()
    {
        var admin = await app.ApiClientFor("admin");
        var root = (await UnitAsync(admin, "000.00.00.H99")).GetProperty("id").GetInt32();
        var district = (await OkAsync(await admin.PostAsJsonAsync("/api/v1/admin/units",
            new { code = "000.00.41.H99", name = "UBND huyện Tây Sơn", kind = "District", level = "district", parentId = root }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var commune = await CreateUnitAsync(admin, "000.21.41.H99", "UBND xã Tây Hòa", district);

        await (await admin.PostAsJsonAsync($"/api/v1/admin/units/{district}/dissolve", new { successorId = commune })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var dissolved = await OkAsync(await admin.PostAsJsonAsync($"/api/v1/admin/units/{district}/dissolve",
            new { successorId = root, effectiveOn = "2025-07-01", reason = "Kết thúc hoạt động của đơn vị hành chính cấp huyện" }));
        Assert.Equal(root, dissolved.GetProperty("successor").GetProperty("id").GetInt32());

        var communeNow = await UnitAsync(admin, "000.21.41.H99");
        Assert.Equal(root, communeNow.GetProperty("parentId").GetInt32());
        Assert.Equal("/000.00.00.H99/000.21.41.H99/", communeNow.GetProperty("path").GetString());
        var districtNow = await UnitAsync(admin, "000.00.41.H99");
        Assert.Equal("2025-07-01", districtNow.GetProperty("endedOn").GetString());
        Assert.Equal(JsonValueKind.Null, communeNow.GetProperty("endedOn").ValueKind);

        // A unit that ended takes no more changes.
        await (await admin.PostAsJsonAsync($"/api/v1/admin/units/{district}/dissolve", new { successorId = root })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostAsJsonAsync("/api/v1/admin/units", new { code = "000.22.41.H99", name = "UBND xã Tây Phú", kind = "Commune", level = "commune", parentId = district }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_admin_adds_and_merges_units_on_the_page_after_fixing_the_mistakes()
    {
        using var pages = app.Pages();
        await pages.SignInAsync("admin");
        const string page = "/quan-tri/don-vi";
        using var wrong = await pages.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Create.Code"] = "xa moi", ["Create.Name"] = "", ["Create.Kind"] = "", ["Create.Level"] = "", ["Create.ParentId"] = "", ["Create.Email"] = "thu@",
        }, page + "?handler=Create");
        var html = await wrong.Content.ReadAsStringAsync();
        foreach (var message in new[] { "Mã định danh có dạng", "Nhập tên đơn vị.", "Chọn loại đơn vị.", "Chọn cấp của đơn vị", "Chọn đơn vị cấp trên", "Thư điện tử không đúng dạng" })
        {
            Assert.Contains(message, html, StringComparison.Ordinal);
        }

        var admin = await app.ApiClientFor("admin");
        var province = (await UnitAsync(admin, Province)).GetProperty("id").GetInt32();
        using var created = await pages.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Create.Code"] = "000.51.21.H99", ["Create.Name"] = "Ủy ban nhân dân xã Đông Lâm", ["Create.ShortName"] = "UBND xã Đông Lâm",
            ["Create.Kind"] = "Commune", ["Create.Level"] = "commune", ["Create.ParentId"] = province.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, page + "?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var former = (await UnitAsync(admin, "000.51.21.H99")).GetProperty("id").GetInt32();
        var successor = await CreateUnitAsync(admin, "000.52.21.H99", "UBND xã Đông Hưng", province);

        using var noUnits = await pages.SubmitAsync(page, new Dictionary<string, string> { ["Merge.SuccessorId"] = successor.ToString(System.Globalization.CultureInfo.InvariantCulture) }, page + "?handler=Merge");
        Assert.Contains("Chọn ít nhất một đơn vị được sáp nhập.", await noUnits.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var merged = await pages.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Merge.UnitIds"] = former.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Merge.SuccessorId"] = successor.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Merge.EffectiveOn"] = "2025-07-01", ["Merge.Reason"] = "Nghị quyết số 1656/NQ-UBTVQH15",
        }, page + "?handler=Merge");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var (_, after) = await pages.GetAsync(merged.Headers.Location!.OriginalString);
        Assert.Contains("Đã sáp nhập Ủy ban nhân dân xã Đông Lâm vào UBND xã Đông Hưng", after, StringComparison.Ordinal);
        Assert.Contains("Từ 01/07/2025 thuộc UBND xã Đông Hưng", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tree_goes_out_as_json_and_excel_and_a_file_adds_units_checked_first()
    {
        var admin = await app.ApiClientFor("admin");
        var export = JsonNode.Parse((await admin.GetJsonAsync("/api/v1/admin/units/export")).GetRawText())!.AsObject();
        Assert.Equal("motcua.units.v1", (string)export["format"]!);
        Assert.Contains(export["units"]!.AsArray(), u => (string)u!["code"]! == "000.21.21.H99" && (string)u["parent"]! == Province);

        // The export loads back unchanged; a new ward and a renamed commune go in, a moved one is refused with the reason.
        var units = export["units"]!.AsArray();
        units.Add(new JsonObject { ["code"] = "000.61.21.H99", ["name"] = "UBND xã Đông Xuân", ["kind"] = "Commune", ["level"] = "commune", ["parent"] = Province });
        units.Single(u => (string)u!["code"]! == "000.22.21.H99")!["phone"] = "0200 3899 222";
        units.Single(u => (string)u!["code"]! == "000.23.21.H99")!["parent"] = "000.00.05.H99";
        var body = new StringContent(export.ToJsonString(), Encoding.UTF8, "application/json");
        var dry = await OkAsync(await admin.PostAsync(new Uri("/api/v1/admin/units/imports", UriKind.Relative), body));
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal("000.61.21.H99", Assert.Single(dry.GetProperty("added").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal("000.22.21.H99", Assert.Single(dry.GetProperty("changed").EnumerateArray()).GetProperty("code").GetString());
        Assert.Contains("Cây đơn vị", Assert.Single(dry.GetProperty("refused").EnumerateArray()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/units")).EnumerateArray(), u => u.GetProperty("code").GetString() == "000.61.21.H99");

        await OkAsync(await admin.PostAsync(new Uri("/api/v1/admin/units/imports?dryRun=false", UriKind.Relative), new StringContent(export.ToJsonString(), Encoding.UTF8, "application/json")));
        var provinceId = (await UnitAsync(admin, Province)).GetProperty("id").GetInt32();
        Assert.Equal(provinceId, (await UnitAsync(admin, "000.61.21.H99")).GetProperty("parentId").GetInt32());
        Assert.Equal("0200 3899 222", (await UnitAsync(admin, "000.22.21.H99")).GetProperty("phone").GetString());
        Assert.Equal(Province, (await admin.GetJsonAsync("/api/v1/admin/units/export")).GetProperty("units").EnumerateArray()
            .Single(u => u.GetProperty("code").GetString() == "000.23.21.H99").GetProperty("parent").GetString());

        // The same tree as an Excel sheet reads back with nothing to do.
        using var excel = await admin.GetAsync(new Uri("/api/v1/admin/units/export?format=xlsx", UriKind.Relative));
        var workbook = new ByteArrayContent(await excel.Content.ReadAsByteArrayAsync());
        workbook.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var again = await OkAsync(await admin.PostAsync(new Uri("/api/v1/admin/units/imports", UriKind.Relative), workbook));
        Assert.Empty(again.GetProperty("added").EnumerateArray());
        Assert.Empty(again.GetProperty("changed").EnumerateArray());
        Assert.Empty(again.GetProperty("refused").EnumerateArray());

        await (await admin.PostAsync(new Uri("/api/v1/admin/units/imports", UriKind.Relative), new StringContent("{\"units\": [{\"code\": 1}]}", Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_admin_checks_a_tree_file_on_the_page_then_loads_it()
    {
        var api = await app.ApiClientFor("admin");
        var export = JsonNode.Parse((await api.GetJsonAsync("/api/v1/admin/units/export")).GetRawText())!.AsObject();
        export["units"]!.AsArray().Add(new JsonObject { ["code"] = "000.71.21.H99", ["name"] = "UBND xã Đông Nam", ["kind"] = "Commune", ["level"] = "commune", ["parent"] = Province });
        export["units"]!.AsArray().Add(new JsonObject { ["code"] = "000.72.21.H99", ["name"] = "UBND xã Đông Bắc", ["kind"] = "Commune", ["level"] = "nowhere", ["parent"] = Province });
        var file = Encoding.UTF8.GetBytes(export.ToJsonString());

        using var admin = app.Pages();
        await admin.SignInAsync("admin");
        using var empty = await admin.SubmitAsync(UnitTreePage, new Dictionary<string, string>(), UnitTreePage + "?handler=CheckTree");
        Assert.Contains("Chọn tệp cây đơn vị (.json hoặc .xlsx) để kiểm tra.", System.Net.WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var checkedFile = await admin.SubmitWithFileAsync(UnitTreePage, new Dictionary<string, string>(), "treeFile", "cay-don-vi.json", file, "application/json", UnitTreePage + "?handler=CheckTree");
        var html = System.Net.WebUtility.HtmlDecode(await checkedFile.Content.ReadAsStringAsync());
        Assert.Contains("Sẽ thêm mới 1 đơn vị: UBND xã Đông Nam.", html, StringComparison.Ordinal);
        Assert.Contains("Bị từ chối 1 đơn vị:", html, StringComparison.Ordinal);
        Assert.Contains("000.72.21.H99", html, StringComparison.Ordinal);
        Assert.DoesNotContain((await api.GetFromJsonAsync<JsonElement>("/api/v1/admin/units")).EnumerateArray(), u => u.GetProperty("code").GetString() == "000.71.21.H99");

        var pending = PendingToken().Match(html).Groups[1].Value;
        using var loaded = await admin.SubmitAsync(UnitTreePage, new Dictionary<string, string> { ["pending"] = pending }, UnitTreePage + "?handler=ImportTree");
        Assert.Equal(HttpStatusCode.Redirect, loaded.StatusCode);
        Assert.Contains("Đã nhập cây đơn vị: thêm 1 đơn vị", Uri.UnescapeDataString(loaded.Headers.Location!.ToString()), StringComparison.Ordinal);
        Assert.Equal("UBND xã Đông Nam", (await UnitAsync(api, "000.71.21.H99")).GetProperty("name").GetString());

        using var forged = await admin.SubmitAsync(UnitTreePage, new Dictionary<string, string> { ["pending"] = "json:2026/12/abc" }, UnitTreePage + "?handler=ImportTree");
        Assert.Contains("Không tìm thấy tệp đã kiểm tra", System.Net.WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_renames_a_unit_and_moves_it_under_another_parent_on_its_page()
    {
        var api = await app.ApiClientFor("admin");
        // A commune still under a district the province has not yet dissolved, moved up to the province.
        var districtId = (await OkAsync(await api.PostAsJsonAsync("/api/v1/admin/units",
            new { code = "000.00.81.H99", name = "UBND huyện Đông Phong", kind = "District", level = "district", parentId = (await UnitAsync(api, Province)).GetProperty("id").GetInt32() }),
            HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var id = await CreateUnitAsync(api, "000.81.21.H99", "UBND xã Đông Phong Hai", districtId);
        var commune = await UnitAsync(api, "000.81.21.H99");
        var page = $"{UnitTreePage}/{id}";
        using var admin = app.Pages();
        await admin.SignInAsync("admin");

        using var wrong = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Edit.Name"] = " ", ["Edit.Email"] = "khong-phai-thu" }, page + "?handler=Edit");
        var html = System.Net.WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Nhập tên đơn vị.", html, StringComparison.Ordinal);
        Assert.Equal(commune.GetProperty("name").GetString(), (await UnitAsync(api, "000.81.21.H99")).GetProperty("name").GetString());

        using var renamed = await admin.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Edit.Name"] = "UBND xã Đông Phong Mới", ["Edit.ShortName"] = "Xã Đông Phong", ["Edit.Phone"] = "0200 3811 223", ["Edit.Address"] = "Thôn 2, xã Đông Phong", ["Edit.Email"] = "",
        }, page + "?handler=Edit");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("UBND xã Đông Phong Mới", (await UnitAsync(api, "000.81.21.H99")).GetProperty("name").GetString());

        var root = (await UnitAsync(api, "000.00.00.H99")).GetProperty("id").GetInt32();
        using var moved = await admin.SubmitAsync(page, new Dictionary<string, string> { ["ParentId"] = root.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Reason"] = "Nghị quyết số 1656/NQ-UBTVQH15" }, page + "?handler=Move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(root, (await UnitAsync(api, "000.81.21.H99")).GetProperty("parentId").GetInt32());
        var (_, after) = await admin.GetAsync(page);
        after = System.Net.WebUtility.HtmlDecode(after);
        Assert.Contains("Chuyển đơn vị cấp trên", after, StringComparison.Ordinal);
        Assert.Contains("Nghị quyết số 1656/NQ-UBTVQH15", after, StringComparison.Ordinal);

        using var intoItself = await admin.SubmitAsync(page, new Dictionary<string, string> { ["ParentId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, page + "?handler=Move");
        Assert.Contains("Không chuyển một đơn vị vào bên dưới chính nó.", System.Net.WebUtility.HtmlDecode(await intoItself.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"pending\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex PendingToken();

    [Fact]
    public async Task A_new_unit_with_a_mistake_in_every_field_is_refused_field_by_field()
    {
        var admin = await app.ApiClientFor("admin");
        var problem = await (await admin.PostAsJsonAsync("/api/v1/admin/units",
            new { code = "xa-moi", name = " ", kind = (string?)null, level = "ward", parentId = 999_999, email = "khong-phai-email" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "code", "name", "kind", "level", "parentId", "email" })
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no message for {field}: {problem}");
        }

        await (await admin.PostAsJsonAsync("/api/v1/admin/units",
            new { code = "000.00.05.H99", name = "Trùng mã", kind = "District", level = "district", parentId = (await UnitAsync(admin, "000.00.00.H99")).GetProperty("id").GetInt32() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}

/// <summary>A database of its own: the tree it changes is no other test's.</summary>
public sealed class ReorganisedSqliteApp : SqliteApp;

public sealed class ReorganisedPostgresApp : PostgresApp;

public sealed class UnitReorganisationOnSqlite(ReorganisedSqliteApp app) : UnitReorganisationTests(app), IClassFixture<ReorganisedSqliteApp>;

public sealed class UnitReorganisationOnPostgres(ReorganisedPostgresApp app) : UnitReorganisationTests(app), IClassFixture<ReorganisedPostgresApp>;
