using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Infrastructure;

namespace MotCua.IntegrationTests.Modules.Identity;

/// <summary>Officer accounts made by administrators within their sub-tree, never above their own role, every change audited.</summary>
public abstract class OfficerAdminTests(MotCuaApp app)
{
    private const string Password = "CanBo@2026!ab";

    private async Task<int> UnitIdAsync(string code) =>
        (await (await app.ApiClientFor("admin")).GetFromJsonAsync<JsonElement>("/api/v1/units")).EnumerateArray()
            .Single(u => u.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();

    private static string NewName(string prefix) => $"{prefix}.{Guid.NewGuid():N}"[..24];

    [Fact]
    public async Task The_province_admin_creates_a_reception_officer_who_signs_in_and_works_the_communes_inbox()
    {
        var admin = await app.ApiClientFor("admin");
        var ward = await UnitIdAsync("000.01.00.H99");
        var userName = NewName("motcua");
        var created = await admin.PostAsJsonAsync("/api/v1/admin/officers",
            new { userName, fullName = "Võ Thị Một Cửa", unitId = ward, roles = new[] { "Reception" }, email = (string?)null, password = Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(userName, body.GetProperty("userName").GetString());

        var officer = await app.ApiClientFor(userName, Password);
        var me = await officer.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(ward, me.GetProperty("unitId").GetInt32());
        Assert.Contains("Reception", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        using var inbox = await officer.GetAsync(new Uri("/api/v1/inbox", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);

        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/officers");
        Assert.Contains(listed.EnumerateArray(), o => o.GetProperty("userName").GetString() == userName && !o.GetProperty("disabled").GetBoolean());

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit?actor=admin");
        var entry = audit.EnumerateArray().First(e => e.GetProperty("action").GetString() == "officer.create" && e.GetProperty("after").GetString()!.Contains(userName, StringComparison.Ordinal));
        Assert.Equal("admin", entry.GetProperty("actor").GetString());
        Assert.DoesNotContain(Password, entry.GetProperty("after").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agency_admin_acts_only_within_its_sub_tree_and_never_grants_the_province_admin_role()
    {
        var admin = await app.ApiClientFor("admin");
        var department = await UnitIdAsync("000.00.05.H99");
        var office = await UnitIdAsync("000.01.05.H99");
        var otherWard = await UnitIdAsync("000.01.00.H99");
        var agencyName = NewName("qtsonnmt");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/officers",
            new { userName = agencyName, fullName = "Quản trị Sở Nông nghiệp và Môi trường", unitId = department, roles = new[] { "AgencyAdmin" }, password = Password })).StatusCode);
        var agency = await app.ApiClientFor(agencyName, Password);

        // Within its department: a specialist at the land registration office under it.
        var specialistName = NewName("cvdatdai");
        var made = await agency.PostAsJsonAsync("/api/v1/admin/officers",
            new { userName = specialistName, fullName = "Chuyên viên Đất Đai", unitId = office, roles = new[] { "Specialist" }, password = Password });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);

        // Not above its own role, not outside its sub-tree; nothing is created.
        var above = await agency.PostAsJsonAsync("/api/v1/admin/officers",
            new { userName = NewName("tinh"), fullName = "Quản trị tỉnh mới", unitId = office, roles = new[] { "ProvinceAdmin" }, password = Password });
        await above.AssertProblemAsync(HttpStatusCode.Forbidden);
        var outside = await agency.PostAsJsonAsync("/api/v1/admin/officers",
            new { userName = NewName("anphu"), fullName = "Cán bộ An Phú", unitId = otherWard, roles = new[] { "Reception" }, password = Password });
        await outside.AssertProblemAsync(HttpStatusCode.Forbidden);
        var list = await agency.GetFromJsonAsync<JsonElement>("/api/v1/admin/officers");
        Assert.DoesNotContain(list.EnumerateArray(), o => o.GetProperty("userName").GetString() == "reception1");
        Assert.Contains(list.EnumerateArray(), o => o.GetProperty("userName").GetString() == specialistName);

        // Officers who are not administrators, and citizens, manage nothing; the audit is the province admin's.
        await (await (await app.ApiClientFor("reception1")).GetAsync(new Uri("/api/v1/admin/officers", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await agency.GetAsync(new Uri("/api/v1/admin/audit", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        var receptionId = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/officers")).EnumerateArray()
            .Single(o => o.GetProperty("userName").GetString() == "reception1").GetProperty("id").GetString();
        await (await agency.PostAsync(new Uri($"/api/v1/admin/officers/{receptionId}/disable", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_creates_nothing()
    {
        var admin = await app.ApiClientFor("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/admin/officers",
            new { userName = "có dấu", fullName = " ", unitId = 999_999, roles = new[] { "Boss" }, email = "khong-phai-email" });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "userName", "fullName", "unitId", "roles", "email" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no message for {field}: {errors}");
        }

        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/officers");
        Assert.DoesNotContain(listed.EnumerateArray(), o => o.GetProperty("userName").GetString() == "có dấu");
    }

    [Fact]
    public async Task An_officer_moved_to_another_unit_signs_in_again_and_works_there_within_the_admins_sub_tree()
    {
        var admin = await app.ApiClientFor("admin");
        var department = await UnitIdAsync("000.00.05.H99");
        var landOffice = await UnitIdAsync("000.01.05.H99");
        var anPhu = await UnitIdAsync("000.01.00.H99");
        var agencyName = NewName("qtnnmt");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/admin/officers",
            new { userName = agencyName, fullName = "Quản trị Sở Nông nghiệp và Môi trường", unitId = department, roles = new[] { "AgencyAdmin" }, password = Password })).StatusCode);
        var agency = await app.ApiClientFor(agencyName, Password);
        var userName = NewName("cvluanchuyen");
        var created = await (await agency.PostAsJsonAsync("/api/v1/admin/officers",
            new { userName, fullName = "Chuyên viên Luân Chuyển", unitId = landOffice, roles = new[] { "Specialist" }, password = Password })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        var officer = await app.ApiClientFor(userName, Password);

        // Not outside the agency admin's department, and not an officer it does not manage.
        await (await agency.PostAsJsonAsync($"/api/v1/admin/officers/{id}/move", new { unitId = anPhu })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var receptionId = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/officers")).EnumerateArray()
            .Single(o => o.GetProperty("userName").GetString() == "reception1").GetProperty("id").GetString();
        await (await agency.PostAsJsonAsync($"/api/v1/admin/officers/{receptionId}/move", new { unitId = department })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await agency.PostAsJsonAsync($"/api/v1/admin/officers/{id}/move", new { unitId = 999_999 })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(landOffice, (await officer.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("unitId").GetInt32());

        var moved = await agency.PostAsJsonAsync($"/api/v1/admin/officers/{id}/move", new { unitId = department });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        var again = await app.ApiClientFor(userName, Password);
        var me = await again.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(department, me.GetProperty("unitId").GetInt32());
        Assert.Contains("Specialist", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?actor={agencyName}&action=officer");
        var entry = Assert.Single(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "officer.move");
        Assert.Contains("000.01.05.H99", entry.GetProperty("before").GetString(), StringComparison.Ordinal);
        Assert.Contains("000.00.05.H99", entry.GetProperty("after").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_officers_session_ends_at_once_and_the_change_is_audited()
    {
        var admin = await app.ApiClientFor("admin");
        var userName = NewName("nghiviec");
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/officers",
            new { userName, fullName = "Cán bộ Nghỉ Việc", unitId = await UnitIdAsync("000.01.00.H99"), roles = new[] { "Specialist" }, password = Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var officer = await app.ApiClientFor(userName, Password);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);

        var disabled = await admin.PostAsync(new Uri($"/api/v1/admin/officers/{created.GetProperty("id").GetString()}/disable", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        using var again = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Password });
        Assert.NotEqual(HttpStatusCode.OK, again.StatusCode);

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "officer.disable"
            && e.GetProperty("entity").GetString() == $"officer:{created.GetProperty("id").GetString()}");
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/officers");
        Assert.True(listed.EnumerateArray().Single(o => o.GetProperty("userName").GetString() == userName).GetProperty("disabled").GetBoolean());
    }
}

public abstract class OfficersPageTests(MotCuaApp app)
{
    private const string Page = "/quan-tri/can-bo";
    private const string Password = "CanBo@2026!ab";

    [Fact]
    public async Task The_admin_adds_an_officer_on_the_page_after_fixing_each_field_then_disables_them()
    {
        using var admin = app.Pages();
        await admin.SignInAsync("admin");
        var (status, html) = await admin.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("reception1", html, StringComparison.Ordinal);

        using (var wrong = await admin.SubmitAsync(Page, new Dictionary<string, string> { ["UserName"] = "có dấu", ["FullName"] = "", ["UnitId"] = "" }, Page + "?handler=Create"))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            var page = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
            Assert.Contains("Tên đăng nhập chỉ gồm chữ cái không dấu", page, StringComparison.Ordinal);
            Assert.Contains("Nhập họ tên cán bộ.", page, StringComparison.Ordinal);
            Assert.Contains("Chọn đơn vị công tác", page, StringComparison.Ordinal);
            Assert.Contains("Chọn ít nhất một vai trò", page, StringComparison.Ordinal);
        }

        var ward = (await (await app.ApiClientFor("admin")).GetFromJsonAsync<JsonElement>("/api/v1/units")).EnumerateArray()
            .Single(u => u.GetProperty("code").GetString() == "000.01.00.H99").GetProperty("id").GetInt32();
        var userName = $"trang.{Guid.NewGuid():N}"[..20];
        using (var made = await admin.SubmitAsync(Page, new Dictionary<string, string>
        {
            ["UserName"] = userName, ["FullName"] = "Đinh Thị Trang", ["UnitId"] = ward.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RoleNames"] = "Leader", ["Password"] = Password,
        }, Page + "?handler=Create"))
        {
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
            Assert.Equal($"{Page}?tao={userName}", made.Headers.Location?.OriginalString);
        }

        var officer = await app.ApiClientFor(userName, Password);
        Assert.Contains("Leader", (await officer.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var id = (await (await app.ApiClientFor("admin")).GetFromJsonAsync<JsonElement>("/api/v1/admin/officers")).EnumerateArray()
            .Single(o => o.GetProperty("userName").GetString() == userName).GetProperty("id").GetString()!;
        using (var disabled = await admin.SubmitAsync(Page, new Dictionary<string, string> { ["id"] = id }, Page + "?handler=Disable"))
        {
            Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        using var reception = app.Pages();
        await reception.SignInAsync("reception1");
        using var refused = await reception.Http.GetAsync(new Uri(Page, UriKind.Relative));
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden
            || (refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.OriginalString.Contains("/loi/403", StringComparison.Ordinal)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OfficersPageOnSqlite(SqliteApp app) : OfficersPageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OfficersPageOnPostgres(PostgresApp app) : OfficersPageTests(app);

[Collection(SqliteCollection.Name)]
public sealed class OfficerAdminOnSqlite(SqliteApp app) : OfficerAdminTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OfficerAdminOnPostgres(PostgresApp app) : OfficerAdminTests(app);
