using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Modules.Payments.Reconciliation;
using NodaTime;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;
using static MotCua.IntegrationTests.Modules.Payments.PaymentFlows;

namespace MotCua.IntegrationTests.Modules.Payments;

/// <summary>A unit's day of payments, MotCua's record against the sandbox gateway's statement, with the desk's fees apart.</summary>
public abstract class ReconciliationTests(MotCuaApp app)
{
    private static string Today => SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date
        .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement Row(JsonElement report, string orderRef) =>
        report.GetProperty("online").EnumerateArray().Single(r => r.GetProperty("orderRef").GetString() == orderRef);

    [Fact]
    public async Task The_days_report_finds_what_matches_a_lost_notice_and_a_different_amount_and_lists_the_desk_apart()
    {
        var (paid, paidRef) = await PaidOnlineAsync(app, await AwaitingPaymentAsync(app, 50_000));

        // Paid at the gateway, its notice lost: MotCua still has it pending.
        var lostCode = await AwaitingPaymentAsync(app, 30_000);
        var (_, lostRef, _) = await StartAsync(app, lostCode);
        await GatewayRecordsAsync(app, lostRef, 30_000);

        // The gateway recorded another amount than the order's.
        var (_, wrongRef, _) = await StartAsync(app, await AwaitingPaymentAsync(app, 40_000));
        await GatewayRecordsAsync(app, wrongRef, 4_000);

        // A transaction the gateway has that MotCua never made.
        var strangerRef = "ZZ" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await GatewayRecordsAsync(app, strangerRef, 12_000);

        var deskCode = await AwaitingPaymentAsync(app, 25_000);
        await PaidAtDeskAsync(app, deskCode, "Transfer");

        // Collected by the post office when it picked up the documents, recorded by reception when handed over.
        var postalCode = await AwaitingPaymentAsync(app, 15_000);
        await PaidAtDeskAsync(app, postalCode, "Postal");

        var ward = await WardIdAsync(app);
        var reception = await app.ApiClientFor("reception1");
        var report = await reception.GetJsonAsync($"/api/v1/units/{ward}/payments/reconciliation?date={Today}");
        Assert.True(report.GetProperty("gatewayReached").GetBoolean());
        Assert.Equal(Today, report.GetProperty("date").GetString());

        var both = Row(report, paidRef);
        Assert.Equal("None", both.GetProperty("difference").GetString());
        Assert.Equal("Paid", both.GetProperty("status").GetString());
        Assert.Equal("Paid", both.GetProperty("gatewayStatus").GetString());
        Assert.Equal(50_000, both.GetProperty("gatewayAmount").GetInt64());

        var lost = Row(report, lostRef);
        Assert.Equal("StatusDiffers", lost.GetProperty("difference").GetString());
        Assert.Equal("Pending", lost.GetProperty("status").GetString());
        Assert.Equal("Paid", lost.GetProperty("gatewayStatus").GetString());
        Assert.Equal(lostCode, lost.GetProperty("applicationCode").GetString());

        var wrong = Row(report, wrongRef);
        Assert.Equal("AmountDiffers", wrong.GetProperty("difference").GetString());
        Assert.Equal(40_000, wrong.GetProperty("amount").GetInt64());
        Assert.Equal(4_000, wrong.GetProperty("gatewayAmount").GetInt64());

        var stranger = Row(report, strangerRef);
        Assert.Equal("OnlyAtGateway", stranger.GetProperty("difference").GetString());
        Assert.Equal(JsonValueKind.Null, stranger.GetProperty("applicationCode").ValueKind);

        var desk = report.GetProperty("desk").EnumerateArray().Single(d => d.GetProperty("applicationCode").GetString() == deskCode);
        Assert.Equal("Transfer", desk.GetProperty("method").GetString());
        Assert.Equal(25_000, desk.GetProperty("amount").GetInt64());
        Assert.DoesNotContain(report.GetProperty("online").EnumerateArray(), r => r.GetProperty("applicationCode").GetString() == deskCode);
        Assert.True(report.GetProperty("totals").GetProperty("transfer").GetInt64() >= 25_000);
        var postal = report.GetProperty("desk").EnumerateArray().Single(d => d.GetProperty("applicationCode").GetString() == postalCode);
        Assert.Equal("Postal", postal.GetProperty("method").GetString());
        Assert.True(report.GetProperty("totals").GetProperty("postal").GetInt64() >= 15_000);
        Assert.True(report.GetProperty("totals").GetProperty("differences").GetInt32() >= 3);

        // The same in Excel.
        using var excel = await reception.GetAsync(new Uri($"/api/v1/units/{ward}/payments/reconciliation?date={Today}&format=xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        using var stream = new MemoryStream(await excel.Content.ReadAsByteArrayAsync());
        var online = stream.Query(useHeaderRow: true, sheetName: ReconciliationExcel.OnlineSheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Lệch trạng thái", online.Single(r => (string?)r["Mã thanh toán"] == lostRef)["Chênh lệch"]);
        Assert.Equal("Lệch số tiền", online.Single(r => (string?)r["Mã thanh toán"] == wrongRef)["Chênh lệch"]);
        Assert.Equal("Khớp", online.Single(r => (string?)r["Mã thanh toán"] == paidRef)["Chênh lệch"]);
        stream.Position = 0;
        var deskRows = stream.Query(useHeaderRow: true, sheetName: ReconciliationExcel.DeskSheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Chuyển khoản", deskRows.Single(r => (string?)r["Mã hồ sơ"] == deskCode)["Cách thu"]);
        Assert.Equal("Thu hộ qua bưu chính", deskRows.Single(r => (string?)r["Mã hồ sơ"] == postalCode)["Cách thu"]);

        // And on the officers' page, where a difference is said in words.
        using var pages = app.Pages();
        await pages.SignInAsync("reception1");
        var (status, html) = await pages.GetAsync($"/can-bo/doi-soat-thanh-toan?unit={ward}&date={Today}");
        Assert.Equal(HttpStatusCode.OK, status);
        html = WebUtility.HtmlDecode(html);
        Assert.Contains(lostRef, html, StringComparison.Ordinal);
        Assert.Contains("Lệch trạng thái", html, StringComparison.Ordinal);
        Assert.Contains("Lệch số tiền", html, StringComparison.Ordinal);
        Assert.Contains("row-difference", html, StringComparison.Ordinal);
        Assert.Contains(deskCode, html, StringComparison.Ordinal);
        var (excelStatus, _) = await pages.GetAsync($"/can-bo/doi-soat-thanh-toan?handler=Excel&unit={ward}&date={Today}");
        Assert.Equal(HttpStatusCode.OK, excelStatus);
        Assert.NotEqual(default, paid);
    }

    [Fact]
    public async Task A_bad_date_is_a_bad_request_and_the_report_is_only_for_officers_of_the_unit()
    {
        var ward = await WardIdAsync(app);
        var reception = await app.ApiClientFor("reception1");
        foreach (var date in new[] { "02/12/2026", "2026-13-01", "", "1900-01-01" })
        {
            using var bad = await reception.GetAsync(new Uri($"/api/v1/units/{ward}/payments/reconciliation?date={date}", UriKind.Relative));
            await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        using (var badFormat = await reception.GetAsync(new Uri($"/api/v1/units/{ward}/payments/reconciliation?date={Today}&format=pdf", UriKind.Relative)))
        {
            await badFormat.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        using (var citizen = await (await app.ApiClientFor("citizen1")).GetAsync(new Uri($"/api/v1/units/{ward}/payments/reconciliation?date={Today}", UriKind.Relative)))
        {
            await citizen.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using (var noUnit = await reception.GetAsync(new Uri($"/api/v1/units/999999/payments/reconciliation?date={Today}", UriKind.Relative)))
        {
            await noUnit.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using (var anonymous = await app.CreateClient().GetAsync(new Uri($"/api/v1/units/{ward}/payments/reconciliation?date={Today}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using var pages = app.Pages();
        await pages.SignInAsync("citizen1");
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync("/can-bo/doi-soat-thanh-toan")).Status);

        // The sandbox's statement is for its merchant alone: an unsigned request is refused and lists nothing.
        using var unsigned = await app.CreateClient().PostAsJsonAsync("/sandbox/vnpay/merchant_webapi/api/statement", new Dictionary<string, string>
        {
            ["vnp_Command"] = "statement", ["vnp_TmnCode"] = MotCuaApp.SandboxMerchant, ["vnp_Date"] = Today.Replace("-", "", StringComparison.Ordinal),
            ["vnp_SecureHash"] = new string('0', 128),
        });
        var refused = await unsigned.ReadJsonAsync();
        Assert.Equal("97", refused.GetProperty("vnp_ResponseCode").GetString());
        Assert.False(refused.TryGetProperty("vnp_Transactions", out _));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReconciliationOnSqlite(SqliteApp app) : ReconciliationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReconciliationOnPostgres(PostgresApp app) : ReconciliationTests(app);
