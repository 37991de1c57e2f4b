using System.Net;
using MotCua.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Applications;

public abstract class SlipTests(MotCuaApp app)
{
    private static async Task<string> PdfTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [Fact]
    public async Task The_qr_code_on_a_slip_carries_the_configured_address_even_under_a_forged_host_header()
    {
        var citizen = await app.ApiClientFor("citizen1");
        var code = await SubmitBirthAsync(app, citizen);
        await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/applications/{code}/slips/receipt", UriKind.Relative));
        request.Headers.Host = "ke-gia-mao.example";
        using var response = await citizen.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var qr = QrCodes.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal($"{MotCuaApp.PublicBaseUrl}/tra-cuu?code={code}", qr);
    }

    [Fact]
    public async Task The_receipt_slip_is_a_pdf_with_the_code_the_applicant_and_the_documents_in_vietnamese()
    {
        var citizen = await app.ApiClientFor("citizen1");
        var code = await SubmitBirthAsync(app, citizen);
        using (var upload = await AttachAsync(citizen, code, BirthCertificate, Pdf)) { Assert.Equal(HttpStatusCode.Created, upload.StatusCode); }

        using (var early = await citizen.GetAsync(new Uri($"/api/v1/applications/{code}/slips/receipt", UriKind.Relative)))
        {
            await early.AssertProblemAsync(HttpStatusCode.Conflict);
        }

        await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });
        using var response = await citizen.GetAsync(new Uri($"/api/v1/applications/{code}/slips/receipt", UriKind.Relative));
        var text = await PdfTextAsync(response);
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", text, StringComparison.Ordinal);
        Assert.Contains(code, text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", text, StringComparison.Ordinal);
        Assert.Contains("Giấy chứng sinh", text, StringComparison.Ordinal);
        Assert.Contains("Lê Thị Thu", text, StringComparison.Ordinal);

        // Dated at the unit's place (data on the unit), with the province's feedback hotline (Portal:Hotline).
        Assert.Contains("An Phú, ngày", text, StringComparison.Ordinal);
        Assert.Contains("đường dây nóng " + MotCuaApp.Hotline, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supplement_request_slip_lists_what_is_missing_and_form_06_is_for_officers()
    {
        var citizen = await app.ApiClientFor("citizen2");
        var specialist = await app.ApiClientFor("specialist1");
        var code = await SubmitBirthAsync(app, citizen, "Trần Thu Hà");
        await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });
        await ActOkAsync(specialist, code, new { action = "request-supplement", items = new[] { new { name = "Giấy chứng sinh bản rõ nét", reason = "Bản chụp bị mờ" } } });

        using var slip = await citizen.GetAsync(new Uri($"/api/v1/applications/{code}/slips/supplement-request", UriKind.Relative));
        var text = await PdfTextAsync(slip);
        Assert.Contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", text, StringComparison.Ordinal);
        Assert.Contains("Bản chụp bị mờ", text, StringComparison.Ordinal);

        using var internalForm = await citizen.GetAsync(new Uri($"/api/v1/applications/{code}/slips/processing-control", UriKind.Relative));
        await internalForm.AssertProblemAsync(HttpStatusCode.Conflict);
        using var control = await specialist.GetAsync(new Uri($"/api/v1/applications/{code}/slips/processing-control", UriKind.Relative));
        Assert.Contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", await PdfTextAsync(control), StringComparison.Ordinal);

        using var unknown = await citizen.GetAsync(new Uri($"/api/v1/applications/{code}/slips/mau-99", UriKind.Relative));
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_tracking_book_comes_as_pdf_and_excel_for_the_units_officers()
    {
        var citizen = await app.ApiClientFor("citizen1");
        var reception = await app.ApiClientFor("reception1");
        var code = await SubmitBirthAsync(app, citizen, "Nguyễn Hải Đăng");
        var received = await ActOkAsync(reception, code, new { action = "receive" });
        var day = received.GetProperty("receivedAt").GetDateTimeOffset().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var ward = await WardIdAsync(app);

        using var pdf = await reception.GetAsync(new Uri($"/api/v1/units/{ward}/tracking-book?from={day}&to={day}&format=pdf", UriKind.Relative));
        var text = await PdfTextAsync(pdf);
        // The narrow code column wraps after the unit code: both halves are there.
        Assert.Contains(code[..(code.IndexOf("H99-", StringComparison.Ordinal) + 4)], text, StringComparison.Ordinal);
        Assert.Contains(code[(code.IndexOf("H99-", StringComparison.Ordinal) + 4)..], text, StringComparison.Ordinal);

        using var excel = await reception.GetAsync(new Uri($"/api/v1/units/{ward}/tracking-book?from={day}&to={day}&format=xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        var bytes = await excel.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);

        using var citizenBook = await citizen.GetAsync(new Uri($"/api/v1/units/{ward}/tracking-book?from={day}&to={day}", UriKind.Relative));
        await citizenBook.AssertProblemAsync(HttpStatusCode.NotFound);
        using var badRange = await reception.GetAsync(new Uri($"/api/v1/units/{ward}/tracking-book?from=2026-12-01&to=2026-11-01", UriKind.Relative));
        await badRange.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SlipsOnSqlite(SqliteApp app) : SlipTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SlipsOnPostgres(PostgresApp app) : SlipTests(app);
