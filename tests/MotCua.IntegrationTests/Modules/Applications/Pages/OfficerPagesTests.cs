using System.Text.RegularExpressions;
using System.Net;
using System.Text.Json;
using MotCua.IntegrationTests.Infrastructure;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Applications.Pages;

/// <summary>The officers' pages, signed in with the cookie through /dang-nhap, on the same rules as the API.</summary>
public abstract class OfficerPagesTests(MotCuaApp app)
{
    private const string ApproveStep = "Lãnh đạo UBND ký Giấy khai sinh";

    [Fact]
    public async Task A_file_goes_from_the_inbox_to_returned_through_the_pages()
    {
        var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"), "Lê Bảo Ngọc");
        var page = $"/can-bo/ho-so/{code}";

        using var reception = await SignedIn("reception1");
        var (inboxStatus, inbox) = await reception.GetAsync($"/can-bo/ho-so?q={code}");
        Assert.Equal(HttpStatusCode.OK, inboxStatus);
        Assert.Contains($"href=\"{page}\"", inbox, StringComparison.Ordinal);
        Assert.Contains("Đăng ký khai sinh", inbox, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", inbox, StringComparison.Ordinal);
        Assert.Contains("Chờ tiếp nhận", inbox, StringComparison.Ordinal);
        Assert.Contains("Thiếu giấy tờ", inbox, StringComparison.Ordinal);
        Assert.Matches(@"\d{2}:\d{2} \d{2}/\d{2}/\d{4}", inbox);
        Assert.Matches("urgency-tag urgency-(ok|soon)\">còn \\d+ (ngày|giờ)", inbox);
        Assert.Contains("data-label=\"Bước hiện tại\">Tiếp nhận, kiểm tra hồ sơ</td>", inbox, StringComparison.Ordinal);

        var (detailStatus, details) = await reception.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, detailStatus);
        Assert.Equal(["receive", "refuse", "request-supplement"], OfferedActions(details));
        Assert.Contains("001090000001", details, StringComparison.Ordinal);
        Assert.Contains("Họ, chữ đệm và tên của trẻ", details, StringComparison.Ordinal);
        Assert.Contains("Lê Bảo Ngọc", details, StringComparison.Ordinal);
        Assert.Contains("20/11/2026", details, StringComparison.Ordinal);
        // What was filed is read before anything is done to it.
        Assert.True(details.IndexOf("id=\"to-khai\"", StringComparison.Ordinal) < details.IndexOf("id=\"thao-tac\"", StringComparison.Ordinal));
        Assert.True(details.IndexOf("id=\"giay-to\"", StringComparison.Ordinal) < details.IndexOf("id=\"thao-tac\"", StringComparison.Ordinal));

        using (var received = await reception.SubmitAsync(page, new Dictionary<string, string>
        {
            ["act"] = "receive", ["note"] = "Đã nhận đủ hồ sơ", ["internalNote"] = "Đối chiếu bản chính khi trả",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
            Assert.Equal(page, received.Headers.Location?.OriginalString);
        }

        var (_, afterReceive) = await reception.GetAsync(page);
        Assert.Contains("Đã tiếp nhận hồ sơ; hồ sơ chuyển sang bước Công chức tư pháp", afterReceive, StringComparison.Ordinal);
        Assert.Contains("Đối chiếu bản chính khi trả", afterReceive, StringComparison.Ordinal);
        Assert.DoesNotContain("receive", OfferedActions(afterReceive));
        var (_, bannerGone) = await reception.GetAsync(page);
        Assert.DoesNotContain("Đã tiếp nhận hồ sơ;", bannerGone, StringComparison.Ordinal);

        using var specialist = await SignedIn("specialist1");
        var (_, specialistInbox) = await specialist.GetAsync($"/can-bo/ho-so?q={code}");
        Assert.Contains("data-label=\"Bước hiện tại\">Công chức tư pháp – hộ tịch kiểm tra, ghi Sổ đăng ký khai sinh</td>", specialistInbox, StringComparison.Ordinal);
        var (_, atSpecialist) = await specialist.GetAsync(page);
        Assert.Contains("forward", OfferedActions(atSpecialist));
        Assert.DoesNotContain("approve", OfferedActions(atSpecialist));
        using (var forwarded = await specialist.SubmitAsync(page, new Dictionary<string, string> { ["act"] = "forward", ["note"] = "Hồ sơ hợp lệ, trình ký" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);
        }

        Assert.Contains($"Đã chuyển hồ sơ sang bước {ApproveStep}.", (await specialist.GetAsync(page)).Html, StringComparison.Ordinal);

        using var leader = await SignedIn("leader1");
        var (_, atLeader) = await leader.GetAsync(page);
        Assert.Contains("approve", OfferedActions(atLeader));
        Assert.Contains("reject", OfferedActions(atLeader));
        Assert.DoesNotContain("forward", OfferedActions(atLeader));
        using (var approved = await leader.SubmitWithFileAsync(page, new Dictionary<string, string>
        {
            ["act"] = "approve", ["documentName"] = "Giấy khai sinh (bản điện tử)", ["note"] = "Đã ký",
        }, "file", "giay-khai-sinh.pdf", Pdf, "application/pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        Assert.Contains("Đã phê duyệt kết quả", (await leader.GetAsync(page)).Html, StringComparison.Ordinal);

        var (_, ready) = await reception.GetAsync(page);
        Assert.Contains("return-result", OfferedActions(ready));
        using (var returned = await reception.SubmitAsync(page, new Dictionary<string, string> { ["act"] = "return-result", ["returnMethod"] = "Desk" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        }

        var (_, done) = await reception.GetAsync(page);
        Assert.Contains("Đã trả kết quả (tại bộ phận một cửa).", done, StringComparison.Ordinal);
        Assert.Empty(OfferedActions(done));

        var view = await (await app.ApiClientFor("reception1")).GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal("Returned", view.GetProperty("status").GetString());
        Assert.Equal(["submit", "receive", "receive", "forward", "approve", "return-result"], view.GetProperty("history").Strings("action"));
        Assert.Equal("Đối chiếu bản chính khi trả", view.GetProperty("history")[1].GetProperty("internalNote").GetString());

        var result = view.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "Result");
        Assert.Equal("Giấy khai sinh (bản điện tử)", result.GetProperty("name").GetString());
        using var download = await reception.Http.GetAsync(new Uri($"{page}?handler=file&id={result.GetProperty("id").GetString()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        // Opened in the browser's viewer, still as its checked type and never sniffed into something else.
        Assert.Equal("inline", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        using var anonymous = app.Pages();
        var (trackStatus, tracking) = await anonymous.GetAsync($"/tra-cuu?code={code}");
        Assert.Equal(HttpStatusCode.OK, trackStatus);
        Assert.Contains("Đã trả kết quả", tracking, StringComparison.Ordinal);
        Assert.Contains("Đăng ký khai sinh", tracking, StringComparison.Ordinal);
        Assert.Contains("UBND phường An Phú", tracking, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", tracking, StringComparison.Ordinal);
        Assert.DoesNotContain("Lê Bảo Ngọc", tracking, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_gets_403_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"));
        using var citizen = await SignedIn("citizen1");
        foreach (var path in new[] { "/can-bo/ho-so", $"/can-bo/ho-so/{code}", "/can-bo/ho-so/moi" })
        {
            var (status, html) = await citizen.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("Bạn không có quyền xem trang này", html, StringComparison.Ordinal);
        }

        using var forged = await citizen.SubmitAsync("/tra-cuu", new Dictionary<string, string> { ["act"] = "receive" }, postTo: $"/can-bo/ho-so/{code}");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        using var anonymous = app.Pages();
        using var response = await anonymous.Http.GetAsync(new Uri("/can-bo/ho-so", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dang-nhap", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var view = await (await app.ApiClientFor("citizen1")).GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal("Submitted", view.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_refused_action_shows_the_reason_in_vietnamese_and_changes_nothing()
    {
        var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen2"));
        var page = $"/can-bo/ho-so/{code}";

        using var reception = await SignedIn("reception1");
        using (var noReason = await reception.SubmitAsync(page, new Dictionary<string, string> { ["act"] = "refuse", ["reason"] = "  ", ["legalBasis"] = "Luật Hộ tịch" }))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            var html = await noReason.Content.ReadAsStringAsync();
            Assert.Contains("Vui lòng kiểm tra lại", html, StringComparison.Ordinal);
            Assert.Contains("Nhập lý do từ chối tiếp nhận hồ sơ.", html, StringComparison.Ordinal);
            Assert.Contains("href=\"#refuse_reason\"", html, StringComparison.Ordinal);
            Assert.Contains("id=\"refuse_reason\"", html, StringComparison.Ordinal);
            Assert.Contains("value=\"Luật Hộ tịch\"", html, StringComparison.Ordinal);
        }

        using var specialist = await SignedIn("specialist1");
        Assert.Empty(OfferedActions((await specialist.GetAsync(page)).Html));
        using (var wrongRole = await specialist.SubmitAsync(page, new Dictionary<string, string> { ["act"] = "receive" }))
        {
            Assert.Equal(HttpStatusCode.OK, wrongRole.StatusCode);
            Assert.Contains("do cán bộ một cửa của đơn vị tiếp nhận thực hiện", await wrongRole.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var badDate = await reception.SubmitAsync(page, new Dictionary<string, string> { ["act"] = "apologize", ["newDueAt"] = "30/11/2026 16:00", ["reason"] = "Chờ xác minh" }))
        {
            Assert.Contains("Không thể “xin lỗi và hẹn lại ngày trả kết quả”", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var view = await (await app.ApiClientFor("citizen2")).GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal("Submitted", view.GetProperty("status").GetString());
        Assert.Equal(1, view.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task A_supplement_request_lists_one_missing_item_per_line()
    {
        var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"));
        var page = $"/can-bo/ho-so/{code}";
        using var reception = await SignedIn("reception1");
        var (_, html) = await reception.GetAsync(page);
        Assert.Contains($"{BirthCertificate}: chưa nộp", html, StringComparison.Ordinal);

        using (var asked = await reception.SubmitAsync(page, new Dictionary<string, string>
        {
            ["act"] = "request-supplement",
            ["items"] = $"{BirthCertificate}: bản chụp bị mờ\n\n{BirthDeclaration}: thiếu chữ ký\r\n",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        var view = await (await app.ApiClientFor("citizen1")).GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal("SupplementRequested", view.GetProperty("status").GetString());
        var items = view.GetProperty("supplementItems").EnumerateArray().Select(i => (i.GetProperty("name").GetString(), i.GetProperty("reason").GetString())).ToList();
        Assert.Equal([(BirthCertificate, "bản chụp bị mờ"), (BirthDeclaration, "thiếu chữ ký")], items);
        var (_, after) = await reception.GetAsync(page);
        Assert.Contains("tạm dừng tính hạn", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_desk_keys_in_a_counter_application_and_attaches_a_scan()
    {
        using var reception = await SignedIn("reception1");
        var (chooseStatus, choose) = await reception.GetAsync("/can-bo/ho-so/moi");
        Assert.Equal(HttpStatusCode.OK, chooseStatus);
        Assert.Contains($"<option value=\"{Birth}\">Đăng ký khai sinh", choose, StringComparison.Ordinal);

        var path = $"/can-bo/ho-so/moi?procedure={Birth}";
        var (formStatus, form) = await reception.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, formStatus);
        Assert.Contains("id=\"form_hoTenTre\" name=\"form.hoTenTre\" type=\"text\"", form, StringComparison.Ordinal);
        Assert.Contains("maxlength=\"100\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"form.ngaySinhTre\" type=\"text\"", form, StringComparison.Ordinal);
        Assert.Contains("Nhập theo dạng ngày/tháng/năm, ví dụ 20/11/2026.", form, StringComparison.Ordinal);
        Assert.Contains("<select id=\"form_quanHeVoiTre\"", form, StringComparison.Ordinal);
        Assert.Contains("type=\"radio\" name=\"form.gioiTinhTre\" value=\"Nữ\"", form, StringComparison.Ordinal);
        Assert.Contains("Theo Giấy chứng sinh.", form, StringComparison.Ordinal);
        var key = System.Text.RegularExpressions.Regex.Match(form, "name=\"key\" value=\"([0-9a-f]+)\"").Groups[1].Value;

        var fields = CounterForm(key, await WardIdAsync(app));
        using var created = await reception.SubmitAsync(path, fields, postTo: "/can-bo/ho-so/moi");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        Assert.Matches(@"^/can-bo/ho-so/000\.01\.00\.H99-\d{6}-\d{4}$", page);
        var code = page["/can-bo/ho-so/".Length..];

        using (var again = await reception.SubmitAsync(path, fields, postTo: "/can-bo/ho-so/moi"))
        {
            Assert.Equal(page, again.Headers.Location?.OriginalString); // the same key: a double click makes one file
        }

        var (_, details) = await reception.GetAsync(page);
        Assert.Contains($"Đã nhập hồ sơ {code}.", details, StringComparison.Ordinal);
        Assert.Contains("Trực tiếp", details, StringComparison.Ordinal);
        Assert.Contains("Đính kèm bản quét giấy tờ", details, StringComparison.Ordinal);
        Assert.Equal(["receive", "refuse", "request-supplement", "withdraw"], OfferedActions(details));

        using (var scanned = await reception.SubmitWithFileAsync(page, new Dictionary<string, string> { ["documentName"] = BirthCertificate },
            "file", "chung-sinh.pdf", Pdf, "application/pdf", postTo: $"{page}?handler=upload"))
        {
            Assert.Equal(HttpStatusCode.Redirect, scanned.StatusCode);
        }

        using (var notAFile = await reception.SubmitWithFileAsync(page, new Dictionary<string, string> { ["documentName"] = BirthDeclaration },
            "file", "to-khai.pdf", "xin chào"u8.ToArray(), "application/pdf", postTo: $"{page}?handler=upload"))
        {
            Assert.Equal(HttpStatusCode.OK, notAFile.StatusCode);
            Assert.Contains("Chỉ nhận tệp PDF, JPG hoặc PNG", await notAFile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var view = await (await app.ApiClientFor("reception1")).GetJsonAsync($"/api/v1/applications/{code}");
        Assert.Equal("Counter", view.GetProperty("channel").GetString());
        Assert.Equal("Submitted", view.GetProperty("status").GetString());
        Assert.Equal("Đỗ Thị Lan", view.GetProperty("applicantName").GetString());
        Assert.Equal("Đỗ Minh Châu", view.GetProperty("form").GetProperty("hoTenTre").GetString());
        Assert.Equal("2026-11-21", view.GetProperty("form").GetProperty("ngaySinhTre").GetString());
        Assert.False(view.GetProperty("form").TryGetProperty("hoTenCha", out _));
        var scan = Assert.Single(view.GetProperty("documents").EnumerateArray());
        Assert.True(scan.GetProperty("digitized").GetBoolean());
        Assert.Equal(BirthCertificate, scan.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Keying_in_with_mistakes_explains_each_field_and_creates_nothing()
    {
        using var reception = await SignedIn("reception1");
        var path = $"/can-bo/ho-so/moi?procedure={Birth}";
        var fields = CounterForm(Guid.NewGuid().ToString("N"), await WardIdAsync(app));
        fields["form.hoTenTre"] = "";
        fields["form.soDinhDanhMe"] = "12345";
        fields["applicant.phone"] = "12345";
        var before = (await (await app.ApiClientFor("reception1")).GetJsonAsync("/api/v1/applications?pageSize=1")).GetProperty("total").GetInt32();

        using var response = await reception.SubmitAsync(path, fields, postTo: "/can-bo/ho-so/moi");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng kiểm tra lại", html, StringComparison.Ordinal);
        Assert.Contains("Số điện thoại gồm 10 chữ số, bắt đầu bằng số 0.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#applicant_phone\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Đỗ Thị Lan\"", html, StringComparison.Ordinal);

        fields["applicant.phone"] = "0912345678";
        using var formErrors = await reception.SubmitAsync(path, fields, postTo: "/can-bo/ho-so/moi");
        var formHtml = await formErrors.Content.ReadAsStringAsync();
        Assert.Contains("Nhập họ, chữ đệm và tên của trẻ.", formHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#form_hoTenTre\"", formHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#form_soDinhDanhMe\"", formHtml, StringComparison.Ordinal);

        var after = (await (await app.ApiClientFor("reception1")).GetJsonAsync("/api/v1/applications?pageSize=1")).GetProperty("total").GetInt32();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Only_reception_keys_in_paper_applications()
    {
        using var specialist = await SignedIn("specialist1");
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync("/can-bo/ho-so/moi")).Status);
        var (_, inbox) = await specialist.GetAsync("/can-bo/ho-so");
        Assert.DoesNotContain("href=\"/can-bo/ho-so/moi\"", inbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inbox_filters_by_text_status_and_channel_and_lists_the_whole_unit_on_the_second_tab()
    {
        var first = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"), "Phan Gia Huy");
        var second = await SubmitBirthAsync(app, await app.ApiClientFor("citizen2"), "Vũ Khánh Linh");
        var reception = await app.ApiClientFor("reception1");
        await ActOkAsync(reception, second, new { action = "refuse", reason = "Không thuộc thẩm quyền" });

        using var pages = await SignedIn("reception1");
        var (_, byCode) = await pages.GetAsync($"/can-bo/ho-so?q={first}");
        Assert.Contains(first, byCode, StringComparison.Ordinal);
        Assert.Contains("<strong>1</strong> hồ sơ", byCode, StringComparison.Ordinal);

        var (_, byName) = await pages.GetAsync($"/can-bo/ho-so?scope=all&q={Uri.EscapeDataString("nguyễn văn an")}");
        Assert.Contains($"href=\"/can-bo/ho-so/{first}\"", byName, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/can-bo/ho-so/{second}\"", byName, StringComparison.Ordinal);

        var (_, refusedNotInInbox) = await pages.GetAsync($"/can-bo/ho-so?q={second}");
        Assert.DoesNotContain($"href=\"/can-bo/ho-so/{second}\"", refusedNotInInbox, StringComparison.Ordinal);
        var (_, all) = await pages.GetAsync($"/can-bo/ho-so?scope=all&q={second}");
        Assert.Contains($"href=\"/can-bo/ho-so/{second}\"", all, StringComparison.Ordinal);
        Assert.Contains("Không tiếp nhận", all, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Tất cả hồ sơ của đơn vị", all, StringComparison.Ordinal);

        var (_, counterOnly) = await pages.GetAsync($"/can-bo/ho-so?q={first}&channel=Counter");
        Assert.DoesNotContain($"href=\"/can-bo/ho-so/{first}\"", counterOnly, StringComparison.Ordinal);
        var (_, online) = await pages.GetAsync($"/can-bo/ho-so?q={first}&channel=OnlineRemote&procedure={Birth}");
        Assert.Contains($"href=\"/can-bo/ho-so/{first}\"", online, StringComparison.Ordinal);
        // The procedure filter lists what the ward handles, the chosen one selected, each once.
        Assert.Contains($"<option value=\"{Birth}\" selected>", online, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(online, $"<option value=\"{Regex.Escape(Birth)}\""));
        Assert.Contains($"<option value=\"{Birth}\">", counterOnly, StringComparison.Ordinal);

        var (status, nonsense) = await pages.GetAsync("/can-bo/ho-so?status=Bay&channel=9&page=-3");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Hồ sơ cần xử lý", nonsense, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_code_is_a_404_page_for_officers_and_a_plain_answer_on_tracking()
    {
        using var reception = await SignedIn("reception1");
        var (status, html) = await reception.GetAsync("/can-bo/ho-so/000.01.00.H99-000101-9999");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Không tìm thấy trang", html, StringComparison.Ordinal);

        using var anonymous = app.Pages();
        var (trackStatus, tracking) = await anonymous.GetAsync("/tra-cuu?code=000.01.00.H99-000101-9999");
        Assert.Equal(HttpStatusCode.OK, trackStatus);
        Assert.Contains("Không có hồ sơ mã <strong>000.01.00.H99-000101-9999</strong>", tracking, StringComparison.Ordinal);

        var (_, empty) = await anonymous.GetAsync("/tra-cuu");
        Assert.Contains("Tra cứu hồ sơ", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("Không có hồ sơ", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_header_links_tracking_for_everyone_and_the_inbox_for_officers()
    {
        using var anonymous = app.Pages();
        var (_, home) = await anonymous.GetAsync("/");
        Assert.Contains("<a href=\"/tra-cuu\">Tra cứu hồ sơ</a>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Hồ sơ cần xử lý", home, StringComparison.Ordinal);

        using var citizen = await SignedIn("citizen2");
        Assert.DoesNotContain("Hồ sơ cần xử lý", (await citizen.GetAsync("/")).Html, StringComparison.Ordinal);

        using var leader = await SignedIn("leader1");
        Assert.Contains("<a href=\"/can-bo/ho-so\">Hồ sơ cần xử lý</a>", (await leader.GetAsync("/")).Html, StringComparison.Ordinal);
    }

    /// <summary>The actions a page offers, in order: the hidden "act" of each action form.</summary>
    private static List<string> OfferedActions(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<input type=\"hidden\" name=\"act\" value=\"([a-z-]+)\">").Select(m => m.Groups[1].Value).ToList();

    private async Task<PageClient> SignedIn(string userName)
    {
        var pages = app.Pages();
        await pages.SignInAsync(userName);
        return pages;
    }

    private static Dictionary<string, string> CounterForm(string key, int unitId) => new()
    {
        ["procedure"] = Birth,
        ["key"] = key,
        ["unitId"] = unitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["channel"] = "Counter",
        ["applicant.name"] = "Đỗ Thị Lan",
        ["applicant.identityNumber"] = "001190000077",
        ["applicant.phone"] = "0912000077",
        ["applicant.address"] = "Số 3 ngõ 5 đường Quang Trung, phường An Phú",
        ["form.hoTenTre"] = "Đỗ Minh Châu",
        ["form.ngaySinhTre"] = "2026-11-21",
        ["form.gioiTinhTre"] = "Nữ",
        ["form.noiSinh"] = "Trạm Y tế phường An Phú, tỉnh An Bình",
        ["form.danToc"] = "Kinh",
        ["form.hoTenMe"] = "Đỗ Thị Lan",
        ["form.soDinhDanhMe"] = "001190000077",
        ["form.hoTenCha"] = "",
        ["form.quanHeVoiTre"] = "Mẹ",
        ["form.soDienThoai"] = "0912000077",
    };
}

[Collection(SqliteCollection.Name)]
public sealed class OfficerPagesOnSqlite(SqliteApp app) : OfficerPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OfficerPagesOnPostgres(PostgresApp app) : OfficerPagesTests(app);
