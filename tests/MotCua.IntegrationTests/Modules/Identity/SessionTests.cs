using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Identity.Public;
using NodaTime;

namespace MotCua.IntegrationTests.Modules.Identity;

/// <summary>A cookie or token works only while its session is open: sign-out, a password change, locking and deleting end it.</summary>
public abstract class SessionTests(MotCuaApp app)
{
    private const string Password = "Phien@2026!";

    [Fact]
    public async Task Signing_out_ends_the_cookie_session_and_a_replayed_cookie_opens_nothing()
    {
        var userName = await NewCitizenAsync();
        using var browser = CookieJar.For(app);
        await browser.SignInAsync(userName, Password);
        var stolen = browser.Cookies["motcua.auth"];
        using (var account = await browser.GetAsync("/tai-khoan"))
        {
            Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        }

        using (var signOut = await browser.SubmitAsync("/tai-khoan", new Dictionary<string, string>(), postTo: "/dang-xuat"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        using var attacker = CookieJar.For(app);
        attacker.Set("motcua.auth", stolen);
        using var replayed = await attacker.GetAsync("/tai-khoan");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/dang-nhap", replayed.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_a_bearer_token_ends_it_at_once()
    {
        var userName = await NewCitizenAsync();
        var client = await app.ApiClientFor(userName, Password);
        await client.GetJsonAsync("/api/v1/me");
        using (var revoke = await client.PostAsync(new Uri("/api/v1/auth/logout", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using var me = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        await me.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_locked_account_loses_its_token_and_its_cookie_at_once()
    {
        var userName = await NewCitizenAsync();
        var client = await app.ApiClientFor(userName, Password);
        using var browser = CookieJar.For(app);
        await browser.SignInAsync(userName, Password);
        await client.GetJsonAsync("/api/v1/applications?mine=true");

        await WithAccountAsync(userName, (accounts, user) => accounts.LockAsync(user, SystemClock.Instance.GetCurrentInstant() + Duration.FromDays(1)));

        using var submit = await client.PostAsJsonAsync("/api/v1/applications", new { procedureCode = "1.001193", unitId = 1, form = new { } });
        await submit.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var page = await browser.GetAsync("/ho-so");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);

        // Nor can it sign in again, even with the right password.
        using var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Password });
        Assert.Contains("đang bị khóa", (await token.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lock_set_directly_on_the_account_is_honoured_too()
    {
        var userName = await NewCitizenAsync();
        var client = await app.ApiClientFor(userName, Password);
        await client.GetJsonAsync("/api/v1/me");
        await WithUsersAsync(async users =>
        {
            var user = await users.FindByNameAsync(userName);
            await users.SetLockoutEndDateAsync(user!, DateTimeOffset.MaxValue);
        });

        using var me = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task A_deleted_account_loses_its_token_at_once()
    {
        var userName = await NewCitizenAsync();
        var client = await app.ApiClientFor(userName, Password);
        await client.GetJsonAsync("/api/v1/applications?mine=true");

        await WithAccountAsync(userName, (accounts, user) => accounts.DeleteAsync(user));

        using var list = await client.GetAsync(new Uri("/api/v1/applications?mine=true", UriKind.Relative));
        await list.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var submit = await client.PostAsJsonAsync("/api/v1/applications", new { procedureCode = "1.001193", unitId = 1, form = new { } });
        await submit.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var userName = await NewCitizenAsync();
        var phone = await app.ApiClientFor(userName, Password);
        using var otherBrowser = CookieJar.For(app);
        await otherBrowser.SignInAsync(userName, Password);
        using var thisBrowser = CookieJar.For(app);
        await thisBrowser.SignInAsync(userName, Password);

        using (var change = await thisBrowser.SubmitAsync("/tai-khoan/doi-mat-khau", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Password,
            ["NewPassword"] = "Moi@2026!x",
            ["ConfirmPassword"] = "Moi@2026!x",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        }

        using (var stillHere = await thisBrowser.GetAsync("/tai-khoan"))
        {
            Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
        }

        using (var other = await otherBrowser.GetAsync("/tai-khoan"))
        {
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        }

        using var me = await phone.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        await (await app.ApiClientFor(userName, "Moi@2026!x")).GetJsonAsync("/api/v1/me");
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing()
    {
        var userName = await NewCitizenAsync();
        using var browser = CookieJar.For(app);
        await browser.SignInAsync(userName, Password);
        using var change = await browser.SubmitAsync("/tai-khoan/doi-mat-khau", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Sai@2026!x",
            ["NewPassword"] = "Moi@2026!x",
            ["ConfirmPassword"] = "Moi@2026!x",
        });
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains("Mật khẩu đang dùng không đúng.", await change.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await app.ApiClientFor(userName, Password)).GetJsonAsync("/api/v1/me");
    }

    [Fact]
    public async Task A_forged_or_old_style_token_without_a_session_opens_nothing()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8-forged");
        using var me = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    private Task<string> NewCitizenAsync() => TestAccounts.NewCitizenAsync(app, Password, "Đỗ Thị Phiên");

    private async Task WithUsersAsync(Func<UserManager<AppUser>, Task> action)
    {
        using var scope = app.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    private async Task WithAccountAsync(string userName, Func<AccountLifecycle, AppUser, Task> action)
    {
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName);
        await action(scope.ServiceProvider.GetRequiredService<AccountLifecycle>(), user!);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SessionOnSqlite(SqliteApp app) : SessionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SessionOnPostgres(PostgresApp app) : SessionTests(app);
