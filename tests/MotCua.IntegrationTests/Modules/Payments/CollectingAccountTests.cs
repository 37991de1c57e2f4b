using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Modules.Payments.Gateways.VnPay;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Payments;

/// <summary>
/// Each unit's fees go into its own account, declared by its admin: never a person's, never one another unit declared;
/// every change kept with who and when; each payment through the unit's own provider, recording the account it went to.
/// </summary>
public abstract class CollectingAccountTests(MotCuaApp app)
{
    private const string Password = "CanBo@2026!ab";
    private const string Ward = "000.01.00.H99";
    private const string WardName = "UBND phường An Phú";

    private async Task<int> UnitIdAsync(string code) =>
        (await (await app.ApiClientFor("admin")).GetFromJsonAsync<JsonElement>("/api/v1/units")).EnumerateArray()
            .Single(u => u.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();

    /// <summary>A new agency admin of the unit; returns their user name.</summary>
    private async Task<string> AgencyAdminAsync(string unitCode, string fullName)
    {
        var userName = $"qt.{Guid.NewGuid():N}"[..20];
        using var created = await (await app.ApiClientFor("admin")).PostAsJsonAsync("/api/v1/admin/officers",
            new { userName, fullName, unitId = await UnitIdAsync(unitCode), roles = new[] { "AgencyAdmin" }, password = Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return userName;
    }

    private static string NewNumber() => "3711" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, int unitId, object body) =>
        client.PutAsJsonAsync($"/api/v1/units/{unitId}/payment-account", body);

    [Fact]
    public async Task An_agency_admin_declares_their_units_account_and_each_change_is_kept_with_who_and_when()
    {
        var justice = await UnitIdAsync("000.00.02.H99");
        var agency = await app.ApiClientFor(await AgencyAdminAsync("000.00.02.H99", "Quản trị Sở Tư pháp"), Password);
        var first = NewNumber();
        using (var declared = await PutAsync(agency, justice, new { bankCode = "KBNN", accountNumber = first[..4] + "." + first[4..], accountHolder = "Sở Tư pháp tỉnh An Bình", provider = "sandbox" }))
        {
            var body = await declared.ReadJsonAsync();
            Assert.True(declared.StatusCode == HttpStatusCode.OK, body.ToString());
            var account = body.GetProperty("account");
            Assert.Equal(("KBNN", "Kho bạc Nhà nước", first), (account.GetProperty("bankCode").GetString(), account.GetProperty("bankName").GetString(), account.GetProperty("accountNumber").GetString()));
            Assert.Equal("Cổng thanh toán thử nghiệm", account.GetProperty("providerName").GetString());
            Assert.Equal("Quản trị Sở Tư pháp", account.GetProperty("declaredBy").GetString());
            Assert.DoesNotContain(MotCuaApp.SandboxSecret, body.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(MotCuaApp.SandboxMerchant, body.ToString(), StringComparison.Ordinal);
        }

        var second = NewNumber();
        using (var changed = await PutAsync(agency, justice, new { bankCode = "VCB", accountNumber = second, accountHolder = "SO TU PHAP TINH AN BINH", provider = "sandbox2" }))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        var view = await agency.GetJsonAsync($"/api/v1/units/{justice}/payment-account");
        var history = view.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal((first, second), (history[0].GetProperty("oldAccountNumber").GetString(), history[0].GetProperty("newAccountNumber").GetString()));
        Assert.Equal(("Kho bạc Nhà nước", "Vietcombank"), (history[0].GetProperty("oldBankName").GetString(), history[0].GetProperty("newBankName").GetString()));
        Assert.Equal(("sandbox", "sandbox2"), (history[0].GetProperty("oldProvider").GetString(), history[0].GetProperty("newProvider").GetString()));
        Assert.Equal(JsonValueKind.Null, history[1].GetProperty("oldAccountNumber").ValueKind);
        Assert.Equal("Quản trị Sở Tư pháp", history[0].GetProperty("by").GetString());

        // The audit trail says the same.
        var audit = (await (await app.ApiClientFor("admin")).GetJsonAsync("/api/v1/admin/audit?action=payment-account")).EnumerateArray()
            .Where(e => e.GetProperty("entity").GetString() == "unit:000.00.02.H99").ToList();
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "payment-account.change" && e.GetProperty("before").GetString()!.Contains(first, StringComparison.Ordinal)
            && e.GetProperty("after").GetString()!.Contains(second, StringComparison.Ordinal));

        // An admin of another unit, and an officer who is no admin, can neither read nor change it; nothing changes.
        var other = await app.ApiClientFor(await AgencyAdminAsync("000.02.00.H99", "Quản trị xã An Lạc"), Password);
        await (await other.GetAsync(new Uri($"/api/v1/units/{justice}/payment-account", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await PutAsync(other, justice, new { bankCode = "KBNN", accountNumber = NewNumber(), accountHolder = "UBND xã An Lạc", provider = "sandbox" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await PutAsync(await app.ApiClientFor("reception1"), justice, new { bankCode = "KBNN", accountNumber = NewNumber(), accountHolder = "Sở Tư pháp tỉnh An Bình", provider = "sandbox" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(second, (await agency.GetJsonAsync($"/api/v1/units/{justice}/payment-account")).GetProperty("account").GetProperty("accountNumber").GetString());

        // The unit's admin page shows the account in use and links to where it is declared.
        using var page = app.Pages();
        await page.SignInAsync("admin");
        var (status, html) = await page.GetAsync($"/quan-tri/don-vi/{justice}");
        Assert.Equal(HttpStatusCode.OK, status);
        html = WebUtility.HtmlDecode(html);
        Assert.Contains($"{second} tại Vietcombank", html, StringComparison.Ordinal);
        Assert.Contains($"/quan-tri/tai-khoan-thu-phi/{justice}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_persons_name_or_an_account_another_unit_declared_is_refused_and_nothing_changes()
    {
        var home = await UnitIdAsync("000.00.08.H99");
        var admin = await app.ApiClientFor("admin");

        using (var personal = await PutAsync(admin, home, new { bankCode = "KBNN", accountNumber = NewNumber(), accountHolder = "Nguyễn Văn An", provider = "sandbox" }))
        {
            var problem = await personal.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("không phải cá nhân", problem.GetProperty("errors").GetProperty("accountHolder")[0].GetString(), StringComparison.Ordinal);
        }

        // The ward's own treasury account (demo seed) is not another unit's to collect into; at another bank the number is another account.
        using (var shared = await PutAsync(admin, home, new { bankCode = "KBNN", accountNumber = "3711000001001", accountHolder = "Sở Nội vụ tỉnh An Bình", provider = "sandbox" }))
        {
            var problem = await shared.AssertProblemAsync(HttpStatusCode.BadRequest);
            var message = problem.GetProperty("errors").GetProperty("accountNumber")[0].GetString();
            Assert.Contains(WardName, message, StringComparison.Ordinal);
            Assert.Contains("không dùng chung", message, StringComparison.Ordinal);
        }

        using (var badInput = await PutAsync(admin, home, new { bankCode = "KHAC", accountNumber = "12AB", provider = "momo" }))
        {
            var errors = (await badInput.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("bankName", out _) && errors.TryGetProperty("accountNumber", out _) && errors.TryGetProperty("accountHolder", out _) && errors.TryGetProperty("provider", out _));
        }

        var view = await admin.GetJsonAsync($"/api/v1/units/{home}/payment-account");
        Assert.Equal(JsonValueKind.Null, view.GetProperty("account").ValueKind);
        Assert.Equal(0, view.GetProperty("history").GetArrayLength());

        // On the page: the reason beside the field, nothing saved; then a valid one is saved.
        using var page = app.Pages();
        await page.SignInAsync("admin");
        var path = $"/quan-tri/tai-khoan-thu-phi/{home}";
        var number = NewNumber();
        using (var refused = await page.SubmitAsync(path, new Dictionary<string, string>
        {
            ["BankCode"] = "KBNN", ["AccountNumber"] = number, ["AccountHolder"] = "Trần Thị Cúc", ["Provider"] = "sandbox",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains("Vui lòng kiểm tra lại", html, StringComparison.Ordinal);
            Assert.Contains("không phải cá nhân", html, StringComparison.Ordinal);
        }

        Assert.Equal(JsonValueKind.Null, (await admin.GetJsonAsync($"/api/v1/units/{home}/payment-account")).GetProperty("account").ValueKind);
        using (var saved = await page.SubmitAsync(path, new Dictionary<string, string>
        {
            ["BankCode"] = "KBNN", ["AccountNumber"] = number, ["AccountHolder"] = "Sở Nội vụ tỉnh An Bình", ["Provider"] = "sandbox",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var (_, html) = await page.GetAsync(saved.Headers.Location!.OriginalString);
            Assert.Contains("Đã lưu tài khoản thu phí, lệ phí của Sở Nội vụ tỉnh An Bình.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }

        Assert.Equal(number, (await admin.GetJsonAsync($"/api/v1/units/{home}/payment-account")).GetProperty("account").GetProperty("accountNumber").GetString());
    }

    /// <summary>A birth registration at the ward, received and waiting for a fee.</summary>
    private async Task<string> AwaitingPaymentAsync(long amount)
    {
        var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"), "Tài Khoản");
        await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });
        await ActOkAsync(await app.ApiClientFor("specialist1"), code, new { action = "request-payment", amount, note = "Lệ phí" });
        return code;
    }

    private async Task<JsonElement> NoticeAsync(string query)
    {
        using var response = await app.CreateClient().GetAsync(new Uri($"/api/v1/payments/vnpay/ipn?{query}", UriKind.Relative));
        return await response.ReadJsonAsync();
    }

    private static string Notice(Uri redirect, string secret, string? merchant = null)
    {
        var order = QueryHelpers.ParseQuery(redirect.Query);
        KeyValuePair<string, string?>[] fields =
        [
            new("vnp_Amount", order["vnp_Amount"].ToString()),
            new("vnp_BankCode", "NCB"),
            new("vnp_OrderInfo", order["vnp_OrderInfo"].ToString()),
            new("vnp_PayDate", "20261202150000"),
            new("vnp_ResponseCode", "00"),
            new("vnp_TmnCode", merchant ?? order["vnp_TmnCode"].ToString()),
            new("vnp_TransactionNo", "14055555"),
            new("vnp_TransactionStatus", "00"),
            new("vnp_TxnRef", order["vnp_TxnRef"].ToString()),
        ];
        return VnPayProtocol.SignedQuery(fields, secret);
    }

    [Fact]
    public async Task A_payment_goes_through_the_units_own_merchant_verified_with_its_secret_and_keeps_the_account_it_went_to()
    {
        var ward = await UnitIdAsync(Ward);
        var admin = await app.ApiClientFor("admin");
        var seeded = (await admin.GetJsonAsync($"/api/v1/units/{ward}/payment-account")).GetProperty("account");
        var number = NewNumber();
        try
        {
            using (var moved = await PutAsync(admin, ward, new { bankCode = "BIDV", accountNumber = number, accountHolder = "UBND PHUONG AN PHU", provider = "sandbox2" }))
            {
                Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            }

            var code = await AwaitingPaymentAsync(40_000);
            var citizen = await app.ApiClientFor("citizen1");
            using var started = await citizen.PostAsync(new Uri($"/api/v1/applications/{code}/payments", UriKind.Relative), null);
            var body = await started.ReadJsonAsync();
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            var redirect = new Uri(body.GetProperty("redirectUrl").GetString()!);
            var id = body.GetProperty("paymentId").GetGuid();
            Assert.Equal(MotCuaApp.SecondMerchant, QueryHelpers.ParseQuery(redirect.Query)["vnp_TmnCode"].ToString());

            // The second merchant's notice is checked with its own secret; one no merchant of ours has is refused.
            Assert.Equal("97", (await NoticeAsync(Notice(redirect, MotCuaApp.SandboxSecret))).GetProperty("RspCode").GetString());
            Assert.Equal("97", (await NoticeAsync(Notice(redirect, MotCuaApp.SecondSecret, merchant: "NOBODY01"))).GetProperty("RspCode").GetString());
            Assert.Equal("Pending", (await citizen.GetJsonAsync($"/api/v1/payments/{id}")).GetProperty("status").GetString());
            Assert.Equal("00", (await NoticeAsync(Notice(redirect, MotCuaApp.SecondSecret))).GetProperty("RspCode").GetString());

            // Back on the seeded account, the payment still names the account it went to.
            using (var back = await PutAsync(admin, ward, new
            {
                bankCode = seeded.GetProperty("bankCode").GetString(), accountNumber = seeded.GetProperty("accountNumber").GetString(),
                accountHolder = seeded.GetProperty("accountHolder").GetString(), provider = seeded.GetProperty("provider").GetString(),
            }))
            {
                Assert.Equal(HttpStatusCode.OK, back.StatusCode);
            }

            var payment = await citizen.GetJsonAsync($"/api/v1/payments/{id}");
            Assert.Equal(("Paid", "sandbox2"), (payment.GetProperty("status").GetString(), payment.GetProperty("provider").GetString()));
            var account = payment.GetProperty("account");
            Assert.Equal(("BIDV", number, "UBND PHUONG AN PHU"),
                (account.GetProperty("bankName").GetString(), account.GetProperty("accountNumber").GetString(), account.GetProperty("accountHolder").GetString()));
            Assert.Equal("InProgress", (await citizen.GetJsonAsync($"/api/v1/applications/{code}")).GetProperty("status").GetString());
        }
        finally
        {
            await PutAsync(admin, ward, new
            {
                bankCode = seeded.GetProperty("bankCode").GetString(), accountNumber = seeded.GetProperty("accountNumber").GetString(),
                accountHolder = seeded.GetProperty("accountHolder").GetString(), provider = seeded.GetProperty("provider").GetString(),
            });
        }
    }

    [Fact]
    public async Task Online_payment_is_refused_for_a_unit_without_an_account_and_the_citizens_page_says_so()
    {
        var code = await AwaitingPaymentAsync(30_000);
        var ward = await UnitIdAsync(Ward);
        var saved = await RemoveAccountAsync(ward);
        try
        {
            using var refused = await (await app.ApiClientFor("citizen1")).PostAsync(new Uri($"/api/v1/applications/{code}/payments", UriKind.Relative), null);
            var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal($"{WardName} chưa khai báo tài khoản thu phí, lệ phí; vui lòng nộp tại bộ phận một cửa.", problem.GetProperty("detail").GetString());

            using var citizen = app.Pages();
            await citizen.SignInAsync("citizen1");
            var (_, details) = await citizen.GetAsync($"/ho-so/{code}");
            details = WebUtility.HtmlDecode(details);
            Assert.Contains($"{WardName} chưa khai báo tài khoản thu phí, lệ phí; vui lòng nộp tại bộ phận một cửa.", details, StringComparison.Ordinal);
            Assert.DoesNotContain($"href=\"/ho-so/{code}/thanh-toan\"", details, StringComparison.Ordinal);
            var (_, pay) = await citizen.GetAsync($"/ho-so/{code}/thanh-toan");
            Assert.DoesNotContain("<button type=\"submit\" class=\"button\">", pay, StringComparison.Ordinal);
            Assert.Equal("AwaitingPayment", (await (await app.ApiClientFor("citizen1")).GetJsonAsync($"/api/v1/applications/{code}")).GetProperty("status").GetString());
        }
        finally
        {
            await RestoreAccountAsync(saved);
        }
    }

    private async Task<MotCua.Web.Modules.Payments.Domain.AccountDetails> RemoveAccountAsync(int unitId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Common.Persistence.MotCuaDbContext>();
        var account = await db.Set<MotCua.Web.Modules.Payments.Domain.CollectingAccount>().SingleAsync(a => a.UnitId == unitId);
        db.Remove(account);
        await db.SaveChangesAsync();
        return account.Details with { };
    }

    private async Task RestoreAccountAsync(MotCua.Web.Modules.Payments.Domain.AccountDetails details)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Common.Persistence.MotCuaDbContext>();
        var (account, _) = MotCua.Web.Modules.Payments.Domain.CollectingAccount.Declare(await UnitIdAsync(Ward), details, "Kiểm thử", NodaTime.SystemClock.Instance.GetCurrentInstant());
        db.Add(account);
        await db.SaveChangesAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CollectingAccountsOnSqlite(SqliteApp app) : CollectingAccountTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CollectingAccountsOnPostgres(PostgresApp app) : CollectingAccountTests(app);
