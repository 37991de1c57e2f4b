using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using MotCua.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Modules.Payments;
using MotCua.Web.Modules.Payments.Gateways.Sandbox;
using MotCua.Web.Modules.Payments.Gateways.VnPay;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Payments;

/// <summary>
/// Paying a fee online through the VNPay protocol against the built-in sandbox gateway: only the gateway's signed
/// server-to-server notice marks a payment paid and resumes the application, once, whatever the payer's browser does.
/// </summary>
public abstract class OnlinePaymentTests(MotCuaApp app)
{
    private const string Ipn = "/api/v1/payments/vnpay/ipn";
    private const string SandboxPage = "/sandbox/vnpay/paymentv2/vpcpay.html";

    /// <summary>A birth registration received at the ward and waiting for a fee of <paramref name="amount"/> đồng.</summary>
    private async Task<string> AwaitingPaymentAsync(long amount = 50_000)
    {
        var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"), "Trả Phí");
        await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });
        var view = await ActOkAsync(await app.ApiClientFor("specialist1"), code, new { action = "request-payment", amount, note = "Lệ phí đăng ký quá hạn" });
        Assert.Equal("AwaitingPayment", view.GetProperty("status").GetString());
        return code;
    }

    private async Task<(Guid Id, Uri Redirect)> StartAsync(string code)
    {
        using var response = await (await app.ApiClientFor("citizen1")).PostAsync(new Uri($"/api/v1/applications/{code}/payments", UriKind.Relative), null);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return (body.GetProperty("paymentId").GetGuid(), new Uri(body.GetProperty("redirectUrl").GetString()!));
    }

    private async Task<JsonElement> PaymentAsync(Guid id) =>
        await (await app.ApiClientFor("citizen1")).GetFromJsonAsync<JsonElement>($"/api/v1/payments/{id}");

    private async Task<JsonElement> ApplicationAsync(string code) =>
        await (await app.ApiClientFor("citizen1")).GetFromJsonAsync<JsonElement>($"/api/v1/applications/{code}");

    private async Task<JsonElement> NoticeAsync(string query)
    {
        using var response = await app.CreateClient().GetAsync(new Uri($"{Ipn}?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>A notice as the sandbox would sign it for the order, with what the test wants changed.</summary>
    private static string Notice(Uri redirect, string? responseCode = "00", long? amount = null, string secret = MotCuaApp.SandboxSecret, string? orderRef = null)
    {
        var order = QueryHelpers.ParseQuery(redirect.Query);
        KeyValuePair<string, string?>[] fields =
        [
            new("vnp_Amount", amount is { } a ? VnPayProtocol.Amount(a) : order["vnp_Amount"].ToString()),
            new("vnp_BankCode", "NCB"),
            new("vnp_OrderInfo", order["vnp_OrderInfo"].ToString()),
            new("vnp_PayDate", "20261202150000"),
            new("vnp_ResponseCode", responseCode),
            new("vnp_TmnCode", order["vnp_TmnCode"].ToString()),
            new("vnp_TransactionNo", "14012345"),
            new("vnp_TransactionStatus", responseCode == "00" ? "00" : "02"),
            new("vnp_TxnRef", orderRef ?? order["vnp_TxnRef"].ToString()),
        ];
        return VnPayProtocol.SignedQuery(fields, secret);
    }

    [Fact]
    public async Task A_citizen_pays_on_the_sandbox_gateway_and_the_application_resumes_once()
    {
        var code = await AwaitingPaymentAsync();
        var (id, redirect) = await StartAsync(code);

        // The payer goes to the gateway with a signed order: the amount in đồng × 100, the return address from configuration.
        Assert.Equal(MotCuaApp.PublicBaseUrl + SandboxPage, redirect.GetLeftPart(UriPartial.Path));
        var order = QueryHelpers.ParseQuery(redirect.Query);
        Assert.Equal("5000000", order["vnp_Amount"].ToString());
        Assert.Equal(MotCuaApp.PublicBaseUrl + "/payments/vnpay/return", order["vnp_ReturnUrl"].ToString());
        Assert.Equal(MotCuaApp.SandboxMerchant, order["vnp_TmnCode"].ToString());
        var pending = await PaymentAsync(id);
        Assert.Equal("Pending", pending.GetProperty("status").GetString());
        Assert.Equal(50_000, pending.GetProperty("amount").GetInt64());
        Assert.Equal("sandbox", pending.GetProperty("provider").GetString());

        // On the sandbox's own page the payer sees the order and approves it.
        using var payer = app.Pages();
        var (status, page) = await payer.GetAsync(redirect.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, status);
        page = WebUtility.HtmlDecode(page);
        Assert.Contains("50.000 VND", page, StringComparison.Ordinal);
        Assert.Contains("Dịch vụ công tỉnh An Bình", page, StringComparison.Ordinal);
        using var approved = await payer.SubmitAsync(redirect.PathAndQuery,
            new Dictionary<string, string> { ["SignedRequest"] = redirect.Query.TrimStart('?'), ["Bank"] = "NCB" }, SandboxPage + "?handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var back = approved.Headers.Location!;
        Assert.Equal(MotCuaApp.PublicBaseUrl + "/payments/vnpay/return", back.GetLeftPart(UriPartial.Path));

        // The sandbox's server-to-server notice has already been handled: paid, and the application goes on.
        var paid = await PaymentAsync(id);
        Assert.Equal("Paid", paid.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, paid.GetProperty("paidAt").ValueKind);
        var application = await ApplicationAsync(code);
        Assert.Equal("InProgress", application.GetProperty("status").GetString());
        var history = application.GetProperty("history").EnumerateArray().ToList();
        var last = history[^1];
        Assert.Equal("payment-confirmed", last.GetProperty("action").GetString());
        Assert.Equal("Cổng thanh toán thử nghiệm", last.GetProperty("actorName").GetString());
        Assert.Equal("System", last.GetProperty("actorRole").GetString());
        Assert.Contains("50.000 đồng", last.GetProperty("note").GetString(), StringComparison.Ordinal);

        // The payer's return shows it; the same notice again changes nothing and is answered "already confirmed".
        using var citizen = app.Pages();
        await citizen.SignInAsync("citizen1");
        var (_, returned) = await citizen.GetAsync(back.PathAndQuery);
        Assert.Contains("Đã thanh toán thành công", WebUtility.HtmlDecode(returned), StringComparison.Ordinal);
        var again = await NoticeAsync(back.Query.TrimStart('?'));
        Assert.Equal("02", again.GetProperty("RspCode").GetString());
        Assert.Equal("Order already confirmed", again.GetProperty("Message").GetString());
        Assert.Equal(history.Count, (await ApplicationAsync(code)).GetProperty("history").GetArrayLength());

        // Paid once: no second payment for it.
        using var second = await (await app.ApiClientFor("citizen1")).PostAsync(new Uri($"/api/v1/applications/{code}/payments", UriKind.Relative), null);
        await second.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_notice_is_checked_for_signature_order_and_amount_before_anything_changes()
    {
        var code = await AwaitingPaymentAsync(20_000);
        var (id, redirect) = await StartAsync(code);

        Assert.Equal("97", (await NoticeAsync(Notice(redirect, secret: "SECRETOFSOMEONEELSE0000000000001"))).GetProperty("RspCode").GetString());
        var tampered = Notice(redirect).Replace("vnp_Amount=2000000", "vnp_Amount=100", StringComparison.Ordinal);
        Assert.Equal("97", (await NoticeAsync(tampered)).GetProperty("RspCode").GetString());
        Assert.Equal("01", (await NoticeAsync(Notice(redirect, orderRef: "KHONGCO000000"))).GetProperty("RspCode").GetString());
        var wrongAmount = await NoticeAsync(Notice(redirect, amount: 10_000));
        Assert.Equal("04", wrongAmount.GetProperty("RspCode").GetString());
        Assert.Equal("Invalid amount", wrongAmount.GetProperty("Message").GetString());
        Assert.Equal("Pending", (await PaymentAsync(id)).GetProperty("status").GetString());
        Assert.Equal("AwaitingPayment", (await ApplicationAsync(code)).GetProperty("status").GetString());

        // Declined at the gateway: recorded as failed (the notice is acknowledged), the fee still due, a new attempt allowed.
        var declined = await NoticeAsync(Notice(redirect, responseCode: "24"));
        Assert.Equal("00", declined.GetProperty("RspCode").GetString());
        Assert.Equal("Failed", (await PaymentAsync(id)).GetProperty("status").GetString());
        Assert.Equal("AwaitingPayment", (await ApplicationAsync(code)).GetProperty("status").GetString());
        Assert.Equal("02", (await NoticeAsync(Notice(redirect))).GetProperty("RspCode").GetString());
        var (retry, _) = await StartAsync(code);
        Assert.NotEqual(id, retry);
    }

    [Fact]
    public async Task A_payer_who_closes_the_browser_after_paying_is_credited_by_the_notice_alone()
    {
        var code = await AwaitingPaymentAsync();
        var (id, redirect) = await StartAsync(code);

        var answer = await NoticeAsync(Notice(redirect));
        Assert.Equal("00", answer.GetProperty("RspCode").GetString());
        Assert.Equal("Confirm Success", answer.GetProperty("Message").GetString());
        Assert.Equal("Paid", (await PaymentAsync(id)).GetProperty("status").GetString());
        Assert.Equal("InProgress", (await ApplicationAsync(code)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_payment_whose_notice_was_lost_is_repaired_from_the_gateways_status_and_an_unknown_one_waits()
    {
        var code = await AwaitingPaymentAsync(30_000);
        var (id, redirect) = await StartAsync(code);
        var (other, _) = await StartAsync(await AwaitingPaymentAsync(10_000));

        // The payer paid at the gateway, which recorded it; its notice never reached the portal.
        var order = QueryHelpers.ParseQuery(redirect.Query);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Common.Persistence.MotCuaDbContext>();
            db.Add(new SandboxTransaction(MotCuaApp.SandboxMerchant, order["vnp_TxnRef"].ToString(), 30_000, "14099999", "00", "00", "NCB",
                order["vnp_OrderInfo"].ToString(), NodaTime.SystemClock.Instance.GetCurrentInstant()));
            await db.SaveChangesAsync();
        }

        using (var scope = app.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PaymentService>().CheckPendingAsync(100, CancellationToken.None) >= 1);
        }

        Assert.Equal("Paid", (await PaymentAsync(id)).GetProperty("status").GetString());
        var application = await ApplicationAsync(code);
        Assert.Equal("InProgress", application.GetProperty("status").GetString());
        Assert.Contains("14099999", application.GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString(), StringComparison.Ordinal);

        // The gateway does not know the other order and its time has not run out: it waits for its notice.
        Assert.Equal("Pending", (await PaymentAsync(other)).GetProperty("status").GetString());
        Assert.Equal("02", (await NoticeAsync(Notice(redirect, amount: 30_000))).GetProperty("RspCode").GetString());
    }

    [Fact]
    public async Task A_payment_that_expired_and_is_then_paid_at_the_gateway_is_still_credited_once()
    {
        var code = await AwaitingPaymentAsync(40_000);
        var (id, redirect) = await StartAsync(code);

        // Its time runs out with no word from the gateway: the status worker expires it.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Common.Persistence.MotCuaDbContext>();
            var past = NodaTime.SystemClock.Instance.GetCurrentInstant() - NodaTime.Duration.FromMinutes(1);
            await db.Set<MotCua.Web.Modules.Payments.Domain.Payment>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ExpiresAt, past));
        }

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PaymentService>().CheckPendingAsync(100, CancellationToken.None);
        }

        Assert.Equal("Expired", (await PaymentAsync(id)).GetProperty("status").GetString());
        Assert.Equal("AwaitingPayment", (await ApplicationAsync(code)).GetProperty("status").GetString());

        // The payer had paid at the last moment: the late notice credits the money that left their account, once.
        var late = await NoticeAsync(Notice(redirect));
        Assert.Equal("00", late.GetProperty("RspCode").GetString());
        var paid = await PaymentAsync(id);
        Assert.Equal("Paid", paid.GetProperty("status").GetString());
        var application = await ApplicationAsync(code);
        Assert.Equal("InProgress", application.GetProperty("status").GetString());
        var events = application.GetProperty("history").GetArrayLength();
        Assert.Equal("02", (await NoticeAsync(Notice(redirect))).GetProperty("RspCode").GetString());
        Assert.Equal(events, (await ApplicationAsync(code)).GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task Only_the_applicant_pays_and_only_what_is_due_and_a_forged_return_shows_nothing_paid()
    {
        var code = await AwaitingPaymentAsync();
        using (var officer = await (await app.ApiClientFor("reception1")).PostAsync(new Uri($"/api/v1/applications/{code}/payments", UriKind.Relative), null))
        {
            await officer.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using (var stranger = await (await app.ApiClientFor("business1")).PostAsync(new Uri($"/api/v1/applications/{code}/payments", UriKind.Relative), null))
        {
            await stranger.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        var notDue = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"), "Chưa Đến Hạn");
        using (var early = await (await app.ApiClientFor("citizen1")).PostAsync(new Uri($"/api/v1/applications/{notDue}/payments", UriKind.Relative), null))
        {
            await early.AssertProblemAsync(HttpStatusCode.Conflict);
        }

        var (id, redirect) = await StartAsync(code);
        using var citizen = app.Pages();
        await citizen.SignInAsync("citizen1");
        var forged = Notice(redirect, secret: "SECRETOFSOMEONEELSE0000000000001");
        var (_, returned) = await citizen.GetAsync("/payments/vnpay/return?" + forged);
        Assert.Contains("Không nhận ra giao dịch này", WebUtility.HtmlDecode(returned), StringComparison.Ordinal);
        Assert.Equal("Pending", (await PaymentAsync(id)).GetProperty("status").GetString());

        // Someone else's payment is not theirs to read.
        using var other = await (await app.ApiClientFor("business1")).GetAsync(new Uri($"/api/v1/payments/{id}", UriKind.Relative));
        await other.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reception_takes_the_fee_at_the_desk_and_records_a_refund_with_its_reason_once()
    {
        var code = await AwaitingPaymentAsync(25_000);
        var reception = await app.ApiClientFor("reception1");

        // Not the specialist's to take, and a method is required.
        using (var specialist = await (await app.ApiClientFor("specialist1")).PostAsJsonAsync($"/api/v1/applications/{code}/payments/counter", new { method = "Cash" }))
        {
            await specialist.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var noMethod = await reception.PostAsJsonAsync($"/api/v1/applications/{code}/payments/counter", new { }))
        {
            var problem = await noMethod.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("method", out _));
        }

        Assert.Equal("AwaitingPayment", (await ApplicationAsync(code)).GetProperty("status").GetString());
        using var taken = await reception.PostAsJsonAsync($"/api/v1/applications/{code}/payments/counter", new { method = "Cash" });
        var payment = await taken.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal("Paid", payment.GetProperty("status").GetString());
        Assert.Equal("Cash", payment.GetProperty("method").GetString());
        Assert.Equal("counter", payment.GetProperty("provider").GetString());
        Assert.Equal("Lê Thị Thu", payment.GetProperty("recordedBy").GetString());
        var application = await ApplicationAsync(code);
        Assert.Equal("InProgress", application.GetProperty("status").GetString());
        var last = application.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("payment-confirmed", last.GetProperty("action").GetString());
        Assert.Equal("System", last.GetProperty("actorRole").GetString());
        Assert.Contains("Lê Thị Thu", last.GetProperty("note").GetString(), StringComparison.Ordinal);

        // A refund needs its reason, is reception's to record, and happens once.
        var id = payment.GetProperty("id").GetGuid();
        using (var noReason = await reception.PostAsJsonAsync($"/api/v1/payments/{id}/refunds", new { reason = " " }))
        {
            await noReason.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        using (var notTheirs = await (await app.ApiClientFor("citizen1")).PostAsJsonAsync($"/api/v1/payments/{id}/refunds", new { reason = "Tôi muốn lấy lại" }))
        {
            await notTheirs.AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        using var refunded = await reception.PostAsJsonAsync($"/api/v1/payments/{id}/refunds", new { reason = "Thu nhầm: người nộp được miễn lệ phí" });
        var back = await refunded.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, refunded.StatusCode);
        Assert.Equal("Refunded", back.GetProperty("status").GetString());
        Assert.Equal("Thu nhầm: người nộp được miễn lệ phí", back.GetProperty("refundReason").GetString());
        using var twice = await reception.PostAsJsonAsync($"/api/v1/payments/{id}/refunds", new { reason = "Lần nữa" });
        await twice.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_citizen_pays_from_the_application_page_and_bad_requests_to_the_sandbox_are_refused()
    {
        var code = await AwaitingPaymentAsync(35_000);
        using var citizen = app.Pages();
        await citizen.SignInAsync("citizen1");
        var (status, page) = await citizen.GetAsync($"/ho-so/{code}/thanh-toan");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("35.000 đồng", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        using var sent = await citizen.SubmitAsync($"/ho-so/{code}/thanh-toan", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var redirect = sent.Headers.Location!;
        Assert.StartsWith(MotCuaApp.PublicBaseUrl + SandboxPage + "?", redirect.AbsoluteUri, StringComparison.Ordinal);

        // The sandbox checks the merchant's signature with its own secret, as a gateway would.
        using var payer = app.Pages();
        var tampered = redirect.PathAndQuery.Replace("vnp_Amount=3500000", "vnp_Amount=100", StringComparison.Ordinal);
        var (_, refused) = await payer.GetAsync(tampered);
        Assert.Contains("Sai chữ ký.", WebUtility.HtmlDecode(refused), StringComparison.Ordinal);
        using var declined = await payer.SubmitAsync(redirect.PathAndQuery,
            new Dictionary<string, string> { ["SignedRequest"] = redirect.Query.TrimStart('?') }, SandboxPage + "?handler=Decline");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var (_, back) = await citizen.GetAsync(declined.Headers.Location!.PathAndQuery);
        Assert.Contains("Chưa thanh toán", WebUtility.HtmlDecode(back), StringComparison.Ordinal);
        Assert.Equal("AwaitingPayment", (await ApplicationAsync(code)).GetProperty("status").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OnlinePaymentOnSqlite(SqliteApp app) : OnlinePaymentTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OnlinePaymentOnPostgres(PostgresApp app) : OnlinePaymentTests(app);
