using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Infrastructure;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Applications;

/// <summary>Outside systems act with their own key, on the transitions meant for them, and are named in the history.</summary>
public abstract class SystemTransitionTests(MotCuaApp app)
{
    private const string Path = "/api/v1/system/applications/{0}/transitions";

    private async Task<string> AwaitingPaymentAsync()
    {
        var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"), "Lệ Phí");
        await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });
        var view = await ActOkAsync(await app.ApiClientFor("specialist1"), code, new { action = "request-payment", note = "Lệ phí 8.000 đồng" });
        Assert.Equal("AwaitingPayment", view.GetProperty("status").GetString());
        return code;
    }

    private async Task<string> StatusAsync(string code) =>
        (await (await app.ApiClientFor("reception1")).GetFromJsonAsync<JsonElement>($"/api/v1/applications/{code}")).GetProperty("status").GetString()!;

    [Fact]
    public async Task The_payment_system_confirms_a_payment_and_the_history_names_it()
    {
        var code = await AwaitingPaymentAsync();
        using var system = app.SystemClient();
        var response = await system.PostAsJsonAsync(string.Format(null, Path, code), new { action = "payment-confirmed", note = "Mã giao dịch 14012345" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("InProgress", view.GetProperty("status").GetString());
        var last = view.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("payment-confirmed", last.GetProperty("action").GetString());
        Assert.Equal("Cổng thanh toán kiểm thử", last.GetProperty("actorName").GetString());
        Assert.Equal("System", last.GetProperty("actorRole").GetString());
        Assert.Equal("Mã giao dịch 14012345", last.GetProperty("note").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ApiKey khoa-sai")]
    [InlineData("Bearer khoa-sai")]
    public async Task Without_a_system_key_nothing_changes(string? authorization)
    {
        var code = await AwaitingPaymentAsync();
        using var client = app.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.PostAsJsonAsync(string.Format(null, Path, code), new { action = "payment-confirmed" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("AwaitingPayment", await StatusAsync(code));
    }

    [Fact]
    public async Task A_persons_token_is_not_a_system_key_and_a_system_key_is_not_a_persons_token()
    {
        var code = await AwaitingPaymentAsync();
        var officer = await app.ApiClientFor("reception1");
        var asPerson = await officer.PostAsJsonAsync(string.Format(null, Path, code), new { action = "payment-confirmed" });
        Assert.Equal(HttpStatusCode.Unauthorized, asPerson.StatusCode);

        // The officers' endpoint refuses the system transition to anyone, and a system key to everything.
        var throughOfficer = await ActAsync(officer, code, new { action = "payment-confirmed" });
        Assert.Equal(HttpStatusCode.BadRequest, throughOfficer.StatusCode);
        using var system = app.SystemClient();
        var systemAsOfficer = await system.PostAsJsonAsync($"/api/v1/applications/{code}/transitions", new { action = "payment-confirmed" });
        Assert.Equal(HttpStatusCode.Unauthorized, systemAsOfficer.StatusCode);
        Assert.Equal("AwaitingPayment", await StatusAsync(code));
    }

    [Fact]
    public async Task A_system_may_make_only_the_transitions_it_was_granted_and_only_when_the_status_allows()
    {
        var code = await AwaitingPaymentAsync();
        using var reader = app.SystemClient(MotCuaApp.ReaderKey);
        var notGranted = await reader.PostAsJsonAsync(string.Format(null, Path, code), new { action = "payment-confirmed" });
        Assert.Equal(HttpStatusCode.Forbidden, notGranted.StatusCode);

        using var system = app.SystemClient();
        var personsAction = await system.PostAsJsonAsync(string.Format(null, Path, code), new { action = "approve" });
        Assert.Equal(HttpStatusCode.BadRequest, personsAction.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await personsAction.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("action").ValueKind);
        Assert.Equal("AwaitingPayment", await StatusAsync(code));

        Assert.Equal(HttpStatusCode.OK, (await system.PostAsJsonAsync(string.Format(null, Path, code), new { action = "payment-confirmed" })).StatusCode);
        var twice = await system.PostAsJsonAsync(string.Format(null, Path, code), new { action = "payment-confirmed" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var unknown = await system.PostAsJsonAsync(string.Format(null, Path, "KHONG-CO"), new { action = "payment-confirmed" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SystemTransitionOnSqlite(SqliteApp app) : SystemTransitionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SystemTransitionOnPostgres(PostgresApp app) : SystemTransitionTests(app);
