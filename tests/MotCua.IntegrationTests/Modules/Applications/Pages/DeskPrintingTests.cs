using System.Net;
using MotCua.IntegrationTests.Infrastructure;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Applications.Pages;

public abstract class DeskPrintingTests(MotCuaApp app)
{
    [Fact]
    public async Task A_postal_application_is_received_and_its_receipt_printed_from_the_officer_page()
    {
        var reception = await app.ApiClientFor("reception1");
        using var response = await SubmitAsync(reception, new
        {
            procedureCode = Birth,
            unitId = await WardIdAsync(app),
            channel = "Postal",
            form = BirthForm("Phạm Gia Bảo"),
            applicant = new { name = "Phạm Văn Lực", phone = "0977000111", address = "Thôn Đông, xã An Lạc" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var code = (await response.ReadJsonAsync()).GetProperty("code").GetString()!;
        var received = await ActOkAsync(reception, code, new { action = "receive" });
        Assert.Equal("Postal", received.GetProperty("channel").GetString());

        using var pages = app.Pages();
        await pages.SignInAsync("reception1");
        var (status, html) = await pages.GetAsync($"/can-bo/ho-so/{code}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", html, StringComparison.Ordinal);

        using var slip = await pages.Http.GetAsync(new Uri($"/can-bo/ho-so/{code}?handler=Slip&kind=receipt", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, slip.StatusCode);
        Assert.Equal("application/pdf", slip.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await slip.Content.ReadAsByteArrayAsync(), 0, 4), StringComparison.Ordinal);

        var day = received.GetProperty("receivedAt").GetDateTimeOffset().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var book = await pages.Http.GetAsync(new Uri($"/can-bo/ho-so?handler=Book&from={day}&to={day}&format=xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, book.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", book.Content.Headers.ContentType?.MediaType);

        var (_, refused) = await pages.GetAsync("/can-bo/ho-so?handler=Book&from=2026-12-01&to=2026-01-01");
        Assert.Contains("Chọn ngày bắt đầu và ngày kết thúc", refused, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DeskPrintingOnSqlite(SqliteApp app) : DeskPrintingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DeskPrintingOnPostgres(PostgresApp app) : DeskPrintingTests(app);
