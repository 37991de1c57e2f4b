using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Common;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Persistence;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Notifications;

/// <summary>The Zalo channel: ZNS template messages to a stub of Zalo's endpoint the test starts.</summary>
public abstract class ZaloTests
{
    protected abstract MotCuaApp Create(IReadOnlyDictionary<string, string> settings);

    [Fact]
    public async Task Reception_sends_a_template_message_with_the_delivery_as_tracking_id_retrying_after_a_refusal()
    {
        await using var zalo = await ZaloStub.StartAsync(refusals: 1);
        var app = Create(new Dictionary<string, string>(OutboxTestSettings.Fast)
        {
            ["Zalo:Mode"] = "Http",
            ["Zalo:Url"] = zalo.Url,
            ["Zalo:AccessToken"] = "token-thu-nghiem",
            ["Zalo:TemplateIds:receive"] = "300001",
            ["Zalo:DefaultTemplateId"] = "300000",
            ["Email:Mode"] = "Off",
            ["Sms:Mode"] = "Off",
        });
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var citizen = await app.ApiClientFor("citizen1");
            Assert.Equal(System.Net.HttpStatusCode.OK, (await citizen.PutAsJsonAsync("/api/v1/notifications/channels", new { email = false, sms = false, zalo = true })).StatusCode);
            var code = await SubmitBirthAsync(app, citizen, "Tin Zalo");
            await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });

            var sent = await OutboxTests.EventuallyAsync(() => Task.FromResult(zalo.Received
                .Select(r => ((JsonElement Body, string? AccessToken)?)r)
                .FirstOrDefault(r => r!.Value.Body.GetProperty("template_id").GetString() == "300001")));
            var body = sent!.Value.Body;
            Assert.Equal("token-thu-nghiem", sent.Value.AccessToken);
            Assert.Equal("84912000001", body.GetProperty("phone").GetString());
            var data = body.GetProperty("template_data");
            Assert.Equal(code, data.GetProperty("ma_ho_so").GetString());
            Assert.Equal("Hồ sơ đã được tiếp nhận", data.GetProperty("tieu_de").GetString());
            Assert.Matches(@"^\d\d:\d\d \d\d/\d\d/\d{4}$", data.GetProperty("han_tra").GetString()!);
            Assert.StartsWith("delivery-", body.GetProperty("tracking_id").GetString(), StringComparison.Ordinal);
            Assert.Equal(1, zalo.Refused);

            // All three Zalo deliveries of this application (submitted, received, handed to the first step) are marked delivered;
            // the two the applicant hears of were sent once each (one tracking id, one message).
            await OutboxTests.EventuallyAsync(async () =>
            {
                using var scope = app.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
                var states = await db.Set<OutboxDelivery>().Where(d => d.Consumer == "zalo" && db.Set<OutboxMessage>().Any(m => m.Id == d.MessageId && m.Payload.Contains(code)))
                    .Select(d => d.State).ToListAsync();
                return states.Count == 3 && states.All(s => s == DeliveryState.Delivered) ? (bool?)true : null;
            });
            var ids = zalo.Received.Where(r => r.Body.GetProperty("template_data").GetProperty("ma_ho_so").GetString() == code)
                .Select(r => r.Body.GetProperty("tracking_id").GetString()).ToList();
            Assert.Equal(2, ids.Count); // submitted (default template) and received
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
        finally
        {
            await app.DisposeAsync();
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}

public sealed class ZaloOnSqlite : ZaloTests
{
    protected override MotCuaApp Create(IReadOnlyDictionary<string, string> settings) => new ConfiguredSqliteApp(settings);
}

public sealed class ZaloOnPostgres : ZaloTests
{
    protected override MotCuaApp Create(IReadOnlyDictionary<string, string> settings) => new ConfiguredPostgresApp(settings);
}
