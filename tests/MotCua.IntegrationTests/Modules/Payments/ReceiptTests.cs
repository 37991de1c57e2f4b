using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Modules.Payments.Domain;
using MotCua.Web.Modules.Payments.Receipts;
using UglyToad.PdfPig;
using static MotCua.IntegrationTests.Modules.Payments.PaymentFlows;

namespace MotCua.IntegrationTests.Modules.Payments;

/// <summary>The electronic receipt of a paid fee: for the applicant and the unit's officers, numbered once per unit and year.</summary>
public abstract class ReceiptTests(MotCuaApp app)
{
    private static async Task<string> PdfTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private async Task<(int? Year, int? Number)> NumberOfAsync(Guid id)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Common.Persistence.MotCuaDbContext>();
        var payment = await db.Set<Payment>().AsNoTracking().SingleAsync(p => p.Id == id);
        return (payment.ReceiptYear, payment.ReceiptNumber);
    }

    [Fact]
    public async Task The_applicant_and_an_officer_of_the_unit_download_the_receipt_of_a_fee_paid_online()
    {
        var code = await AwaitingPaymentAsync(app, 50_000);
        var (id, _) = await PaidOnlineAsync(app, code);

        using var mine = await (await app.ApiClientFor("citizen1")).GetAsync(new Uri($"/api/v1/payments/{id}/receipt", UriKind.Relative));
        var text = await PdfTextAsync(mine);
        var (year, number) = await NumberOfAsync(id);
        Assert.NotNull(number);
        Assert.Contains("BIÊN LAI THU PHÍ, LỆ PHÍ", text, StringComparison.Ordinal);
        Assert.Contains(ReceiptService.Series(year!.Value), text, StringComparison.Ordinal);
        Assert.Contains(ReceiptService.Number(number!.Value), text, StringComparison.Ordinal);
        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.Contains("50.000", text, StringComparison.Ordinal);
        Assert.Contains("Năm mươi nghìn đồng", text, StringComparison.Ordinal);
        Assert.Contains("Cổng thanh toán thử nghiệm", text, StringComparison.Ordinal);
        Assert.Contains("Đăng ký khai sinh", text, StringComparison.Ordinal);

        using var officers = await (await app.ApiClientFor("reception1")).GetAsync(new Uri($"/api/v1/payments/{id}/receipt", UriKind.Relative));
        Assert.Contains(ReceiptService.Number(number.Value), await PdfTextAsync(officers), StringComparison.Ordinal);

        // The same receipt on the pages, behind the signed-in session.
        using var citizen = app.Pages();
        await citizen.SignInAsync("citizen1");
        var (_, details) = await citizen.GetAsync($"/ho-so/{code}");
        Assert.Contains($"/thanh-toan/{id}/bien-lai", details, StringComparison.Ordinal);
        Assert.Contains("Tải biên lai", WebUtility.HtmlDecode(details), StringComparison.Ordinal);
        var (status, _) = await citizen.GetAsync($"/thanh-toan/{id}/bien-lai");
        Assert.Equal(HttpStatusCode.OK, status);
        using var reception = app.Pages();
        await reception.SignInAsync("reception1");
        var (_, payments) = await reception.GetAsync($"/can-bo/ho-so/{code}/thanh-toan");
        Assert.Contains($"/thanh-toan/{id}/bien-lai", payments, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fee_collected_by_post_is_recorded_by_reception_and_its_receipt_says_so_and_names_the_units_account()
    {
        var code = await AwaitingPaymentAsync(app, 30_000);
        var id = await PaidAtDeskAsync(app, code, "Postal");
        Payment stored;
        using (var scope = app.Services.CreateScope())
        {
            stored = await scope.ServiceProvider.GetRequiredService<MotCua.Web.Common.Persistence.MotCuaDbContext>().Set<Payment>().AsNoTracking().SingleAsync(p => p.Id == id);
        }

        Assert.Equal(PaymentMethod.Postal, stored.Method);
        Assert.Equal("Lê Thị Thu", stored.RecordedBy);
        Assert.NotNull(stored.AccountNumber);

        using var mine = await (await app.ApiClientFor("citizen1")).GetAsync(new Uri($"/api/v1/payments/{id}/receipt", UriKind.Relative));
        var text = await PdfTextAsync(mine);
        Assert.Contains("Thu hộ qua bưu chính công ích", text, StringComparison.Ordinal);
        Assert.Contains(stored.AccountNumber, text, StringComparison.Ordinal);
        Assert.Contains("Ba mươi nghìn đồng", text, StringComparison.Ordinal);

        // The application's history says it came by post, from the system actor, naming the officer who recorded it.
        var history = (await (await app.ApiClientFor("reception1")).GetJsonAsync($"/api/v1/applications/{code}")).GetProperty("history").EnumerateArray().Last();
        Assert.Equal("payment-confirmed", history.GetProperty("action").GetString());
        Assert.Contains("bưu chính", history.GetProperty("note").GetString(), StringComparison.Ordinal);

        // The officers' list of payments says how and into which account.
        using var reception = app.Pages();
        await reception.SignInAsync("reception1");
        var (_, payments) = await reception.GetAsync($"/can-bo/ho-so/{code}/thanh-toan");
        payments = WebUtility.HtmlDecode(payments);
        Assert.Contains("Thu hộ qua bưu chính", payments, StringComparison.Ordinal);
        Assert.Contains(stored.AccountNumber, payments, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_citizen_and_an_unpaid_payment_get_no_receipt()
    {
        var code = await AwaitingPaymentAsync(app, 20_000);
        var (pending, _, _) = await StartAsync(app, code);
        using (var unpaid = await (await app.ApiClientFor("citizen1")).GetAsync(new Uri($"/api/v1/payments/{pending}/receipt", UriKind.Relative)))
        {
            await unpaid.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        var (paid, _) = await PaidOnlineAsync(app, await AwaitingPaymentAsync(app, 20_000));
        using (var other = await (await app.ApiClientFor("citizen2")).GetAsync(new Uri($"/api/v1/payments/{paid}/receipt", UriKind.Relative)))
        {
            await other.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using (var unknown = await (await app.ApiClientFor("citizen1")).GetAsync(new Uri($"/api/v1/payments/{Guid.NewGuid()}/receipt", UriKind.Relative)))
        {
            await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using var otherPages = app.Pages();
        await otherPages.SignInAsync("citizen2");
        Assert.Equal(HttpStatusCode.NotFound, (await otherPages.GetAsync($"/thanh-toan/{paid}/bien-lai")).Status);
    }

    [Fact]
    public async Task Receipts_taken_at_the_same_time_get_following_numbers_once_and_a_refund_is_printed()
    {
        var codes = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            codes.Add(await AwaitingPaymentAsync(app, 15_000));
        }

        // Four desks take four fees at once.
        var clients = new List<HttpClient>();
        foreach (var _ in codes)
        {
            clients.Add(await app.ApiClientFor("reception1"));
        }

        var ids = await Task.WhenAll(codes.Select((code, i) => PaidAtDeskAsync(app, code, "Cash", clients[i])));
        var numbers = new List<(int? Year, int? Number)>();
        foreach (var id in ids)
        {
            numbers.Add(await NumberOfAsync(id));
        }

        Assert.All(numbers, n => Assert.NotNull(n.Number));
        Assert.Single(numbers.Select(n => n.Year).Distinct());
        var sorted = numbers.Select(n => n.Number!.Value).Order().ToList();
        Assert.Equal(Enumerable.Range(sorted[0], 4), sorted);

        // Asked again, a number stays as it was.
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReceiptNumbers>().AssignAsync(ids[0], CancellationToken.None);
        }

        Assert.Equal(numbers[0], await NumberOfAsync(ids[0]));

        var reception = await app.ApiClientFor("reception1");
        using var desk = await reception.GetAsync(new Uri($"/api/v1/payments/{ids[1]}/receipt", UriKind.Relative));
        var text = await PdfTextAsync(desk);
        Assert.Contains("Tiền mặt tại bộ phận một cửa", text, StringComparison.Ordinal);
        Assert.Contains("Mười lăm nghìn đồng", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ĐÃ HOÀN TRẢ", text, StringComparison.Ordinal);

        using (var refunded = await reception.PostAsJsonAsync($"/api/v1/payments/{ids[1]}/refunds", new { reason = "Người nộp được miễn lệ phí" }))
        {
            Assert.Equal(HttpStatusCode.OK, refunded.StatusCode);
        }

        using var after = await reception.GetAsync(new Uri($"/api/v1/payments/{ids[1]}/receipt", UriKind.Relative));
        var refundedText = await PdfTextAsync(after);
        Assert.Contains("ĐÃ HOÀN TRẢ", refundedText, StringComparison.Ordinal);
        Assert.Contains("Người nộp được miễn lệ phí", refundedText, StringComparison.Ordinal);
        Assert.Equal(numbers[1], await NumberOfAsync(ids[1]));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReceiptsOnSqlite(SqliteApp app) : ReceiptTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReceiptsOnPostgres(PostgresApp app) : ReceiptTests(app);
