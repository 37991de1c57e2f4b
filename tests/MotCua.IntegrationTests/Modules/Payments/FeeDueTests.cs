using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Common;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Modules.Payments.Domain;
using MotCua.Web.Modules.Payments.Gateways.VnPay;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Payments;

/// <summary>
/// Fees as the catalog states them: phí and lệ phí, paid with the application or after processing, less or nothing for
/// the applicants the law exempts; reception receives an application paid at submission only once its fee is paid.
/// </summary>
public abstract class FeeDueTests(MotCuaApp app)
{
    private const string Ipn = "/api/v1/payments/vnpay/ipn";

    /// <summary>
    /// A procedure of its own at the ward (the birth registration's form and workflow): a phí of 200.000 đồng and a lệ
    /// phí of 10.000 đồng (5.000 online), with the exemptions of Thông tư 244/2016/TT-BTC.
    /// </summary>
    private async Task<string> ProcedureAsync(string paymentDue)
    {
        var admin = await app.ApiClientFor("admin");
        var export = JsonNode.Parse((await admin.GetJsonAsync("/api/v1/admin/catalog/export")).GetRawText())!;
        var procedure = export["procedures"]!.AsArray().Single(p => (string)p!["code"]! == Birth)!.DeepClone().AsObject();
        var code = $"T-{Guid.NewGuid():N}"[..20];
        procedure["code"] = code;
        procedure["nationalCode"] = null;
        procedure["name"] = "Cấp Phiếu lý lịch tư pháp (thử)";
        procedure["version"] = null;
        procedure["fees"] = new JsonArray(
            new JsonObject { ["name"] = "Phí cung cấp thông tin lý lịch tư pháp", ["amount"] = 200_000, ["kind"] = "Charge" },
            new JsonObject { ["name"] = "Lệ phí cấp bản sao", ["amount"] = 10_000, ["onlineAmount"] = 5_000, ["kind"] = "Duty" });
        procedure["paymentDue"] = paymentDue;
        procedure["exemptions"] = new JsonArray(
            new JsonObject { ["category"] = "Người cao tuổi", ["percent"] = 100, ["legalBasis"] = "Thông tư số 244/2016/TT-BTC" },
            new JsonObject { ["category"] = "Sinh viên", ["percent"] = 50, ["legalBasis"] = "Thông tư số 244/2016/TT-BTC", ["appliesTo"] = "Charge" });
        var file = new JsonObject { ["format"] = "motcua.catalog.v1", ["procedures"] = new JsonArray(procedure) };
        using var response = await admin.PostAsync(new Uri("/api/v1/admin/catalog/imports?dryRun=false", UriKind.Relative),
            new StringContent(file.ToJsonString(), Encoding.UTF8, "application/json"));
        var report = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && report.GetProperty("added").GetArrayLength() == 1, report.ToString());
        return code;
    }

    private async Task<HttpResponseMessage> FileAsync(string procedure, string? exemption = null) =>
        await SubmitAsync(await app.ApiClientFor("citizen1"), new { procedureCode = procedure, unitId = await WardIdAsync(app), form = BirthForm(), exemption });

    private async Task<string> FiledAsync(string procedure, string? exemption = null)
    {
        using var response = await FileAsync(procedure, exemption);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal("Submitted", body.GetProperty("status").GetString());
        return body.GetProperty("code").GetString()!;
    }

    private async Task<JsonElement> ApplicationAsync(string code, string user = "citizen1") =>
        await (await app.ApiClientFor(user)).GetFromJsonAsync<JsonElement>($"/api/v1/applications/{code}");

    private async Task<Payment> StoredPaymentAsync(Guid id)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Common.Persistence.MotCuaDbContext>();
        return await db.Set<Payment>().AsNoTracking().SingleAsync(p => p.Id == id);
    }

    [Fact]
    public async Task An_application_paid_at_submission_waits_for_its_fee_then_reception_receives_it_once_paid_online()
    {
        var code = await FiledAsync(await ProcedureAsync("AtSubmission"));
        var fee = (await ApplicationAsync(code)).GetProperty("fee");
        Assert.Equal(205_000, fee.GetProperty("amountDue").GetInt64());
        Assert.True(fee.GetProperty("payableNow").GetBoolean());
        Assert.Equal("AtSubmission", fee.GetProperty("paymentDue").GetString());
        Assert.Equal(["Charge", "Duty"], fee.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()));

        // The citizen is told at once what is due before reception takes it, and where to pay.
        var told = await OutboxTests.EventuallyAsync(async () =>
        {
            var list = await (await app.ApiClientFor("citizen1")).GetJsonAsync("/api/v1/notifications");
            return list.GetProperty("items").EnumerateArray()
                .FirstOrDefault(n => n.GetProperty("applicationCode").GetString() == code && n.GetProperty("title").GetString() == "Đã gửi hồ sơ, cần nộp phí, lệ phí");
        });
        var toldBody = told.GetProperty("body").GetString()!;
        Assert.Contains("205.000 đồng", toldBody, StringComparison.Ordinal);
        Assert.Contains($"{MotCuaApp.PublicBaseUrl}/ho-so/{code}/thanh-toan", toldBody, StringComparison.Ordinal);

        // Unpaid: reception's receive is refused in words, and nothing changes.
        var reception = await app.ApiClientFor("reception1");
        using (var early = await ActAsync(reception, code, new { action = "receive" }))
        {
            var problem = await early.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("chưa nộp phí, lệ phí", problem.GetProperty("detail").GetString() ?? problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("Submitted", (await ApplicationAsync(code)).GetProperty("status").GetString());
        using var officer = app.Pages();
        await officer.SignInAsync("reception1");
        var (_, inbox) = await officer.GetAsync($"/can-bo/ho-so?q={Uri.EscapeDataString(code)}");
        Assert.Contains("Chờ nộp phí", WebUtility.HtmlDecode(inbox), StringComparison.Ordinal);

        // The citizen sees what is due and pays online; the gateway's notice leaves the application Submitted, paid.
        using var citizen = app.Pages();
        await citizen.SignInAsync("citizen1");
        var (_, page) = await citizen.GetAsync($"/ho-so/{code}");
        page = WebUtility.HtmlDecode(page);
        Assert.Contains("Cần nộp phí, lệ phí", page, StringComparison.Ordinal);
        Assert.Contains("Thanh toán trực tuyến", page, StringComparison.Ordinal);
        Assert.Contains("205.000 đồng", page, StringComparison.Ordinal);

        using var started = await (await app.ApiClientFor("citizen1")).PostAsync(new Uri($"/api/v1/applications/{code}/payments", UriKind.Relative), null);
        var body = await started.ReadJsonAsync();
        Assert.True(started.StatusCode == HttpStatusCode.Created, body.ToString());
        var id = body.GetProperty("paymentId").GetGuid();
        var redirect = new Uri(body.GetProperty("redirectUrl").GetString()!);
        Assert.Equal("20500000", QueryHelpers.ParseQuery(redirect.Query)["vnp_Amount"].ToString());
        using (var notice = await app.CreateClient().GetAsync(new Uri($"{Ipn}?{Notice(redirect)}", UriKind.Relative)))
        {
            Assert.Equal("00", (await notice.ReadJsonAsync()).GetProperty("RspCode").GetString());
        }

        var paid = await StoredPaymentAsync(id);
        Assert.Equal(PaymentStatus.Paid, paid.Status);
        Assert.Equal([new PaymentItem("Phí cung cấp thông tin lý lịch tư pháp", "Charge", 200_000), new PaymentItem("Lệ phí cấp bản sao", "Duty", 5_000)], paid.Items);
        var application = await ApplicationAsync(code);
        Assert.Equal("Submitted", application.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, application.GetProperty("fee").GetProperty("paidAt").ValueKind);
        Assert.False(application.GetProperty("fee").GetProperty("payableNow").GetBoolean());
        Assert.Equal("payment-confirmed", application.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString());

        var received = await ActOkAsync(reception, code, new { action = "receive" });
        Assert.Equal("InProgress", received.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reception_takes_an_at_submission_fee_at_the_desk_and_then_receives_the_application()
    {
        var code = await FiledAsync(await ProcedureAsync("AtSubmission"));
        var reception = await app.ApiClientFor("reception1");
        using var taken = await reception.PostAsJsonAsync($"/api/v1/applications/{code}/payments/counter", new { method = "Transfer" });
        var payment = await taken.ReadJsonAsync();
        Assert.True(taken.StatusCode == HttpStatusCode.Created, payment.ToString());
        Assert.Equal(205_000, payment.GetProperty("amount").GetInt64());
        Assert.Equal(2, (await StoredPaymentAsync(payment.GetProperty("id").GetGuid())).Items.Count);
        Assert.Equal("Submitted", (await ApplicationAsync(code)).GetProperty("status").GetString());

        // Paid once: the desk cannot take it twice.
        using (var twice = await reception.PostAsJsonAsync($"/api/v1/applications/{code}/payments/counter", new { method = "Cash" }))
        {
            await twice.AssertProblemAsync(HttpStatusCode.Conflict);
        }

        Assert.Equal("InProgress", (await ActOkAsync(reception, code, new { action = "receive" })).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_full_exemption_claimed_leaves_nothing_due_and_the_officer_sees_the_claim()
    {
        var procedure = await ProcedureAsync("AtSubmission");
        using (var unknown = await FileAsync(procedure, "Người nước ngoài"))
        {
            var problem = await unknown.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("exemption", out _));
        }

        var code = await FiledAsync(procedure, "Người cao tuổi");
        var fee = (await ApplicationAsync(code)).GetProperty("fee");
        Assert.Equal(JsonValueKind.Null, fee.GetProperty("amountDue").ValueKind);
        Assert.False(fee.GetProperty("payableNow").GetBoolean());
        Assert.Equal("Người cao tuổi", fee.GetProperty("exemption").GetString());
        using (var pay = await (await app.ApiClientFor("citizen1")).PostAsync(new Uri($"/api/v1/applications/{code}/payments", UriKind.Relative), null))
        {
            await pay.AssertProblemAsync(HttpStatusCode.Conflict);
        }

        using var officer = app.Pages();
        await officer.SignInAsync("reception1");
        var (_, page) = await officer.GetAsync($"/can-bo/ho-so/{code}");
        page = WebUtility.HtmlDecode(page);
        Assert.Contains("Đề nghị miễn, giảm phí, lệ phí", page, StringComparison.Ordinal);
        Assert.Contains("Người cao tuổi", page, StringComparison.Ordinal);
        Assert.Equal("InProgress", (await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" })).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_payment_request_proposes_what_the_fees_come_to_and_asks_a_reason_to_ask_less()
    {
        var procedure = await ProcedureAsync("AfterProcessing");
        var code = await FiledAsync(procedure, "Sinh viên");
        Assert.Equal(JsonValueKind.Null, (await ApplicationAsync(code)).GetProperty("fee").GetProperty("amountDue").ValueKind);
        await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });
        var specialist = await app.ApiClientFor("specialist1");

        // The student's claim halves the phí (online): 100.000 + 5.000. Less than that needs a reason; nothing changes.
        using (var lower = await ActAsync(specialist, code, new { action = "request-payment", amount = 50_000 }))
        {
            var problem = await lower.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _), problem.ToString());
        }

        Assert.Equal("InProgress", (await ApplicationAsync(code)).GetProperty("status").GetString());
        var asked = await ActOkAsync(specialist, code, new { action = "request-payment" });
        Assert.Equal("AwaitingPayment", asked.GetProperty("status").GetString());
        var fee = (await ApplicationAsync(code)).GetProperty("fee");
        Assert.Equal(105_000, fee.GetProperty("amountDue").GetInt64());
        Assert.Equal([100_000L, 5_000L], fee.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("amount").GetInt64()));
        var note = (await ApplicationAsync(code)).GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString()!;
        Assert.Contains("105.000 đồng", note, StringComparison.Ordinal);
        Assert.Contains("Sinh viên", note, StringComparison.Ordinal);

        // Another application, asked for less with a reason: kept in the history the applicant reads.
        var other = await FiledAsync(procedure);
        await ActOkAsync(await app.ApiClientFor("reception1"), other, new { action = "receive" });
        await ActOkAsync(specialist, other, new { action = "request-payment", amount = 200_000, reason = "Chỉ cấp một bản, không cấp bản sao" });
        var history = (await ApplicationAsync(other)).GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString()!;
        Assert.Contains("Chỉ cấp một bản, không cấp bản sao", history, StringComparison.Ordinal);
        Assert.Contains("205.000 đồng", history, StringComparison.Ordinal);
        Assert.Equal(200_000, (await ApplicationAsync(other)).GetProperty("fee").GetProperty("amountDue").GetInt64());
    }

    [Fact]
    public async Task Kinds_payment_timing_and_exemptions_go_out_and_back_in_through_the_exchange_file_and_the_api()
    {
        var code = await ProcedureAsync("AtSubmission");
        var admin = await app.ApiClientFor("admin");
        var export = JsonNode.Parse((await admin.GetJsonAsync("/api/v1/admin/catalog/export")).GetRawText())!;
        var record = export["procedures"]!.AsArray().Single(p => (string)p!["code"]! == code)!;
        Assert.Equal("AtSubmission", (string)record["paymentDue"]!);
        Assert.Equal(["Charge", "Duty"], record["fees"]!.AsArray().Select(f => (string)f!["kind"]!));
        Assert.Equal(["Người cao tuổi", "Sinh viên"], record["exemptions"]!.AsArray().Select(e => (string)e!["category"]!));
        Assert.Equal("Charge", (string)record["exemptions"]![1]!["appliesTo"]!);

        var again = new JsonObject { ["format"] = "motcua.catalog.v1", ["procedures"] = new JsonArray(record.DeepClone()) };
        using var dry = await admin.PostAsync(new Uri("/api/v1/admin/catalog/imports?dryRun=true", UriKind.Relative), new StringContent(again.ToJsonString(), Encoding.UTF8, "application/json"));
        var report = await dry.ReadJsonAsync();
        Assert.Equal(1, report.GetProperty("unchanged").GetInt32());

        // A file written before kinds existed reads its fees as lệ phí.
        var old = record.DeepClone().AsObject();
        foreach (var f in old["fees"]!.AsArray())
        {
            f!.AsObject().Remove("kind");
        }

        old.Remove("paymentDue");
        old.Remove("exemptions");
        using var oldDry = await admin.PostAsync(new Uri("/api/v1/admin/catalog/imports?dryRun=true", UriKind.Relative),
            new StringContent(new JsonObject { ["format"] = "motcua.catalog.v1", ["procedures"] = new JsonArray(old) }.ToJsonString(), Encoding.UTF8, "application/json"));
        var oldReport = await oldDry.ReadJsonAsync();
        Assert.True(oldDry.StatusCode == HttpStatusCode.OK && oldReport.GetProperty("changed").GetArrayLength() == 1, oldReport.ToString());

        var api = await app.CreateClient().GetJsonAsync($"/api/v1/procedures/{code}");
        Assert.Equal("AtSubmission", api.GetProperty("paymentDue").GetString());
        Assert.Equal("Charge", api.GetProperty("fees")[0].GetProperty("kind").GetString());
        Assert.Equal(50, api.GetProperty("feeExemptions")[1].GetProperty("percent").GetInt32());

        // The citizen's page groups the fees by kind, gives the online discount and lists who is exempted.
        var (_, page) = await app.Pages().GetAsync($"/thu-tuc/{code}");
        page = WebUtility.HtmlDecode(page);
        Assert.Contains("(giảm 50%)", page, StringComparison.Ordinal);
        Assert.Contains("Đối tượng được miễn, giảm", page, StringComparison.Ordinal);
        Assert.Contains("Nộp khi nộp hồ sơ", page, StringComparison.Ordinal);
    }

    /// <summary>The sandbox gateway's paid notice for the order it was sent.</summary>
    private static string Notice(Uri redirect)
    {
        var order = QueryHelpers.ParseQuery(redirect.Query);
        KeyValuePair<string, string?>[] fields =
        [
            new("vnp_Amount", order["vnp_Amount"].ToString()),
            new("vnp_BankCode", "NCB"),
            new("vnp_OrderInfo", order["vnp_OrderInfo"].ToString()),
            new("vnp_PayDate", "20261202150000"),
            new("vnp_ResponseCode", "00"),
            new("vnp_TmnCode", order["vnp_TmnCode"].ToString()),
            new("vnp_TransactionNo", "14054321"),
            new("vnp_TransactionStatus", "00"),
            new("vnp_TxnRef", order["vnp_TxnRef"].ToString()),
        ];
        return VnPayProtocol.SignedQuery(fields, MotCuaApp.SandboxSecret);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FeeDueOnSqlite(SqliteApp app) : FeeDueTests(app);

[Collection(PostgresCollection.Name)]
public sealed class FeeDueOnPostgres(PostgresApp app) : FeeDueTests(app);
