using System.Net;
using System.Text.RegularExpressions;
using MotCua.IntegrationTests.Infrastructure;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Applications;

public abstract partial class CitizenPageTests(MotCuaApp app)
{
    private async Task<PageClient> SignedInAsync(string user)
    {
        var pages = app.Pages();
        using var login = await pages.SubmitAsync("/dang-nhap", new Dictionary<string, string> { ["UserName"] = user, ["Password"] = MotCuaApp.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return pages;
    }

    private static async Task<HttpResponseMessage> PostSubmitAsync(
        PageClient pages, string html, int wardId, Action<MultipartFormDataContent>? adjust = null, bool withFiles = true, string path = "/nop-ho-so/1.001193", string child = "Nguyễn Minh Khôi")
    {
        var token = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(wardId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "UnitId" },
        };
        if (Key().Match(html) is { Success: true } key)
        {
            form.Add(new StringContent(WebUtility.HtmlDecode(key.Groups[1].Value)), "SubmissionKey");
        }

        var answers = new Dictionary<string, string>
        {
            ["hoTenTre"] = child, ["ngaySinhTre"] = "2026-11-20", ["gioiTinhTre"] = "Nam", ["noiSinh"] = "Trạm Y tế phường An Phú",
            ["danToc"] = "Kinh", ["hoTenMe"] = "Trần Thị Bình", ["quanHeVoiTre"] = "Mẹ", ["soDienThoai"] = "0912000001",
        };
        foreach (var (k, v) in answers)
        {
            form.Add(new StringContent(v), $"form.{k}");
        }

        if (withFiles)
        {
            form.Add(new ByteArrayContent(Pdf), "doc0", "to-khai.pdf");
            form.Add(new ByteArrayContent(Pdf), "doc1", "giay-chung-sinh.pdf");
        }

        adjust?.Invoke(form);
        return await pages.Http.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    [Fact]
    public async Task The_page_says_the_due_date_is_on_hold_during_a_supplement_and_leads_with_a_ready_result()
    {
        var citizen = await app.ApiClientFor("citizen1");
        var code = await SubmitBirthAsync(app, citizen, "Chờ Bổ Sung");
        await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });
        var specialist = await app.ApiClientFor("specialist1");
        await ActOkAsync(specialist, code, new { action = "request-supplement", items = new[] { new { name = "Giấy chứng sinh", reason = "Bản chụp mờ" } } });
        using var pages = await SignedInAsync("citizen1");
        var (_, paused) = await pages.GetAsync($"/ho-so/{code}");
        paused = WebUtility.HtmlDecode(paused);
        Assert.Contains("Đang tạm dừng từ", paused, StringComparison.Ordinal);
        Assert.Contains("Ngày hẹn mới được tính lại khi bạn gửi bổ sung", paused, StringComparison.Ordinal);

        await ActOkAsync(citizen, code, new { action = "supplement" });
        await ActOkAsync(specialist, code, new { action = "forward" });
        var leader = await app.ApiClientFor("leader1");
        using (var result = await AttachAsync(leader, code, "Giấy khai sinh (bản điện tử)", Pdf, "giay-khai-sinh.pdf", "Result")) { Assert.Equal(HttpStatusCode.Created, result.StatusCode); }
        await ActOkAsync(leader, code, new { action = "approve" });
        var (_, ready) = await pages.GetAsync($"/ho-so/{code}");
        ready = WebUtility.HtmlDecode(ready);
        var headline = ready.IndexOf("Đã có kết quả", StringComparison.Ordinal);
        Assert.True(headline > 0 && headline < ready.IndexOf("summary-list", StringComparison.Ordinal), "The result is the page's headline, before the summary.");
        Assert.Contains("Tải Giấy khai sinh (bản điện tử)", ready, StringComparison.Ordinal);
        Assert.DoesNotContain("Đang tạm dừng", ready, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_has_its_own_page_that_asks_why_and_history_shows_receiving_once()
    {
        var citizen = await app.ApiClientFor("citizen1");
        var code = await SubmitBirthAsync(app, citizen, "Rút Hồ Sơ");
        await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive", note = "Đã nhận đủ" });
        using var pages = await SignedInAsync("citizen1");
        var (_, details) = await pages.GetAsync($"/ho-so/{code}");
        details = WebUtility.HtmlDecode(details);
        Assert.Contains($"href=\"/ho-so/{code}/rut-ho-so\"", details, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(details, "<strong>Tiếp nhận hồ sơ</strong>"));

        // Received already, so withdrawing asks the office. The old button's post no longer withdraws: it leads to the page that asks why.
        using var straight = await pages.SubmitAsync($"/ho-so/{code}", new Dictionary<string, string> { ["action"] = "withdraw" });
        Assert.Equal($"/ho-so/{code}/rut-ho-so", straight.Headers.Location?.OriginalString);
        Assert.Equal("InProgress", (await citizen.GetJsonAsync($"/api/v1/applications/{code}")).GetProperty("status").GetString());

        var page = $"/ho-so/{code}/rut-ho-so";
        using var noReason = await pages.SubmitAsync(page, new Dictionary<string, string> { ["Reason"] = "  " });
        Assert.Contains("Cho biết lý do rút hồ sơ", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("InProgress", (await citizen.GetJsonAsync($"/api/v1/applications/{code}")).GetProperty("status").GetString());

        using var withdrawn = await pages.SubmitAsync(page, new Dictionary<string, string> { ["Reason"] = "Nộp nhầm thủ tục" });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var after = await citizen.GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal("WithdrawalRequested", after.GetProperty("status").GetString());
        Assert.Equal("Lý do rút hồ sơ: Nộp nhầm thủ tục", after.GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString());
        var (status, _) = await pages.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, status);
    }

    [Fact]
    public async Task A_citizen_fills_the_e_form_attaches_documents_and_sees_the_confirmation()
    {
        using var pages = await SignedInAsync("citizen1");
        var (status, html) = await pages.GetAsync("/nop-ho-so/1.001193");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Họ, chữ đệm và tên của trẻ", html, StringComparison.Ordinal);
        Assert.Contains("value=\"0912000001\"", html, StringComparison.Ordinal); // prefilled from the account
        Assert.Contains($"name=\"UnitId\" value=\"{await WardIdAsync(app)}\" checked", html, StringComparison.Ordinal); // the ward of the account's address

        using var response = await PostSubmitAsync(pages, html, await WardIdAsync(app));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var check = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/ho-so/000\.01\.00\.H99-\d{6}-\d{4}/kiem-tra$", check);

        // Nothing is sent until the applicant has seen it all once more.
        var (_, review) = await pages.GetAsync(check);
        review = WebUtility.HtmlDecode(review);
        Assert.Contains("Kiểm tra lại thông tin trước khi nộp", review, StringComparison.Ordinal);
        Assert.Contains("<dd>Nguyễn Minh Khôi</dd>", review, StringComparison.Ordinal);
        Assert.Contains("<dd>20/11/2026</dd>", review, StringComparison.Ordinal);
        Assert.Contains("giay-chung-sinh.pdf", review, StringComparison.Ordinal);
        Assert.Contains("?ho-so=", review, StringComparison.Ordinal);
        Assert.Contains("#form_ngaySinhTre\">Sửa", review, StringComparison.Ordinal);
        var draftCode = check[7..^9];
        Assert.Equal("Draft", (await (await app.ApiClientFor("citizen1")).GetJsonAsync($"/api/v1/applications/{draftCode}")).GetProperty("status").GetString());

        using var sent = await pages.SubmitAsync(check, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var location = sent.Headers.Location!.OriginalString;
        Assert.Equal($"/ho-so/{draftCode}?moi=1", location);
        var (_, confirmation) = await pages.GetAsync(location);
        Assert.Contains("Đã nộp hồ sơ", confirmation, StringComparison.Ordinal);
        Assert.Contains("Giấy chứng sinh do cơ sở y tế cấp", confirmation, StringComparison.Ordinal);
        var code = location[7..location.IndexOf('?', StringComparison.Ordinal)];
        var api = await (await app.ApiClientFor("citizen1")).GetJsonAsync($"/api/v1/applications/{code}");
        Assert.False(api.GetProperty("missingDocuments").GetBoolean());
        Assert.Equal(2, api.GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public async Task A_double_click_on_submit_makes_one_application()
    {
        using var pages = await SignedInAsync("citizen2");
        var (_, html) = await pages.GetAsync("/nop-ho-so/1.001193");
        var ward = await WardIdAsync(app);
        using var first = await PostSubmitAsync(pages, html, ward);
        using var second = await PostSubmitAsync(pages, html, ward);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
    }

    [Fact]
    public async Task Submitting_without_a_required_document_or_answer_explains_what_is_missing()
    {
        using var pages = await SignedInAsync("citizen1");
        var (_, html) = await pages.GetAsync("/nop-ho-so/1.001193");
        using var response = await PostSubmitAsync(pages, html, await WardIdAsync(app), withFiles: false);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng kiểm tra lại", page, StringComparison.Ordinal);
        Assert.Contains("Đính kèm giấy chứng sinh do cơ sở y tế cấp.", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#doc1\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_is_kept_and_submitted_later()
    {
        using var pages = await SignedInAsync("citizen1");
        var (_, html) = await pages.GetAsync("/nop-ho-so/1.001193");
        using var response = await PostSubmitAsync(pages, html, await WardIdAsync(app), f => f.Add(new StringContent("1"), "draft"), withFiles: false);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var path = response.Headers.Location!.OriginalString.Split('?')[0];
        var (_, draft) = await pages.GetAsync(path);
        Assert.Contains("Bản nháp", draft, StringComparison.Ordinal);

        using var submit = await pages.SubmitAsync(path, new Dictionary<string, string> { ["action"] = "submit" });
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var (_, after) = await pages.GetAsync(path);
        Assert.Contains("Chờ tiếp nhận", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_opens_again_to_change_its_answers_and_files_and_is_not_sent_while_a_document_is_missing()
    {
        using var pages = await SignedInAsync("citizen1");
        var ward = await WardIdAsync(app);
        var (_, html) = await pages.GetAsync("/nop-ho-so/1.001193");
        using var saved = await PostSubmitAsync(pages, html, ward, f => f.Add(new StringContent("1"), "draft"), withFiles: false, child: "Nguyễn Bản Nháp");
        var code = saved.Headers.Location!.OriginalString.Split('?')[0][7..];
        var (_, details) = await pages.GetAsync($"/ho-so/{code}");
        details = WebUtility.HtmlDecode(details);
        Assert.Contains($"href=\"/ho-so/{code}/kiem-tra\"", details, StringComparison.Ordinal);
        Assert.Contains("Thông tin đã khai", details, StringComparison.Ordinal);

        // Sending it as it is: the check page refuses while a required document is missing, and says which.
        var check = $"/ho-so/{code}/kiem-tra";
        using var early = await pages.SubmitAsync(check, new Dictionary<string, string>());
        var refused = WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Còn thiếu giấy tờ bắt buộc: Giấy chứng sinh do cơ sở y tế cấp", refused, StringComparison.Ordinal);
        var citizen = await app.ApiClientFor("citizen1");
        Assert.Equal("Draft", (await citizen.GetJsonAsync($"/api/v1/applications/{code}")).GetProperty("status").GetString());

        // The e-form opens on the draft with its answers; a change and the files go in; it stays a draft until sent.
        var edit = $"/nop-ho-so/1.001193?ho-so={Uri.EscapeDataString(code)}";
        var (status, form) = await pages.GetAsync(edit);
        Assert.Equal(HttpStatusCode.OK, status);
        form = WebUtility.HtmlDecode(form);
        Assert.Contains("Sửa bản nháp", form, StringComparison.Ordinal);
        Assert.Contains("value=\"Nguyễn Bản Nháp\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"20/11/2026\"", form, StringComparison.Ordinal); // dates read and typed as day/month/year
        using var changed = await PostSubmitAsync(pages, form, ward, path: edit, child: "Nguyễn Đã Sửa");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(check, changed.Headers.Location!.OriginalString);
        var (_, review) = await pages.GetAsync(check);
        review = WebUtility.HtmlDecode(review);
        Assert.Contains("<dd>Nguyễn Đã Sửa</dd>", review, StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa đính kèm (bắt buộc)", review, StringComparison.Ordinal);

        // Opening it again shows the files attached; replacing one keeps one file for that document.
        var (_, again) = await pages.GetAsync(edit);
        again = WebUtility.HtmlDecode(again);
        Assert.Contains("Đã đính kèm: <strong>giay-chung-sinh.pdf</strong>", again, StringComparison.Ordinal);
        using var replaced = await PostSubmitAsync(pages, again, ward, f => f.Add(new ByteArrayContent(Pdf), "doc1", "giay-chung-sinh-moi.pdf"), withFiles: false, path: edit, child: "Nguyễn Đã Sửa");
        Assert.Equal(check, replaced.Headers.Location!.OriginalString);
        var documents = (await citizen.GetJsonAsync($"/api/v1/applications/{code}")).GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("fileName").GetString()).ToList();
        Assert.Equal(2, documents.Count);
        Assert.Contains("giay-chung-sinh-moi.pdf", documents);

        using var sent = await pages.SubmitAsync(check, new Dictionary<string, string>());
        Assert.Equal($"/ho-so/{code}?moi=1", sent.Headers.Location?.OriginalString);
        var after = await citizen.GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal("Submitted", after.GetProperty("status").GetString());
        Assert.Equal("Nguyễn Đã Sửa", after.GetProperty("form").GetProperty("hoTenTre").GetString());

        // Sent: the e-form no longer opens on it.
        var (_, closed) = await pages.GetAsync(edit);
        Assert.DoesNotContain("Sửa bản nháp", WebUtility.HtmlDecode(closed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplement_can_ask_for_a_corrected_answer_and_the_citizen_corrects_it_on_the_page()
    {
        var citizen = await app.ApiClientFor("citizen1");
        var code = await SubmitBirthAsync(app, citizen, "Sửa Ngày Sinh");
        await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });
        using (var officer = app.Pages())
        {
            // The specialist ticks the answer to correct beside the documents to add, on the application's page.
            await officer.SignInAsync("specialist1");
            var (_, page) = await officer.GetAsync($"/can-bo/ho-so/{code}");
            Assert.Contains("name=\"fields\" value=\"ngaySinhTre\"", page, StringComparison.Ordinal);
            using var asking = await officer.SubmitAsync($"/can-bo/ho-so/{code}", new Dictionary<string, string>
            {
                ["act"] = "request-supplement", ["items"] = "Giấy chứng sinh: Bản chụp mờ", ["fields"] = "ngaySinhTre", ["FixReason"] = "Khác với giấy chứng sinh",
            });
            Assert.Equal(HttpStatusCode.Redirect, asking.StatusCode);
        }

        using var pages = await SignedInAsync("citizen1");
        var (_, asked) = await pages.GetAsync($"/ho-so/{code}");
        asked = WebUtility.HtmlDecode(asked);
        Assert.Contains("Sửa thông tin tờ khai", asked, StringComparison.Ordinal);
        Assert.Contains("<strong>Ngày, tháng, năm sinh của trẻ</strong> (thông tin trong tờ khai): Khác với giấy chứng sinh", asked, StringComparison.Ordinal);
        Assert.Contains("name=\"form.ngaySinhTre\" type=\"text\" value=\"20/11/2026\"", asked, StringComparison.Ordinal);

        // A date in the future is refused beside the field; nothing changes.
        using var wrong = await pages.SubmitAsync($"/ho-so/{code}", new Dictionary<string, string> { ["action"] = "supplement", ["form.ngaySinhTre"] = "01/01/2030" });
        var refused = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Thông tin sửa lại chưa hợp lệ", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"01/01/2030\"", refused, StringComparison.Ordinal);
        var still = await citizen.GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal("SupplementRequested", still.GetProperty("status").GetString());
        Assert.Equal("2026-11-20", still.GetProperty("form").GetProperty("ngaySinhTre").GetString());

        // Only the answers asked for may change, through the API as well.
        using var other = await ActAsync(citizen, code, new { action = "supplement", form = new { hoTenTre = "Người Khác" } });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);

        using var fixedIt = await pages.SubmitAsync($"/ho-so/{code}", new Dictionary<string, string> { ["action"] = "supplement", ["form.ngaySinhTre"] = "19/11/2026" });
        Assert.Equal(HttpStatusCode.Redirect, fixedIt.StatusCode);
        var after = await citizen.GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal("InProgress", after.GetProperty("status").GetString());
        Assert.Equal("2026-11-19", after.GetProperty("form").GetProperty("ngaySinhTre").GetString());
        Assert.Equal("Sửa Ngày Sinh", after.GetProperty("form").GetProperty("hoTenTre").GetString());
        Assert.StartsWith("Đã sửa tờ khai — Ngày, tháng, năm sinh của trẻ: 20/11/2026 → 19/11/2026.",
            after.GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_applications_lists_only_mine()
    {
        var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen2"), "Trần Khánh Linh");
        using var mine = await SignedInAsync("citizen2");
        Assert.Contains(code, (await mine.GetAsync("/ho-so")).Html, StringComparison.Ordinal);
        using var other = await SignedInAsync("citizen1");
        Assert.DoesNotContain(code, (await other.GetAsync("/ho-so")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/ho-so/{code}")).Status);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"SubmissionKey\" value=\"([^\"]+)\"")]
    private static partial Regex Key();
}

[Collection(SqliteCollection.Name)]
public sealed class CitizenPagesOnSqlite(SqliteApp app) : CitizenPageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CitizenPagesOnPostgres(PostgresApp app) : CitizenPageTests(app);
