using MotCua.IntegrationTests.Common;
using MotCua.IntegrationTests.Infrastructure;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Notifications;

/// <summary>The SMS channel through an HTTP gateway the test starts.</summary>
public abstract class SmsTests
{
    protected abstract MotCuaApp Create(IReadOnlyDictionary<string, string> settings);

    [Fact]
    public async Task Reception_texts_the_applicant_through_the_gateway_retrying_while_it_is_down()
    {
        await using var gateway = await SmsGatewayStub.StartAsync(failures: 2);
        var app = Create(new Dictionary<string, string>(OutboxTestSettings.Fast)
        {
            ["Sms:Mode"] = "Http",
            ["Sms:Url"] = gateway.Url,
            ["Sms:ApiKey"] = "khoa-thu-nghiem",
            ["Sms:BrandName"] = "UBND.ANBINH",
            ["Email:Mode"] = "Off",
        });
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"), "Tin Nhắn");
            await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });

            var sms = await OutboxTests.EventuallyAsync(() => Task.FromResult(gateway.Received
                .Select(r => ((System.Text.Json.JsonElement Body, string? Authorization)?)r)
                .FirstOrDefault(r => r!.Value.Body.GetProperty("text").GetString()!.StartsWith("Ho so da duoc tiep nhan: ho so " + code, StringComparison.Ordinal))));
            var body = sms!.Value.Body;
            Assert.Equal("84912000001", body.GetProperty("to").GetString());
            Assert.Equal("UBND.ANBINH", body.GetProperty("brandName").GetString());
            Assert.Equal("Bearer khoa-thu-nghiem", sms.Value.Authorization);
            Assert.StartsWith("delivery-", body.GetProperty("clientReference").GetString(), StringComparison.Ordinal);
            var text = body.GetProperty("text").GetString()!;
            Assert.True(text.Length <= 160, text);
            Assert.True(text.All(c => c < 128 || c == '…'), "no diacritics: " + text);
            Assert.Equal(2, gateway.Refused);
        }
        finally
        {
            await app.DisposeAsync();
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}

public sealed class SmsOnSqlite : SmsTests
{
    protected override MotCuaApp Create(IReadOnlyDictionary<string, string> settings) => new ConfiguredSqliteApp(settings);
}

public sealed class SmsOnPostgres : SmsTests
{
    protected override MotCuaApp Create(IReadOnlyDictionary<string, string> settings) => new ConfiguredPostgresApp(settings);
}
