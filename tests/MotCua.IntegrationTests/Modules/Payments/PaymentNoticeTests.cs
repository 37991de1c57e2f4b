using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Common;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Payments.Gateways.VnPay;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Payments;

/// <summary>
/// The citizen hears of their payment through the outbox, once per change: paid, not paid (declined or expired),
/// refunded; a gateway notice that repeats tells them nothing new.
/// </summary>
public abstract class PaymentNoticeTests(MotCuaApp app)
{
    private async Task<string> AwaitingPaymentAsync(long amount)
    {
        var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"), "Báo Tin");
        await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });
        await ActOkAsync(await app.ApiClientFor("specialist1"), code, new { action = "request-payment", amount, note = "Lệ phí đăng ký" });
        return code;
    }

    private async Task<Uri> StartAsync(string code)
    {
        using var response = await (await app.ApiClientFor("citizen1")).PostAsync(new Uri($"/api/v1/applications/{code}/payments", UriKind.Relative), null);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return new Uri(body.GetProperty("redirectUrl").GetString()!);
    }

    private async Task<string> NoticeAsync(Uri redirect, string responseCode)
    {
        var order = QueryHelpers.ParseQuery(redirect.Query);
        KeyValuePair<string, string?>[] fields =
        [
            new("vnp_Amount", order["vnp_Amount"].ToString()),
            new("vnp_BankCode", "NCB"),
            new("vnp_OrderInfo", order["vnp_OrderInfo"].ToString()),
            new("vnp_PayDate", "20261202150000"),
            new("vnp_ResponseCode", responseCode),
            new("vnp_TmnCode", order["vnp_TmnCode"].ToString()),
            new("vnp_TransactionNo", responseCode == "00" ? "14077777" : "0"),
            new("vnp_TransactionStatus", responseCode == "00" ? "00" : "02"),
            new("vnp_TxnRef", order["vnp_TxnRef"].ToString()),
        ];
        using var response = await app.CreateClient().GetAsync(new Uri($"/api/v1/payments/vnpay/ipn?{VnPayProtocol.SignedQuery(fields, MotCuaApp.SandboxSecret)}", UriKind.Relative));
        return (await response.ReadJsonAsync()).GetProperty("RspCode").GetString()!;
    }

    /// <summary>The citizen's inbox notices about the application with this title, once every message about it has gone out.</summary>
    private async Task<List<JsonElement>> InboxAsync(string code, string title)
    {
        await OutboxTests.EventuallyAsync(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            var states = await db.Set<OutboxDelivery>()
                .Where(d => db.Set<OutboxMessage>().Any(m => m.Id == d.MessageId && m.Payload.Contains(code)))
                .Select(d => d.State).ToListAsync();
            return states.Count > 0 && states.All(s => s == DeliveryState.Delivered) ? (bool?)true : null;
        });
        var list = await (await app.ApiClientFor("citizen1")).GetJsonAsync("/api/v1/notifications");
        return list.GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("applicationCode").GetString() == code && n.GetProperty("title").GetString() == title).ToList();
    }

    private async Task<int> PaymentMessagesAsync(string code)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        return await db.Set<OutboxMessage>().CountAsync(m => m.Type == "payment.event.v1" && m.Payload.Contains(code));
    }

    [Fact]
    public async Task The_payment_due_notice_names_the_amount_and_a_pay_link_that_works()
    {
        var code = await AwaitingPaymentAsync(50_000);
        var due = Assert.Single(await InboxAsync(code, "Cần nộp phí, lệ phí"));
        var body = due.GetProperty("body").GetString()!;
        Assert.Contains("50.000 đồng", body, StringComparison.Ordinal);
        var link = $"{MotCuaApp.PublicBaseUrl}/ho-so/{code}/thanh-toan";
        Assert.Contains(link, body, StringComparison.Ordinal);

        using var citizen = app.Pages();
        await citizen.SignInAsync("citizen1");
        var (status, page) = await citizen.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Thanh toán trực tuyến", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paid_notice_tells_the_citizen_once_even_when_the_gateway_repeats_it_and_the_system_resumes_the_application()
    {
        var code = await AwaitingPaymentAsync(50_000);
        var redirect = await StartAsync(code);
        Assert.Equal("00", await NoticeAsync(redirect, "00"));
        Assert.Equal("02", await NoticeAsync(redirect, "00"));
        Assert.Equal("02", await NoticeAsync(redirect, "24"));

        var paid = Assert.Single(await InboxAsync(code, "Đã nhận thanh toán"));
        Assert.StartsWith($"Đã nhận thanh toán 50.000 đồng cho hồ sơ {code}.", paid.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Empty(await InboxAsync(code, "Thanh toán chưa thành công"));
        Assert.Equal(1, await PaymentMessagesAsync(code));

        // Also by e-mail, once (citizen1 confirmed the address).
        var mails = Directory.EnumerateFiles(app.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Count(m => m.Subject == $"Đã nhận thanh toán – hồ sơ {code}");
        Assert.Equal(1, mails);

        // payment-confirmed is the system's, never a person's.
        var last = (await (await app.ApiClientFor("citizen1")).GetJsonAsync($"/api/v1/applications/{code}")).GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("payment-confirmed", "System"), (last.GetProperty("action").GetString(), last.GetProperty("actorRole").GetString()));
    }

    [Fact]
    public async Task A_declined_payment_tells_the_citizen_once_where_to_try_again()
    {
        var code = await AwaitingPaymentAsync(20_000);
        var redirect = await StartAsync(code);
        Assert.Equal("00", await NoticeAsync(redirect, "24"));
        Assert.Equal("02", await NoticeAsync(redirect, "24"));

        var failed = Assert.Single(await InboxAsync(code, "Thanh toán chưa thành công"));
        var body = failed.GetProperty("body").GetString()!;
        Assert.Contains($"Thanh toán 20.000 đồng cho hồ sơ {code} chưa thành công", body, StringComparison.Ordinal);
        Assert.Contains($"{MotCuaApp.PublicBaseUrl}/ho-so/{code}/thanh-toan", body, StringComparison.Ordinal);
        Assert.Equal(1, await PaymentMessagesAsync(code));
        Assert.Equal("AwaitingPayment", (await (await app.ApiClientFor("citizen1")).GetJsonAsync($"/api/v1/applications/{code}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_refund_tells_the_citizen_once_with_its_reason()
    {
        var code = await AwaitingPaymentAsync(25_000);
        var reception = await app.ApiClientFor("reception1");
        using var taken = await reception.PostAsJsonAsync($"/api/v1/applications/{code}/payments/counter", new { method = "Cash" });
        var payment = await taken.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal("3711000001001", payment.GetProperty("account").GetProperty("accountNumber").GetString());
        var id = payment.GetProperty("id").GetGuid();
        using (var refunded = await reception.PostAsJsonAsync($"/api/v1/payments/{id}/refunds", new { reason = "Người nộp thuộc diện miễn lệ phí" }))
        {
            Assert.Equal(HttpStatusCode.OK, refunded.StatusCode);
        }

        using (var twice = await reception.PostAsJsonAsync($"/api/v1/payments/{id}/refunds", new { reason = "Lần nữa" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }

        var refund = Assert.Single(await InboxAsync(code, "Đã hoàn trả phí, lệ phí"));
        Assert.Equal($"Đã hoàn trả 25.000 đồng phí, lệ phí của hồ sơ {code}. Lý do: Người nộp thuộc diện miễn lệ phí.", refund.GetProperty("body").GetString());
        Assert.Single(await InboxAsync(code, "Đã nhận thanh toán"));
        Assert.Equal(2, await PaymentMessagesAsync(code));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PaymentNoticesOnSqlite(SqliteApp app) : PaymentNoticeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PaymentNoticesOnPostgres(PostgresApp app) : PaymentNoticeTests(app);
