using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Modules.EForms.Public;
using UglyToad.PdfPig;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Applications;

public abstract class SlipTests(MotCuaApp app)
{
    /// <summary>
    /// Form 06 along a three-step workflow whose middle step is at the province's Department of Justice (inter-unit transfer):
    /// each row names who handed the file to whom, at which step's deadline, as the history says it happened.
    /// </summary>
    [Fact]
    public async Task Form_06_has_a_row_per_hand_off_along_three_steps_with_a_transfer_to_another_unit()
    {
        const string ward = "000.01.00.H99", justiceDepartment = "000.00.02.H99";
        var admin = await app.ApiClientFor("admin");
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(Catalog.CatalogImportTests.SampleFile))!.AsObject();
        var procedure = sample["procedures"]!.AsArray().Single(p => (string)p!["code"]! == "2.000908")!.DeepClone().AsObject();
        var procedureCode = $"P-{Guid.NewGuid():N}"[..20];
        procedure["code"] = procedureCode;
        procedure["nationalCode"] = null;
        procedure["units"] = new JsonArray(ward);
        procedure["workflow"] = new JsonArray(
            new JsonObject { ["name"] = "Tiếp nhận, kiểm tra hồ sơ", ["role"] = "Reception", ["unit"] = null, ["share"] = 0.2 },
            new JsonObject { ["name"] = "Tra sổ gốc tại Sở Tư pháp", ["role"] = "Specialist", ["unit"] = justiceDepartment, ["share"] = 0.5 },
            new JsonObject { ["name"] = "Lãnh đạo ký bản sao", ["role"] = "Leader", ["unit"] = null, ["share"] = 0.3 });
        sample["procedures"] = new JsonArray(procedure);
        using (var loaded = await admin.PostAsync(new Uri("/api/v1/admin/catalog/imports?dryRun=false", UriKind.Relative), new StringContent(sample.ToJsonString(), Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        }

        var units = (await admin.GetJsonAsync("/api/v1/admin/units")).EnumerateArray().ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("id").GetInt32());
        var userName = $"stp.anbinh{Random.Shared.Next(10_000, 99_999)}";
        using (var created = await admin.PostAsJsonAsync("/api/v1/admin/officers",
            new { userName, fullName = "Võ Văn Tra", unitId = units[justiceDepartment], roles = new[] { "Specialist" }, email = (string?)null, password = "TraSoGoc@2026!" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var form = procedure["form"]!;
        var answers = FormSamples.Filled(new FormDefinition(form["schema"]!.ToJsonString(), form["ui"]!.ToJsonString()));
        var citizen = await app.ApiClientFor("citizen1");
        using var submitted = await SubmitAsync(citizen, new { procedureCode, unitId = units[ward], form = answers });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var code = (await submitted.ReadJsonAsync()).GetProperty("code").GetString()!;

        await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });
        await ActOkAsync(await app.ApiClientFor(userName, "TraSoGoc@2026!"), code, new { action = "forward", note = "Sổ gốc khớp" });
        var leader = await app.ApiClientFor("leader1");
        using (var result = await AttachAsync(leader, code, "Bản sao từ sổ gốc", Pdf, "ban-sao.pdf", "Result")) { Assert.Equal(HttpStatusCode.Created, result.StatusCode); }
        await ActOkAsync(leader, code, new { action = "approve" });

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Common.Persistence.MotCuaDbContext>();
        var application = await db.Set<MotCua.Web.Modules.Applications.Domain.Application>().Include(a => a.Events).SingleAsync(a => a.Code == code);
        var slip = await scope.ServiceProvider.GetRequiredService<MotCua.Web.Modules.Applications.Slips.SlipBuilder>().BuildAsync(application, "https://tra-cuu", CancellationToken.None);
        var rows = slip.HandOffs.Select(h => (h.GiverUnit, h.GiverName, h.ReceiverUnit, h.ReceiverName)).ToList();
        Assert.Equal(
        [
            ("Bộ phận một cửa, UBND phường An Phú", "Lê Thị Thu", "Sở Tư pháp tỉnh An Bình", "Võ Văn Tra (Tra sổ gốc tại Sở Tư pháp)"),
            ("Sở Tư pháp tỉnh An Bình", "Võ Văn Tra", "UBND phường An Phú", "Hoàng Văn Hải (Lãnh đạo ký bản sao)"),
            ("UBND phường An Phú", "Hoàng Văn Hải", "Bộ phận một cửa, UBND phường An Phú (trả kết quả)", "Trả kết quả"),
        ], rows);

        // Each row is judged against the deadline of the step that handed the file on.
        var steps = application.Steps.ToList();
        Assert.Equal([steps[0].DueAt, steps[1].DueAt, steps[2].DueAt],
            slip.HandOffs.Select(h => h.StepDueAt is { } d ? NodaTime.Instant.FromDateTimeOffset(d) : (NodaTime.Instant?)null).ToList());
        Assert.All(slip.HandOffs, h => Assert.NotNull(h.Result));
        Assert.Equal("Sổ gốc khớp", slip.HandOffs[1].Note);
    }

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

        // The issuing unit in full; an uploaded scan is an electronic copy, not an original.
        Assert.Contains("ỦY BAN NHÂN DÂN PHƯỜNG AN PHÚ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("UBND PHƯỜNG AN PHÚ", text, StringComparison.Ordinal);
        Assert.Contains(BirthCertificate + " (bản điện tử)", text.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
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
