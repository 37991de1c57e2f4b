using System.Net;
using System.Text.RegularExpressions;
using MotCua.IntegrationTests.Infrastructure;

namespace MotCua.IntegrationTests.Modules.Calendar;

/// <summary>
/// The province admin's calendar page. Edits use 2030, a year no seed or other test depends on, and each test
/// removes what it adds.
/// </summary>
public abstract partial class CalendarAdminPageTests(MotCuaApp app)
{
    private const string Page = "/quan-tri/lich-lam-viec";

    [Fact]
    public async Task Signing_in_is_needed()
    {
        using var pages = app.Pages();
        using var response = await pages.Http.GetAsync(new Uri(Page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dang-nhap", response.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_can_neither_see_nor_change_the_calendar()
    {
        using var pages = await SignedInAsync("citizen1");
        using var response = await pages.Http.GetAsync(new Uri(Page, UriKind.Relative));
        AssertRefused(response);

        var (_, account) = await pages.GetAsync("/tai-khoan");
        Assert.DoesNotContain(Page, account, StringComparison.Ordinal);

        // A valid anti-forgery token of the citizen's own session does not open the handler either.
        var token = Regex.Match(account, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Date"] = "05/01/2030",
            ["Kind"] = "MakeUpWorkingDay",
            ["Name"] = "Làm bù trái phép",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        });
        using var post = await pages.Http.PostAsync(new Uri($"{Page}?handler=Add&year=2030", UriKind.Relative), form);
        AssertRefused(post);
        var due = await app.CreateClient().GetJsonAsync(ExpectedDate("2030-01-05T09:00:00+07:00"));
        Assert.Equal("2030-01-07T08:00:00+07:00", due.GetProperty("receivedAt").GetString());

        static void AssertRefused(HttpResponseMessage response) => Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/loi/403", StringComparison.Ordinal)),
            $"{response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task The_admin_finds_the_page_from_the_account_page_and_sees_the_2026_days()
    {
        using var pages = await SignedInAsync("admin");
        var (_, account) = await pages.GetAsync("/tai-khoan");
        Assert.Contains($"href=\"{Page}\"", account, StringComparison.Ordinal);

        var (status, html) = await pages.GetAsync($"{Page}?year=2026");
        Assert.Equal(HttpStatusCode.OK, status);
        html = WebUtility.HtmlDecode(html);
        Assert.Contains("Lịch làm việc năm 2026", html, StringComparison.Ordinal);
        Assert.Contains("Thứ Hai, 16/02/2026", html, StringComparison.Ordinal);
        Assert.Contains("Tết Nguyên Đán", html, StringComparison.Ordinal);
        Assert.Contains("Thứ Bảy, 22/08/2026", html, StringComparison.Ordinal);
        Assert.Contains("Ngày làm việc bù", html, StringComparison.Ordinal);
        Assert.Equal(13, Rows(html, 2026));
        Assert.DoesNotContain("24/11/2026", html, StringComparison.Ordinal);

        var (_, next) = await pages.GetAsync($"{Page}?year=2027");
        Assert.Contains("Tết Nguyên Đán (dự kiến)", WebUtility.HtmlDecode(next), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_make_up_working_day_added_by_the_admin_changes_the_expected_date()
    {
        const string saturday = "2030-01-05T09:00:00+07:00";
        var api = app.CreateClient();
        var before = await api.GetJsonAsync(ExpectedDate(saturday));
        Assert.Equal("2030-01-07T08:00:00+07:00", before.GetProperty("receivedAt").GetString());

        using var pages = await SignedInAsync("admin");
        using (var added = await AddAsync(pages, "05/01/2030", "MakeUpWorkingDay", "Làm việc bù thử nghiệm"))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        try
        {
            var (_, html) = await pages.GetAsync($"{Page}?year=2030");
            html = WebUtility.HtmlDecode(html);
            Assert.Contains("Đã thêm ngày làm việc bù thứ Bảy, 05/01/2030", html, StringComparison.Ordinal);
            Assert.Contains("Thứ Bảy, 05/01/2030", html, StringComparison.Ordinal);

            var after = await api.GetJsonAsync(ExpectedDate(saturday));
            Assert.Equal(saturday, after.GetProperty("receivedAt").GetString());
            Assert.Equal("2030-01-07T09:00:00+07:00", after.GetProperty("dueAt").GetString());

            // The change is in the audit trail, with who made it.
            var audit = await (await app.ApiClientFor("admin")).GetJsonAsync("/api/v1/admin/audit?actor=admin");
            Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "calendar.add-day"
                && e.GetProperty("entity").GetString() == "calendar-day:2030-01-05" && e.GetProperty("after").GetString()!.Contains("Làm việc bù thử nghiệm", StringComparison.Ordinal));
        }
        finally
        {
            await RemoveAsync(pages, "2030-01-05");
        }

        var restored = await api.GetJsonAsync(ExpectedDate(saturday));
        Assert.Equal("2030-01-07T08:00:00+07:00", restored.GetProperty("receivedAt").GetString());
    }

    [Fact]
    public async Task A_holiday_added_by_the_admin_pushes_the_due_date_and_its_removal_brings_it_back()
    {
        const string tuesday = "2030-01-08T09:00:00+07:00";
        var api = app.CreateClient();
        Assert.Equal("2030-01-09T09:00:00+07:00", (await api.GetJsonAsync(ExpectedDate(tuesday))).GetProperty("dueAt").GetString());

        using var pages = await SignedInAsync("admin");
        using (var added = await AddAsync(pages, "2030-01-09", "Holiday", "Ngày nghỉ thử nghiệm"))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        try
        {
            Assert.Equal("2030-01-10T09:00:00+07:00", (await api.GetJsonAsync(ExpectedDate(tuesday))).GetProperty("dueAt").GetString());
        }
        finally
        {
            var (_, html) = await RemoveAsync(pages, "2030-01-09");
            Assert.Contains("Đã xóa ngày nghỉ thứ Tư, 09/01/2030", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }

        Assert.Equal("2030-01-09T09:00:00+07:00", (await api.GetJsonAsync(ExpectedDate(tuesday))).GetProperty("dueAt").GetString());
    }

    [Theory]
    [InlineData("31/02/2030", "Holiday", "Ngày thử", "Date", "Ngày không đúng. Nhập theo dạng ngày/tháng/năm")]
    [InlineData("", "Holiday", "Ngày thử", "Date", "Nhập ngày")]
    [InlineData("hôm nay", "Holiday", "Ngày thử", "Date", "Ngày không đúng")]
    [InlineData("2030-01-05", "Holiday", "Ngày thử", "Date", "hãy thêm ngày nghỉ bù đó")]
    [InlineData("07/01/2030", "MakeUpWorkingDay", "Ngày thử", "Date", "Ngày làm việc bù phải là thứ Bảy hoặc Chủ nhật")]
    [InlineData("07/01/2030", "", "Ngày thử", "Kind", "Chọn loại ngày")]
    [InlineData("07/01/2030", "Holiday", " ", "Name", "Nhập tên ngày")]
    public async Task A_bad_day_is_explained_beside_its_field_and_changes_nothing(string date, string kind, string name, string field, string message)
    {
        using var pages = await SignedInAsync("admin");
        var (_, before) = await pages.GetAsync($"{Page}?year=2030");

        using var response = await AddAsync(pages, date, kind, name);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng kiểm tra lại", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#{field}\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);

        var (_, after) = await pages.GetAsync($"{Page}?year=2030");
        Assert.Equal(Rows(before, 2030), Rows(after, 2030));
        var due = await app.CreateClient().GetJsonAsync(ExpectedDate("2030-01-07T09:00:00+07:00"));
        Assert.Equal("2030-01-08T09:00:00+07:00", due.GetProperty("dueAt").GetString());
    }

    [Fact]
    public async Task The_same_date_cannot_be_added_twice()
    {
        using var pages = await SignedInAsync("admin");
        using (var first = await AddAsync(pages, "14/01/2030", "Holiday", "Ngày nghỉ thử nghiệm"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        try
        {
            using var second = await AddAsync(pages, "2030-01-14", "Holiday", "Ngày nghỉ khác");
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            var html = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
            Assert.Contains("Ngày 14/01/2030 đã có trong lịch", html, StringComparison.Ordinal);
            var (_, list) = await pages.GetAsync($"{Page}?year=2030");
            Assert.Equal(1, Regex.Count(list, "id=\"ngay-2030-01-14\""));
        }
        finally
        {
            await RemoveAsync(pages, "2030-01-14");
        }
    }

    [Fact]
    public async Task Removing_needs_the_anti_forgery_token()
    {
        using var pages = await SignedInAsync("admin");
        var (_, html) = await pages.GetAsync($"{Page}?year=2026");
        var id = RowId(html, "2026-01-01");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id });
        using var response = await pages.Http.PostAsync(new Uri($"{Page}?handler=Remove&year=2026", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (_, still) = await pages.GetAsync($"{Page}?year=2026");
        Assert.Contains("id=\"ngay-2026-01-01\"", still, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_working_hours_are_explained_and_not_saved()
    {
        using var pages = await SignedInAsync("admin");
        using var response = await SaveHoursAsync(pages, "08:00", "07:00", "13:00", "17:00", "15:00");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("href=\"#MorningEnd\"", html, StringComparison.Ordinal);
        Assert.Contains("Giờ kết thúc buổi sáng phải sau giờ bắt đầu buổi sáng.", html, StringComparison.Ordinal);

        using var notATime = await SaveHoursAsync(pages, "08:00", "12:00", "13:00", "17:00", "ba giờ");
        Assert.Contains("href=\"#TransferCutoff\"", await notATime.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var notEight = await SaveHoursAsync(pages, "08:00", "12:00", "13:00", "16:00", "15:00");
        Assert.Contains("phải bằng 8 giờ (hiện là 7 giờ)", WebUtility.HtmlDecode(await notEight.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var due = await app.CreateClient().GetJsonAsync(ExpectedDate("2030-01-08T07:45:00+07:00"));
        Assert.Equal("2030-01-08T08:00:00+07:00", due.GetProperty("receivedAt").GetString());
    }

    [Fact]
    public async Task New_working_hours_apply_to_expected_dates_at_once()
    {
        using var pages = await SignedInAsync("admin");
        using (var saved = await SaveHoursAsync(pages, "7:30", "11:30", "13:30", "17:30", "15:00"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        try
        {
            var due = await app.CreateClient().GetJsonAsync(ExpectedDate("2030-01-08T07:45:00+07:00"));
            Assert.Equal("2030-01-08T07:45:00+07:00", due.GetProperty("receivedAt").GetString());
            Assert.Equal("2030-01-09T07:45:00+07:00", due.GetProperty("dueAt").GetString());
            var (_, html) = await pages.GetAsync(Page);
            Assert.Contains("buổi sáng 07:30–11:30, buổi chiều 13:30–17:30", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }
        finally
        {
            using var restored = await SaveHoursAsync(pages, "08:00", "12:00", "13:00", "17:00", "15:00");
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }
    }

    private static string ExpectedDate(string submittedAt) =>
        $"/api/v1/procedures/1.001193/expected-date?submittedAt={Uri.EscapeDataString(submittedAt)}";

    private async Task<PageClient> SignedInAsync(string userName)
    {
        var pages = app.Pages();
        using var login = await pages.SubmitAsync("/dang-nhap", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = MotCuaApp.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return pages;
    }

    private static Task<HttpResponseMessage> AddAsync(PageClient pages, string date, string kind, string name) =>
        pages.SubmitAsync($"{Page}?year=2030&handler=Add", new Dictionary<string, string> { ["Date"] = date, ["Kind"] = kind, ["Name"] = name });

    private static Task<HttpResponseMessage> SaveHoursAsync(PageClient pages, string morningStart, string morningEnd, string afternoonStart, string afternoonEnd, string cutoff) =>
        pages.SubmitAsync($"{Page}?year=2030&handler=Hours", new Dictionary<string, string>
        {
            ["MorningStart"] = morningStart,
            ["MorningEnd"] = morningEnd,
            ["AfternoonStart"] = afternoonStart,
            ["AfternoonEnd"] = afternoonEnd,
            ["TransferCutoff"] = cutoff,
        });

    /// <summary>Presses "Xóa" on the row of the date and returns the page the admin lands on.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> RemoveAsync(PageClient pages, string isoDate)
    {
        var year = isoDate[..4];
        var (_, html) = await pages.GetAsync($"{Page}?year={year}");
        var id = RowId(html, isoDate);

        // "Xóa" asks first, on its own; nothing is removed until the admin confirms.
        var (_, asked) = await pages.GetAsync($"{Page}?handler=ConfirmRemove&id={id}&year={year}");
        Assert.Contains("khỏi lịch?", WebUtility.HtmlDecode(asked), StringComparison.Ordinal);
        Assert.Contains($"id=\"ngay-{isoDate}\"", asked, StringComparison.Ordinal);
        using var response = await pages.SubmitAsync($"{Page}?year={year}&handler=Remove", new Dictionary<string, string> { ["id"] = id });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var landed = await pages.GetAsync(response.Headers.Location!.OriginalString);
        Assert.DoesNotContain($"id=\"ngay-{isoDate}\"", landed.Html, StringComparison.Ordinal);
        return landed;
    }

    private static string RowId(string html, string isoDate)
    {
        var match = Regex.Match(html, $"id=\"ngay-{isoDate}\".*?handler=ConfirmRemove&amp;id=(\\d+)", RegexOptions.Singleline);
        Assert.True(match.Success, $"No row for {isoDate}.");
        return match.Groups[1].Value;
    }

    private static int Rows(string html, int year) => Regex.Count(html, $"<tr id=\"ngay-{year}-");
}

[Collection(SqliteCollection.Name)]
public sealed class CalendarAdminPageOnSqlite(SqliteApp app) : CalendarAdminPageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CalendarAdminPageOnPostgres(PostgresApp app) : CalendarAdminPageTests(app);
