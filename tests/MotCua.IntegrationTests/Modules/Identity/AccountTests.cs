using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MotCua.IntegrationTests.Infrastructure;

namespace MotCua.IntegrationTests.Modules.Identity;

public abstract partial class AccountTests(MotCuaApp app)
{
    private static int _sequence = Random.Shared.Next(100_000, 900_000);

    [Theory]
    [InlineData("citizen1", "Citizen", false)]
    [InlineData("citizen2", "Citizen", false)]
    [InlineData("business1", "Business", false)]
    [InlineData("reception1", "Reception", true)]
    [InlineData("specialist1", "Specialist", true)]
    [InlineData("leader1", "Leader", true)]
    [InlineData("admin", "ProvinceAdmin", true)]
    public async Task Each_demo_account_gets_a_token_and_sees_itself(string userName, string role, bool hasUnit)
    {
        var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = MotCuaApp.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.ReadJsonAsync();
        Assert.True(token.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(30));

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var me = await client.GetJsonAsync("/api/v1/me");
        Assert.Equal(userName, me.GetProperty("userName").GetString());
        Assert.False(string.IsNullOrWhiteSpace(me.GetProperty("fullName").GetString()));
        Assert.Equal([role], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(hasUnit, me.GetProperty("unitId").ValueKind == System.Text.Json.JsonValueKind.Number);
    }

    [Theory]
    [InlineData("reception1", "/can-bo/ho-so")]
    [InlineData("leader1", "/can-bo/ho-so")]
    [InlineData("citizen1", "/tai-khoan")]
    [InlineData("admin", "/tai-khoan")]
    public async Task Signing_in_lands_officers_on_their_inbox_and_others_on_their_account(string userName, string home)
    {
        using var pages = app.Pages();
        using var plain = await pages.SubmitAsync("/dang-nhap", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = MotCuaApp.DemoPassword });
        Assert.Equal(home, plain.Headers.Location?.OriginalString);

        using var again = app.Pages();
        using var back = await again.SubmitAsync("/dang-nhap?ReturnUrl=%2Fthu-tuc%2F1.001193", new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = MotCuaApp.DemoPassword, ["ReturnUrl"] = "/thu-tuc/1.001193",
        });
        Assert.Equal("/thu-tuc/1.001193", back.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_three_demo_officers_sit_at_the_same_unit()
    {
        var units = new List<int>();
        foreach (var officer in new[] { "reception1", "specialist1", "leader1" })
        {
            var me = await (await app.ApiClientFor(officer)).GetJsonAsync("/api/v1/me");
            units.Add(me.GetProperty("unitId").GetInt32());
        }

        Assert.Single(units.Distinct());
    }

    [Theory]
    [InlineData("citizen1", "sai-mat-khau")]
    [InlineData("khong-ton-tai", "MotCua@2026")]
    public async Task A_wrong_password_or_user_gets_a_401_problem_and_no_token(string userName, string password)
    {
        using var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", problem.GetProperty("detail").GetString());
        Assert.False(problem.TryGetProperty("accessToken", out _));
    }

    [Fact]
    public async Task A_missing_field_is_a_400_problem()
    {
        using var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = "citizen1" });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        using var response = await app.CreateClient().PostAsync(new Uri("/api/v1/auth/token", UriKind.Relative), content);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Me_needs_a_bearer_token()
    {
        using var anonymous = await app.CreateClient().GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);

        var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        using var response = await forged.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_cookie_does_not_open_the_api()
    {
        using var pages = app.Pages();
        using var login = await pages.SubmitAsync("/dang-nhap", new Dictionary<string, string> { ["UserName"] = "citizen2", ["Password"] = MotCuaApp.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var me = await pages.Http.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Registering_from_a_procedure_returns_to_its_e_form_and_never_to_another_site()
    {
        using var pages = app.Pages();
        var fields = Citizen(NextIdentityNumber());
        fields["ReturnUrl"] = "/nop-ho-so/1.001193";
        using var back = await pages.SubmitAsync("/dang-ky?ReturnUrl=%2Fnop-ho-so%2F1.001193", fields);
        Assert.Equal("/nop-ho-so/1.001193", back.Headers.Location?.OriginalString);

        using var elsewhere = app.Pages();
        var other = Citizen(NextIdentityNumber());
        other["ReturnUrl"] = "https://example.com/lua-dao";
        using var refused = await elsewhere.SubmitAsync("/dang-ky", other);
        Assert.Equal("/tai-khoan?moi=1", refused.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_citizen_registers_with_the_identity_number_and_signs_in_with_it()
    {
        var number = NextIdentityNumber();
        using var pages = app.Pages();
        using var response = await pages.SubmitAsync("/dang-ky", Citizen(number));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tai-khoan?moi=1", response.Headers.Location?.OriginalString);

        var (status, html) = await pages.GetAsync("/tai-khoan?moi=1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Đã tạo tài khoản", html, StringComparison.Ordinal);
        Assert.Contains("Võ Thị Hạnh", html, StringComparison.Ordinal);

        var me = await (await app.ApiClientFor(number, "Hanh@2026!")).GetJsonAsync("/api/v1/me");
        Assert.Equal(["Citizen"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Võ Thị Hạnh", me.GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task A_business_registers_with_its_tax_code()
    {
        var taxCode = $"0{NextSequence():D6}789";
        using var pages = app.Pages();
        using var response = await pages.SubmitAsync("/dang-ky/doanh-nghiep", new Dictionary<string, string>
        {
            ["CompanyName"] = "Công ty Cổ phần Nông sản Đông Sơn",
            ["TaxCode"] = taxCode,
            ["Representative"] = "Đặng Văn Long",
            ["Phone"] = "0243123456",
            ["Email"] = "lienhe@nongsandongson.vn",
            ["Password"] = "NongSan@2026",
            ["ConfirmPassword"] = "NongSan@2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var me = await (await app.ApiClientFor(taxCode, "NongSan@2026")).GetJsonAsync("/api/v1/me");
        Assert.Equal(["Business"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData("IdentityNumber", "12345", "Số định danh cá nhân gồm đúng 12 chữ số.")]
    [InlineData("IdentityNumber", "999190123456", "999 không phải mã tỉnh nào")]
    [InlineData("IdentityNumber", "079185123456", "không khớp với năm sinh 1990")]
    [InlineData("BirthDate", "31/02/1990", "Ngày sinh không đúng.")]
    [InlineData("BirthDate", "15/03/2999", "Ngày sinh không thể sau hôm nay.")]
    [InlineData("Phone", "12345", "Nhập số điện thoại gồm 10 chữ số, bắt đầu bằng số 0.")]
    [InlineData("Password", "matkhau", "Mật khẩu phải có ít nhất 8 ký tự.")]
    [InlineData("ConfirmPassword", "Khac@2026", "Hai lần nhập mật khẩu không giống nhau.")]
    [InlineData("FullName", "", "Nhập họ và tên.")]
    public async Task Bad_registration_input_is_explained_beside_the_field_and_creates_nothing(string field, string value, string message)
    {
        var number = NextIdentityNumber();
        var form = Citizen(number);
        form[field] = value;
        if (field == "Password")
        {
            form["ConfirmPassword"] = value;
        }

        using var pages = app.Pages();
        using var response = await pages.SubmitAsync("/dang-ky", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng kiểm tra lại", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#{field}\"", html, StringComparison.Ordinal);

        using var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = number, password = "Hanh@2026!" });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
    }

    [Fact]
    public async Task A_weak_password_is_reported_in_the_same_round_as_the_other_mistakes()
    {
        var form = Citizen(NextIdentityNumber());
        form["Phone"] = "09123";
        form["Password"] = form["ConfirmPassword"] = "matkhau";
        using var pages = app.Pages();
        using var response = await pages.SubmitAsync("/dang-ky", form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nhập số điện thoại gồm 10 chữ số, bắt đầu bằng số 0.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Password\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Phone\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracking_with_an_empty_box_says_what_to_type()
    {
        using var pages = app.Pages();
        var (_, html) = await pages.GetAsync("/tra-cuu?code=");
        Assert.Contains("Nhập mã hồ sơ in trên giấy tiếp nhận", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var (_, fresh) = await pages.GetAsync("/tra-cuu");
        Assert.DoesNotContain("Chưa có mã hồ sơ", WebUtility.HtmlDecode(fresh), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_identity_number_cannot_register_twice()
    {
        var number = NextIdentityNumber();
        using (var first = app.Pages())
        {
            using var created = await first.SubmitAsync("/dang-ky", Citizen(number));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        using var second = app.Pages();
        using var response = await second.SubmitAsync("/dang-ky", Citizen(number));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Số định danh cá nhân này đã có tài khoản", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_registrations_of_the_same_number_at_once_give_one_account_and_the_plain_message()
    {
        var number = NextIdentityNumber();
        var browsers = Enumerable.Range(0, 4).Select(_ => app.Pages()).ToList();
        try
        {
            // Each browser opens the form first, then all press "Tạo tài khoản" at the same moment.
            var forms = await Task.WhenAll(browsers.Select(async b =>
            {
                var (_, html) = await b.GetAsync("/dang-ky");
                return (Browser: b, Token: System.Net.WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value));
            }));
            var answers = await Task.WhenAll(forms.Select(async f =>
            {
                var fields = Citizen(number);
                fields["__RequestVerificationToken"] = f.Token;
                using var content = new FormUrlEncodedContent(fields);
                using var response = await f.Browser.Http.PostAsync(new Uri("/dang-ky", UriKind.Relative), content);
                return (response.StatusCode, Html: await response.Content.ReadAsStringAsync());
            }));

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
            Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Redirect), a =>
            {
                Assert.Equal(HttpStatusCode.OK, a.StatusCode);
                Assert.Contains("Số định danh cá nhân này đã có tài khoản", a.Html, StringComparison.Ordinal);
            });
        }
        finally
        {
            browsers.ForEach(b => b.Dispose());
        }
    }

    [Fact]
    public async Task Login_page_signs_in_and_shows_the_account()
    {
        using var pages = app.Pages();
        using var response = await pages.SubmitAsync("/dang-nhap", new Dictionary<string, string> { ["UserName"] = "leader1", ["Password"] = MotCuaApp.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, html) = await pages.GetAsync("/tai-khoan");
        Assert.Contains("Hoàng Văn Hải", html, StringComparison.Ordinal);
        Assert.Contains("Lãnh đạo", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_page_explains_a_wrong_password()
    {
        using var pages = app.Pages();
        using var response = await pages.SubmitAsync("/dang-nhap", new Dictionary<string, string> { ["UserName"] = "specialist1", ["Password"] = "sai" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_without_the_anti_forgery_token_is_refused()
    {
        using var pages = app.Pages();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "citizen1", ["Password"] = MotCuaApp.DemoPassword });
        using var response = await pages.Http.PostAsync(new Uri("/dang-nhap", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task The_account_page_needs_sign_in()
    {
        using var pages = app.Pages();
        using var response = await pages.Http.GetAsync(new Uri("/tai-khoan", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/dang-nhap", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex TokenField();

    private static int NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>Hồ Chí Minh (079), a woman born in the 20th century (1), in 1990 (90): consistent with <see cref="Citizen"/>'s birth date.</summary>
    private static string NextIdentityNumber() => $"079190{NextSequence():D6}";

    private static Dictionary<string, string> Citizen(string identityNumber) => new()
    {
        ["FullName"] = "Võ Thị Hạnh",
        ["IdentityNumber"] = identityNumber,
        ["BirthDate"] = "15/03/1990",
        ["Phone"] = "0987654321",
        ["Email"] = "",
        ["Password"] = "Hanh@2026!",
        ["ConfirmPassword"] = "Hanh@2026!",
    };
}

[Collection(SqliteCollection.Name)]
public sealed class AccountOnSqlite(SqliteApp app) : AccountTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccountOnPostgres(PostgresApp app) : AccountTests(app);
