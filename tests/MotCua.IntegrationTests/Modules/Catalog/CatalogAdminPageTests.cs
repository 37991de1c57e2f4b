using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MotCua.IntegrationTests.Infrastructure;

namespace MotCua.IntegrationTests.Modules.Catalog;

/// <summary>The province admin's catalog pages: a file checked then loaded, a fee changed from a later date, the audit page.</summary>
public abstract class CatalogAdminPageTests(MotCuaApp app)
{
    private const string Ward = "000.01.00.H99";

    /// <summary>A catalog file with the sample's "Cấp bản sao từ sổ gốc" under a new code, handled by one ward.</summary>
    private static (string Code, byte[] File) NewFile()
    {
        var sample = JsonNode.Parse(System.IO.File.ReadAllText(CatalogImportTests.SampleFile))!.AsObject();
        var procedure = sample["procedures"]!.AsArray().Single(p => (string)p!["code"]! == "2.000908")!.DeepClone().AsObject();
        var code = $"P-{Guid.NewGuid():N}"[..20];
        procedure["code"] = code;
        procedure["nationalCode"] = null;
        procedure["units"] = new JsonArray(Ward);
        sample["procedures"] = new JsonArray(procedure);
        return (code, Encoding.UTF8.GetBytes(sample.ToJsonString()));
    }

    /// <summary>Loads <see cref="NewFile"/> through the API and returns its code.</summary>
    private static async Task<string> ImportNewAsync(HttpClient api)
    {
        var (code, file) = NewFile();
        using var loaded = await api.PostAsync(new Uri("/api/v1/admin/catalog/imports?dryRun=false", UriKind.Relative), new ByteArrayContent(file) { Headers = { ContentType = new("application/json") } });
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        return code;
    }

    private static Dictionary<string, string> Terms(string name, string amount, string onlineAmount, string processing, string effectiveFrom) => new()
    {
        ["Name"] = name, ["Field"] = "Chứng thực", ["NationalCode"] = "", ["Level"] = "commune", ["UnitCodes"] = Ward, ["ApplicantTypes"] = "Citizen",
        ["ResultType"] = "Bản sao từ sổ gốc", ["Conditions"] = "", ["LegalBasis"] = "Nghị định số 23/2015/NĐ-CP",
        ["Documents[0].Name"] = "Văn bản yêu cầu cấp bản sao từ sổ gốc", ["Documents[0].Originals"] = "1", ["Documents[0].Copies"] = "0", ["Documents[0].Required"] = "true",
        ["Fees[0].Name"] = "Phí cấp bản sao từ sổ gốc", ["Fees[0].Amount"] = amount, ["Fees[0].OnlineAmount"] = onlineAmount,
        ["ProcessingValue"] = processing, ["ProcessingUnit"] = "WorkingDays", ["OnlineProcessingValue"] = "", ["OnlineProcessingUnit"] = "WorkingDays",
        ["OnlineLevel"] = "Partial", ["PostalAllowed"] = "true", ["EffectiveFrom"] = effectiveFrom, ["ChangeNote"] = "Nghị quyết số 15/2026/NQ-HĐND",
    };

    [Fact]
    public async Task The_admin_checks_a_file_then_loads_it_and_changes_a_fee_from_next_year()
    {
        using var admin = app.Pages();
        await admin.SignInAsync("admin");
        var (code, file) = NewFile();

        using var check = await admin.SubmitWithFileAsync("/quan-tri/danh-muc", new Dictionary<string, string>(), "file", "danh-muc.json", file, "application/json", "/quan-tri/danh-muc?handler=Check");
        var checkedPage = await check.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("Sẽ thêm mới <strong>1</strong>", checkedPage, StringComparison.Ordinal);
        Assert.Contains(code, checkedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/quan-tri/danh-muc/{code}")).Status);

        var pending = System.Text.RegularExpressions.Regex.Match(checkedPage, "name=\"pending\" value=\"([^\"]+)\"").Groups[1].Value;
        using var load = await admin.SubmitAsync("/quan-tri/danh-muc", new Dictionary<string, string> { ["pending"] = WebUtility.HtmlDecode(pending) }, "/quan-tri/danh-muc?handler=Import");
        Assert.Equal(HttpStatusCode.Redirect, load.StatusCode);
        var (_, loaded) = await admin.GetAsync(load.Headers.Location!.OriginalString);
        Assert.Contains("thêm 1 thủ tục", loaded, StringComparison.Ordinal);

        // A mistake in each field: nothing is saved and each is named.
        var page = $"/quan-tri/danh-muc/{code}";
        using var wrong = await admin.SubmitAsync(page, Terms(" ", "năm mươi", "-3", "0", "2020-01-01"), page + "?handler=Save");
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        foreach (var message in new[] { "Nhập tên thủ tục.", "Mức thu là số đồng không âm", "Thời hạn là một số lớn hơn 0", "Ngày áp dụng không được trước hôm nay" })
        {
            Assert.Contains(message, wrongPage, StringComparison.Ordinal);
        }

        var nextYear = DateTime.UtcNow.Year + 1;
        using var saved = await admin.SubmitAsync(page, Terms("Cấp bản sao từ sổ gốc", "3.000", "1.500", "1", $"{nextYear}-01-01"), page + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, edited) = await admin.GetAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains($"áp dụng từ ngày 01/01/{nextYear}", edited, StringComparison.Ordinal);
        Assert.Contains("Chờ áp dụng", edited, StringComparison.Ordinal);
        Assert.Contains("Nghị quyết số 15/2026/NQ-HĐND", edited, StringComparison.Ordinal);

        // Until then citizens see the fee in force; the audit page shows the change.
        var (_, details) = await app.Pages().GetAsync($"/thu-tuc/{code}");
        Assert.Contains("2.000", details, StringComparison.Ordinal);
        var (_, audit) = await admin.GetAsync("/quan-tri/nhat-ky?loai=catalog");
        Assert.Contains($"procedure:{code}", audit, StringComparison.Ordinal);
        Assert.Contains("catalog.procedure.change", audit, StringComparison.Ordinal);

        // Withdrawn before its day, the waiting version goes.
        using var cancel = await admin.SubmitAsync(page, new Dictionary<string, string> { ["number"] = "2" }, page + "?handler=Cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        var (_, after) = await admin.GetAsync(page);
        Assert.DoesNotContain("Chờ áp dụng", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_sets_a_fees_kind_when_it_is_paid_and_who_is_exempted()
    {
        using var admin = app.Pages();
        await admin.SignInAsync("admin");
        var code = await ImportNewAsync(await app.ApiClientFor("admin"));
        var page = $"/quan-tri/danh-muc/{code}";
        var today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var terms = Terms("Cấp bản sao từ sổ gốc", "3.000", "1.500", "1", today);
        terms["Fees[0].Kind"] = "Charge";
        terms["PaymentDue"] = "AtSubmission";
        terms["Exemptions[0].Category"] = "Người thuộc hộ nghèo";
        terms["Exemptions[0].Percent"] = "120";

        using var wrong = await admin.SubmitAsync(page, terms, page + "?handler=Save");
        Assert.Contains("Tỷ lệ miễn, giảm là số từ 1 đến 100", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        terms["Exemptions[0].Percent"] = "100";
        terms["Exemptions[0].LegalBasis"] = "Nghị quyết số 15/2026/NQ-HĐND";
        using var saved = await admin.SubmitAsync(page, terms, page + "?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var procedure = await app.CreateClient().GetJsonAsync($"/api/v1/procedures/{code}");
        Assert.Equal("Charge", procedure.GetProperty("fees")[0].GetProperty("kind").GetString());
        Assert.Equal("AtSubmission", procedure.GetProperty("paymentDue").GetString());
        Assert.Equal("Người thuộc hộ nghèo", procedure.GetProperty("feeExemptions")[0].GetProperty("category").GetString());
        var (_, edit) = await admin.GetAsync(page);
        Assert.Contains("value=\"Người thuộc hộ nghèo\"", WebUtility.HtmlDecode(edit), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_reorders_the_workflow_after_the_checks_say_what_is_wrong()
    {
        using var admin = app.Pages();
        await admin.SignInAsync("admin");
        var api = await app.ApiClientFor("admin");
        var code = await ImportNewAsync(api);

        var page = $"/quan-tri/danh-muc/{code}/quy-trinh";
        var today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var wrong = await admin.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Steps[0].Name"] = "Tiếp nhận", ["Steps[0].Role"] = "Reception", ["Steps[0].Share"] = "mười",
            ["Steps[1].Name"] = "Thẩm định", ["Steps[1].Role"] = "Specialist", ["Steps[1].Share"] = "50", ["Steps[1].Unit"] = "000.99.99.H99",
            ["EffectiveFrom"] = today,
        });
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("Tỷ lệ thời gian của bước 1 là số phần trăm", html, StringComparison.Ordinal);
        Assert.Contains("Đơn vị của bước 2 không có trong cây đơn vị", html, StringComparison.Ordinal);

        using var notApproved = await admin.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Steps[0].Name"] = "Tiếp nhận", ["Steps[0].Role"] = "Reception", ["Steps[0].Share"] = "20",
            ["Steps[1].Name"] = "Thẩm định", ["Steps[1].Role"] = "Specialist", ["Steps[1].Share"] = "70",
            ["EffectiveFrom"] = today,
        });
        var second = await notApproved.Content.ReadAsStringAsync();
        Assert.Contains("Tổng tỷ lệ thời gian các bước phải bằng 100% (hiện là 90%)", second, StringComparison.Ordinal);
        Assert.Contains("Bước cuối phải là lãnh đạo phê duyệt kết quả.", second, StringComparison.Ordinal);

        using var saved = await admin.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Steps[0].Name"] = "Tiếp nhận", ["Steps[0].Role"] = "Reception", ["Steps[0].Share"] = "20",
            ["Steps[1].Name"] = "Sở Tư pháp tra sổ gốc", ["Steps[1].Role"] = "Specialist", ["Steps[1].Share"] = "50", ["Steps[1].Unit"] = "000.00.02.H99",
            ["Steps[2].Name"] = "Lãnh đạo ký", ["Steps[2].Role"] = "Leader", ["Steps[2].Share"] = "30",
            ["EffectiveFrom"] = today, ["ChangeNote"] = "Quyết định số 12/QĐ-UBND",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var workflow = (await app.CreateClient().GetJsonAsync($"/api/v1/procedures/{code}")).GetProperty("workflow").EnumerateArray().ToList();
        Assert.Equal(3, workflow.Count);
        Assert.Equal("000.00.02.H99", workflow[1].GetProperty("unitCode").GetString());
        Assert.Equal(0.5m, workflow[1].GetProperty("share").GetDecimal());
    }

    /// <summary>A parent's name asked only when the father is known; a birth date no later than today; an address from the tree.</summary>
    private static Dictionary<string, string> Design(string effectiveFrom, string? pattern = null) => new()
    {
        ["Fields[0].Label"] = "Họ và tên người yêu cầu", ["Fields[0].Kind"] = "Text", ["Fields[0].Required"] = "true", ["Fields[0].Pattern"] = pattern ?? "",
        ["Fields[1].Label"] = "Ngày sinh", ["Fields[1].Kind"] = "Date", ["Fields[1].Required"] = "true", ["Fields[1].DateLimit"] = "notAfterToday",
        ["Fields[2].Label"] = "Đã xác định được cha", ["Fields[2].Kind"] = "YesNo", ["Fields[2].Required"] = "true",
        ["Fields[3].Label"] = "Họ và tên người cha", ["Fields[3].Key"] = "hoTenCha", ["Fields[3].Kind"] = "Text", ["Fields[3].Required"] = "true",
        ["Fields[3].ShownWhenField"] = "daXacDinhDuocCha", ["Fields[3].ShownWhenValue"] = "Có",
        ["Fields[4].Label"] = "Nơi cư trú", ["Fields[4].Kind"] = "Address", ["Fields[4].Required"] = "true",
        ["EffectiveFrom"] = effectiveFrom, ["ChangeNote"] = "Biểu mẫu mới",
    };

    [Fact]
    public async Task The_admin_builds_an_e_form_whose_rules_the_portal_then_applies()
    {
        using var admin = app.Pages();
        await admin.SignInAsync("admin");
        var api = await app.ApiClientFor("admin");
        var code = await ImportNewAsync(api);

        var page = $"/quan-tri/danh-muc/{code}/bieu-mau";
        var today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var before = (await app.CreateClient().GetJsonAsync($"/api/v1/procedures/{code}")).GetProperty("formSchema").GetRawText();

        // A mistake in every part of the design: each is named on its field and nothing is published.
        using var wrong = await admin.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Fields[0].Label"] = "", ["Fields[0].Key"] = "ma so", ["Fields[0].Kind"] = "Text",
            ["Fields[1].Label"] = "Giới tính", ["Fields[1].Kind"] = "Choice", ["Fields[1].Choices"] = "Nam",
            ["Fields[2].Label"] = "Số lượng", ["Fields[2].Kind"] = "Number", ["Fields[2].Minimum"] = "mười", ["Fields[2].Maximum"] = "5",
            ["Fields[3].Label"] = "Lý do", ["Fields[3].Kind"] = "Text", ["Fields[3].ShownWhenField"] = "gioiTinh", ["Fields[3].ShownWhenValue"] = "Khác",
            ["EffectiveFrom"] = "2020-01-01",
        }, page + "?handler=Publish");
        var html = System.Net.WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Nhập nhãn của trường 1.", html, StringComparison.Ordinal);
        Assert.Contains("Mã của trường 1 gồm chữ cái không dấu", html, StringComparison.Ordinal);
        Assert.Contains("Trường 2 là lựa chọn: ghi ít nhất hai lựa chọn", html, StringComparison.Ordinal);
        Assert.Contains("Giá trị nhỏ nhất của trường 3 là một số", html, StringComparison.Ordinal);
        Assert.Contains("Trường 4 hiện khi “Giới tính” là: chọn một trong “Nam”.", html, StringComparison.Ordinal);
        Assert.Contains("Nhập ngày áp dụng từ hôm nay trở đi.", html, StringComparison.Ordinal);

        // A pattern no correctly filled sample can match: the form would turn everyone away, so it is not published.
        using var unusable = await admin.SubmitAsync(page, Design(today, pattern: "^[A-Z]{2}-[0-9]{9}$"), page + "?handler=Publish");
        Assert.Contains("Chưa xuất bản được: tờ khai mẫu điền đúng không qua được kiểm tra của chính biểu mẫu", System.Net.WebUtility.HtmlDecode(await unusable.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, (await app.CreateClient().GetJsonAsync($"/api/v1/procedures/{code}")).GetProperty("formSchema").GetRawText());

        // The live preview is the portal's own renderer: the father's name says when to fill it.
        using var preview = await admin.SubmitAsync(page, Design(today), page + "?handler=Live");
        var previewHtml = System.Net.WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Chỉ điền nếu “Đã xác định được cha” là “Có”.", previewHtml, StringComparison.Ordinal);
        Assert.Contains("xã Đông Hòa, tỉnh An Bình", previewHtml, StringComparison.Ordinal);

        using var published = await admin.SubmitAsync(page, Design(today), page + "?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var ui = (await app.CreateClient().GetJsonAsync($"/api/v1/procedures/{code}")).GetProperty("formUi");
        Assert.Equal("daXacDinhDuocCha", ui.GetProperty("shownWhen").GetProperty("hoTenCha").GetProperty("field").GetString());

        // The citizen's answers follow the rules: a hidden field is neither required nor kept; a shown one is required.
        var citizen = await app.ApiClientFor("citizen1");
        var ward = (await api.GetJsonAsync("/api/v1/admin/units")).EnumerateArray().First(u => u.GetProperty("code").GetString() == Ward).GetProperty("id").GetInt32();
        using (var fatherUnknown = await Applications.LifecycleApi.SubmitAsync(citizen, new
        {
            procedureCode = code, unitId = ward,
            form = new { hoVaTenNguoiYeuCau = "Lê Thị Hoa", ngaySinh = "2026-11-02", daXacDinhDuocCha = false, hoTenCha = "Lê Văn Ba", noiCuTru = "Thôn 1, xã An Lạc, tỉnh An Bình" },
        }))
        {
            var created = await fatherUnknown.ReadJsonAsync();
            Assert.True(fatherUnknown.StatusCode == HttpStatusCode.Created, created.ToString());
            var stored = await citizen.GetJsonAsync($"/api/v1/applications/{created.GetProperty("code").GetString()}");
            Assert.False(stored.GetProperty("form").TryGetProperty("hoTenCha", out _));
        }

        using var fatherKnown = await Applications.LifecycleApi.SubmitAsync(citizen, new
        {
            procedureCode = code, unitId = ward,
            form = new { hoVaTenNguoiYeuCau = "Lê Thị Hoa", ngaySinh = "2030-01-01", daXacDinhDuocCha = true, noiCuTru = "Thôn 1, xã An Lạc, tỉnh An Bình" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, fatherKnown.StatusCode);
        var problem = (await fatherKnown.ReadJsonAsync()).GetProperty("errors");
        Assert.Equal("Nhập họ và tên người cha.", problem.GetProperty("form.hoTenCha")[0].GetString());
        Assert.StartsWith("Ngày sinh không thể sau ngày hôm nay", problem.GetProperty("form.ngaySinh")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_teaches_search_a_word_citizens_type_and_can_take_it_back()
    {
        using var admin = app.Pages();
        await admin.SignInAsync("admin");
        const string page = "/quan-tri/tu-dong-nghia";
        var term = $"tlht{Random.Shared.Next(10_000, 99_999)}";
        var anyone = app.CreateClient();
        string? First(System.Text.Json.JsonElement found) => found.GetProperty("items").GetArrayLength() == 0 ? null : found.GetProperty("items")[0].GetProperty("name").GetString();

        using var wrong = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Term"] = " ", ["Meaning"] = "" }, page + "?handler=Add");
        var html = System.Net.WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Nhập từ người dân hay gõ", html, StringComparison.Ordinal);
        Assert.Contains("Nhập từ trong tên thủ tục", html, StringComparison.Ordinal);
        using var twice = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Term"] = "CCCD", ["Meaning"] = "căn cước" }, page + "?handler=Add");
        Assert.Contains("“CCCD” đã có trong danh sách", System.Net.WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var added = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Term"] = term, ["Meaning"] = "trích lục hộ tịch" }, page + "?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh", First(await anyone.GetJsonAsync($"/api/v1/procedures?q={term}")));

        var (_, list) = await admin.GetAsync(page);
        var id = System.Text.RegularExpressions.Regex.Match(list, $"<td data-label=\"Người dân gõ\">{term}</td>.*?name=\"id\" value=\"(\\d+)\"", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        using var removed = await admin.SubmitAsync(page, new Dictionary<string, string> { ["id"] = id }, page + "?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(First(await anyone.GetJsonAsync($"/api/v1/procedures?q={term}")));

        var audit = await (await app.ApiClientFor("admin")).GetJsonAsync("/api/v1/admin/audit?action=catalog.synonym");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "catalog.synonym.add" && e.GetProperty("entity").GetString() == $"synonym:{term}");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "catalog.synonym.remove");
    }

    [Fact]
    public async Task A_file_that_is_not_a_catalog_is_refused_on_the_page()
    {
        using var admin = app.Pages();
        await admin.SignInAsync("admin");
        using var check = await admin.SubmitWithFileAsync("/quan-tri/danh-muc", new Dictionary<string, string>(), "file", "anh.json",
            Encoding.UTF8.GetBytes("{\"procedures\": 5}"), "application/json", "/quan-tri/danh-muc?handler=Check");
        var html = await check.Content.ReadAsStringAsync();
        Assert.Contains("không đúng kiểu", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"pending\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officers_who_are_not_the_province_admin_do_not_reach_the_catalog_or_the_audit()
    {
        using var reception = app.Pages();
        await reception.SignInAsync("reception1");
        foreach (var path in new[] { "/quan-tri/danh-muc", "/quan-tri/danh-muc/1.001193", "/quan-tri/danh-muc/1.001193/bieu-mau", "/quan-tri/tu-dong-nghia", "/quan-tri/du-lieu-quoc-gia", "/quan-tri/don-vi/1", "/quan-tri/nhat-ky" })
        {
            var (status, _) = await reception.GetAsync(path);
            Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{path}: {status}");
            Assert.NotEqual(HttpStatusCode.OK, status);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CatalogAdminPageOnSqlite(SqliteApp app) : CatalogAdminPageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CatalogAdminPageOnPostgres(PostgresApp app) : CatalogAdminPageTests(app);
