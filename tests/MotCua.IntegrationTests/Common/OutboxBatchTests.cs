using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Notifications.Domain;
using NodaTime;

namespace MotCua.IntegrationTests.Common;

/// <summary>Channels that take a batch at once still fail one delivery at a time.</summary>
public abstract class OutboxBatchTests
{
    protected abstract MotCuaApp Create();

    [Fact]
    public async Task One_unreadable_message_in_a_batch_fails_alone_and_the_rest_of_the_batch_is_delivered()
    {
        var app = Create();
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            var citizen = await db.Users.SingleAsync(u => u.UserName == "citizen1");
            var now = SystemClock.Instance.GetCurrentInstant();

            // Written in one save, so the worker leases them together: the unreadable one sits in the middle.
            var good = Enumerable.Range(1, 5).Select(i => Event(citizen.Id, $"LO-{i}", now)).ToList();
            var bad = new OutboxMessage("application.event.v1", "{\"version\": 1, \"code\": ", now);
            bad.Deliveries.Add(new OutboxDelivery("portal-inbox", now));
            db.AddRange(good.Take(2));
            db.Add(bad);
            db.AddRange(good.Skip(2));
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<OutboxSignal>().Wake();

            var badId = bad.Deliveries.Single().Id;
            var state = await OutboxTests.EventuallyAsync(async () =>
            {
                var d = await db.Set<OutboxDelivery>().AsNoTracking().SingleAsync(x => x.Id == badId);
                return d.State is DeliveryState.Failed or DeliveryState.Dead ? d : null;
            });
            Assert.NotNull(state.LastError);
            var shown = await OutboxTests.EventuallyAsync(async () =>
            {
                var codes = await db.Set<Notification>().AsNoTracking().Where(n => n.ApplicationCode!.StartsWith("LO-")).Select(n => n.ApplicationCode).ToListAsync();
                return codes.Count == 5 ? codes : null;
            });
            Assert.Equal(["LO-1", "LO-2", "LO-3", "LO-4", "LO-5"], shown.Order());
        }
        finally
        {
            await app.DisposeAsync();
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static OutboxMessage Event(Guid userId, string code, Instant now)
    {
        var payload = $$"""
            {"version":1,"code":"{{code}}","procedureCode":"1.001193","procedureName":"Đăng ký khai sinh","unitId":1,"applicantUserId":"{{userId}}",
             "sequence":2,"action":"receive","fromStatus":"Submitted","toStatus":"Received","nationalStatus":2,"channel":1,
             "at":"2026-12-01T09:00:00+07:00","note":null,"dueAt":"2026-12-04T16:00:00+07:00","newDueAt":null,"supplementItems":null}
            """;
        var message = new OutboxMessage("application.event.v1", payload, now);
        message.Deliveries.Add(new OutboxDelivery("portal-inbox", now));
        return message;
    }
}

public sealed class OutboxBatchOnSqlite : OutboxBatchTests
{
    protected override MotCuaApp Create() => new ConfiguredSqliteApp(OutboxTestSettings.Fast);
}

public sealed class OutboxBatchOnPostgres : OutboxBatchTests
{
    protected override MotCuaApp Create() => new ConfiguredPostgresApp(OutboxTestSettings.Fast);
}
