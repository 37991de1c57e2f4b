using System.Net;
using System.Text.RegularExpressions;
using MotCua.IntegrationTests.Infrastructure;

namespace MotCua.IntegrationTests.Modules.Identity;

/// <summary>
/// Sign-in with the national identity through the real OpenID Connect handler (authorization code with PKCE) against
/// the simulated provider on loopback: the first sign-in makes or links the citizen account by identity number, the
/// session knows the identity is verified, and a local registration of a linked number is refused.
/// </summary>
public abstract partial class NationalSignInTests(MotCuaApp app)
{
    /// <summary>Walks the redirects a browser would: to the provider, picking <paramref name="identityNumber"/> there, and back.</summary>
    private static async Task<string> SignInThroughVneidAsync(PageClient pages, string identityNumber, string? returnUrl = null)
    {
        using var start = await pages.Http.GetAsync(new Uri("/dang-nhap/vneid" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.Contains("code_challenge_method=S256", authorize.Query, StringComparison.Ordinal);

        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var html = await provider.GetStringAsync(authorize);
        Assert.Contains("Đăng nhập bằng tài khoản định danh điện tử", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var fields = HiddenField().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["so_dinh_danh"] = identityNumber;
        using var chosen = await provider.PostAsync(new Uri(authorize, "authorize"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

        // Back at MotCua: the handler redeems the code with the verifier, then the account is found or made.
        using var callback = await pages.Http.GetAsync(new Uri(chosen.Headers.Location!.PathAndQuery, UriKind.Relative));
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, await callback.Content.ReadAsStringAsync());
        using var done = await pages.Http.GetAsync(new Uri(callback.Headers.Location!.OriginalString, UriKind.RelativeOrAbsolute).IsAbsoluteUri
            ? new Uri(callback.Headers.Location.PathAndQuery, UriKind.Relative) : callback.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        return done.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task The_first_sign_in_makes_the_citizen_account_and_the_session_is_verified()
    {
        var number = $"0010{Random.Shared.Next(10_000_000, 99_999_999)}";
        app.NationalPortal.Identity.Add(new MotCua.Simulators.Identity.NationalPerson(number, "Hà Thị Vân", "1992-04-30", "0987000111"));
        using var pages = app.Pages();
        Assert.Equal("/tai-khoan", await SignInThroughVneidAsync(pages, number));
        var (_, account) = await pages.GetAsync("/tai-khoan");
        Assert.Contains("Hà Thị Vân", WebUtility.HtmlDecode(account), StringComparison.Ordinal);

        // Signed out and in again: the same account, not a second one.
        using var second = app.Pages();
        Assert.Equal("/nop-ho-so/1.001193", await SignInThroughVneidAsync(second, number, "/nop-ho-so/1.001193"));

        // The applicant page knows the identity is verified: the identity card is not asked for, the form is filled.
        var person = new MotCua.Simulators.Identity.NationalPerson(number, "Hà Thị Vân", "1992-04-30", "0987000111");
        app.NationalPortal.Data.AddPerson(person.IdentityNumber, person.FullName, person.BirthDate, "Nữ", "Số 5 đường Hai Bà Trưng, phường An Phú, tỉnh An Bình");
        var (status, form) = await second.GetAsync("/nop-ho-so/1.001193");
        Assert.Equal(HttpStatusCode.OK, status);
        form = WebUtility.HtmlDecode(form);
        Assert.Contains("Không phải nộp: cơ quan lấy thông tin từ Cơ sở dữ liệu quốc gia về dân cư (Bộ Công an).", form, StringComparison.Ordinal);
        Assert.Contains("đã được điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư", form, StringComparison.Ordinal);
        Assert.Matches($"name=\"form.soDinhDanhMe\"[^>]*value=\"{number}\"", form);
    }

    [Fact]
    public async Task An_existing_citizen_is_linked_and_a_linked_number_cannot_be_registered_again()
    {
        using var pages = app.Pages();
        // citizen2 (Trần Thị Bình, 001190000002) has a password account: the national identity links to it.
        Assert.Equal("/tai-khoan", await SignInThroughVneidAsync(pages, "001190000002"));
        var (_, account) = await pages.GetAsync("/tai-khoan");
        Assert.Contains("Trần Thị Bình", WebUtility.HtmlDecode(account), StringComparison.Ordinal);

        using var stranger = app.Pages();
        using var refused = await stranger.SubmitAsync("/dang-ky", new Dictionary<string, string>
        {
            ["FullName"] = "Trần Thị Bình", ["IdentityNumber"] = "001190000002", ["BirthDate"] = "02/07/1990", ["Phone"] = "0912000002",
            ["Email"] = "", ["Password"] = "Binh@2026!", ["ConfirmPassword"] = "Binh@2026!",
        });
        Assert.Contains("đã gắn với tài khoản định danh điện tử (VNeID). Hãy đăng nhập bằng VNeID.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Her password still signs her in; a password session is not a verified one.
        using var password = app.Pages();
        await password.SignInAsync("citizen2");
        var (_, form) = await password.GetAsync("/nop-ho-so/1.001193");
        Assert.DoesNotContain("Không phải nộp: cơ quan lấy thông tin", WebUtility.HtmlDecode(form), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_the_provider_does_not_complete_comes_back_to_a_clear_message()
    {
        using var pages = app.Pages();
        using var forged = await pages.Http.GetAsync(new Uri("/dang-nhap/vneid/callback?code=forged&state=forged", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal("/dang-nhap?vneid=that-bai", forged.Headers.Location!.OriginalString);
        var (_, login) = await pages.GetAsync("/dang-nhap?vneid=that-bai");
        Assert.Contains("Chưa đăng nhập được bằng VNeID", WebUtility.HtmlDecode(login), StringComparison.Ordinal);
        // Straight to the last step, without the provider: nobody is signed in.
        using var skipped = await pages.Http.GetAsync(new Uri("/dang-nhap/vneid/xong?returnUrl=%2Ftai-khoan", UriKind.Relative));
        Assert.Equal("/dang-nhap?vneid=that-bai", skipped.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();
}

[Collection(SqliteCollection.Name)]
public sealed class NationalSignInOnSqlite(SqliteApp app) : NationalSignInTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NationalSignInOnPostgres(PostgresApp app) : NationalSignInTests(app);
