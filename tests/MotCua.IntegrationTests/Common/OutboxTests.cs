using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Notifications.Domain;
using NodaTime;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Common;

/// <summary>Each history line → one message → one delivery per subscribed consumer, delivered once as the citizen sees it.</summary>
public abstract class OutboxTests(MotCuaApp app)
{
    [Fact]
    public async Task Every_history_line_becomes_one_message_with_one_delivery_per_consumer_in_the_same_save()
    {
        var citizen = await app.ApiClientFor("citizen1");
        var reception = await app.ApiClientFor("reception1");
        var specialist = await app.ApiClientFor("specialist1");
        var code = await SubmitBirthAsync(app, citizen);
        Assert.Equal(["submit"], await MessagesAsync(code));

        await ActOkAsync(reception, code, new { action = "receive" });
        await ActOkAsync(specialist, code, new { action = "forward", note = "Trình lãnh đạo" });

        // receive writes two lines (received, then at the first step); forward changes no status and still writes one.
        Assert.Equal(["submit", "receive", "receive", "forward"], await MessagesAsync(code));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var deliveries = await db.Set<OutboxDelivery>().Where(d => db.Set<OutboxMessage>().Any(m => m.Id == d.MessageId && m.Payload.Contains(code)))
            .Select(d => d.Consumer).ToListAsync();
        // Four channels subscribe to application events (the portal inbox, e-mail, SMS and Zalo), the indicators, and
        // the national portal (enabled in the test hosts).
        Assert.Equal(24, deliveries.Count);
        Assert.Equal(4, deliveries.Count(c => c == "national-portal"));
        Assert.Equal(4, deliveries.Count(c => c == "indicators"));
        Assert.Equal(4, deliveries.Count(c => c == "portal-inbox"));
        Assert.Equal(4, deliveries.Count(c => c == "email"));
        Assert.Equal(4, deliveries.Count(c => c == "sms"));
        Assert.Equal(4, deliveries.Count(c => c == "zalo"));
    }

    [Fact]
    public async Task The_citizen_reads_in_the_portal_inbox_that_the_application_was_received()
    {
        var citizen = await app.ApiClientFor("citizen2");

        // citizen2's e-mail and phone are confirmed (demo data); Zalo is off until asked for.
        Assert.Equal(HttpStatusCode.OK, (await citizen.PutAsJsonAsync("/api/v1/notifications/channels", new { email = true, sms = true, zalo = true })).StatusCode);
        var code = await SubmitBirthAsync(app, citizen, "Thông Báo");
        await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive", note = "Đã đủ giấy tờ" });

        var received = await EventuallyAsync(async () =>
        {
            var list = await citizen.GetJsonAsync("/api/v1/notifications");
            return list.GetProperty("items").EnumerateArray()
                .FirstOrDefault(n => n.GetProperty("applicationCode").GetString() == code && n.GetProperty("title").GetString() == "Hồ sơ đã được tiếp nhận");
        });
        Assert.Contains("Ngày hẹn trả kết quả", received.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("Đã đủ giấy tờ", received.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/ho-so/{code}", received.GetProperty("link").GetString());
        Assert.False(received.GetProperty("read").GetBoolean());

        // On the embedded default the same message is also an e-mail in the pickup folder, named by its delivery.
        var eml = await EventuallyAsync(() => Task.FromResult(!Directory.Exists(app.MailFolder) ? null : Directory.EnumerateFiles(app.MailFolder, "*.eml")
            .Select(f => MimeKit.MimeMessage.Load(f)).FirstOrDefault(m => m.Subject == $"Hồ sơ đã được tiếp nhận – hồ sơ {code}")));
        Assert.Equal("citizen2@demo.anbinh.gov.vn", eml.To.Mailboxes.Single().Address);

        // And an SMS without diacritics in the log the admin reads (no gateway on the embedded default).
        var sms = await EventuallyAsync(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            return await db.Set<MotCua.Web.Modules.Notifications.Log.MessageLogEntry>().AsNoTracking()
                .FirstOrDefaultAsync(e => e.Text.StartsWith("Ho so da duoc tiep nhan: ho so " + code));
        });
        Assert.Equal("84912000002", sms.To);
        Assert.True(sms.Text.Length <= 160);
        Assert.Matches(@"Hen tra \d\d:\d\d \d\d/\d\d/\d{4}\.$", sms.Text);
        // And the Zalo message, with its diacritics, in the same log.
        var zalo = await EventuallyAsync(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            return await db.Set<MotCua.Web.Modules.Notifications.Log.MessageLogEntry>().AsNoTracking()
                .FirstOrDefaultAsync(e => e.Channel == "zalo" && e.Text.StartsWith("Hồ sơ đã được tiếp nhận: ") && e.Text.Contains(code));
        });
        Assert.Equal("84912000002", zalo.To);
        using (var admin = app.Pages())
        {
            await admin.SignInAsync("admin");
            var (_, log) = await admin.GetAsync("/quan-tri/tin-nhan");
            var page = System.Net.WebUtility.HtmlDecode(log);
            Assert.Contains(sms.Text, page, StringComparison.Ordinal);
            Assert.Contains(zalo.Text, page, StringComparison.Ordinal);
            Assert.Contains(">Zalo<", page, StringComparison.Ordinal);
        }

        // Only what the applicant should hear of: the hand-over to the first step says nothing.
        var mine = (await citizen.GetJsonAsync("/api/v1/notifications")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("applicationCode").GetString() == code).Select(n => n.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Hồ sơ đã được tiếp nhận", "Đã gửi hồ sơ"], mine);

        // The page and the header count; marking read.
        using var pages = app.Pages();
        await pages.SignInAsync("citizen2");
        var (status, html) = await pages.GetAsync("/thong-bao");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Hồ sơ đã được tiếp nhận", html, StringComparison.Ordinal);
        var header = Regex.Match(System.Net.WebUtility.HtmlDecode(html), @"<a href=""/thong-bao"">(.*?)</a>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Matches(@"^Thông báo\s+<span class=""badge"">\d+<span class=""visually-hidden""> chưa đọc</span></span>\s*$", header);

        using (var read = await citizen.PostAsync(new Uri($"/api/v1/notifications/{received.GetProperty("id").GetInt64()}/read", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        }

        var after = (await citizen.GetJsonAsync("/api/v1/notifications")).GetProperty("items").EnumerateArray()
            .Single(n => n.GetProperty("id").GetInt64() == received.GetProperty("id").GetInt64());
        Assert.True(after.GetProperty("read").GetBoolean());

        // Nobody else's notification can be marked.
        var other = await app.ApiClientFor("citizen1");
        using var foreign = await other.PostAsync(new Uri($"/api/v1/notifications/{received.GetProperty("id").GetInt64()}/read", UriKind.Relative), null);
        await foreign.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_delivery_whose_worker_died_between_sending_and_marking_is_sent_again_and_seen_once()
    {
        var citizen = await app.ApiClientFor("citizen1");
        var code = await SubmitBirthAsync(app, citizen, "Mất Điện");
        long deliveryId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            var submitted = await EventuallyAsync(async () => await db.Set<OutboxDelivery>().AsNoTracking()
                .Where(d => d.Consumer == "portal-inbox" && d.State == DeliveryState.Delivered && db.Set<OutboxMessage>().Any(m => m.Id == d.MessageId && m.Payload.Contains(code)))
                .Select(d => (long?)d.Id).FirstOrDefaultAsync());
            deliveryId = submitted!.Value;

            // As if a node had sent it and died before marking it: leased by a dead owner whose lease ran out.
            var past = SystemClock.Instance.GetCurrentInstant() - Duration.FromMinutes(5);
            await db.Set<OutboxDelivery>().Where(d => d.Id == deliveryId).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, DeliveryState.Leased).SetProperty(d => d.LeaseOwner, "dead-node").SetProperty(d => d.LeaseUntil, past));
        }

        scopeWake();
        await EventuallyAsync(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            return await db.Set<OutboxDelivery>().AnyAsync(d => d.Id == deliveryId && d.State == DeliveryState.Delivered && d.LeaseOwner == null) ? (bool?)true : null;
        });

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            Assert.Equal(1, await db.Set<Notification>().CountAsync(n => n.DeliveryId == deliveryId));
        }

        void scopeWake() => app.Services.GetRequiredService<OutboxSignal>().Wake();
    }

    private async Task<List<string>> MessagesAsync(string code)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var payloads = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == "application.event.v1" && m.Payload.Contains(code))
            .OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => System.Text.Json.JsonDocument.Parse(p).RootElement.GetProperty("action").GetString()!).ToList();
    }

    internal static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } found && !(found is System.Text.Json.JsonElement e && e.ValueKind == System.Text.Json.JsonValueKind.Undefined))
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < until, "It did not happen within " + seconds + " s.");
            await Task.Delay(50);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OutboxOnSqlite(SqliteApp app) : OutboxTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OutboxOnPostgres(PostgresApp app) : OutboxTests(app);

/// <summary>A consumer that fails as often as told, then counts what it received by delivery id (as a receiver would).</summary>
public sealed class ScriptedConsumer(string name, int failures) : IOutboxConsumer
{
    private int _failuresLeft = failures;

    public ConcurrentDictionary<long, int> Received { get; } = new();

    public ConcurrentDictionary<string, int> ByNode { get; } = new();

    public string Name => name;

    public bool Accepts(string messageType) => messageType == "test.ping.v1";

    public Task DeliverAsync(OutboxWork work, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("Máy chủ nhận tin không trả lời (thử nghiệm).");
        }

        Received.AddOrUpdate(work.DeliveryId, 1, (_, n) => n + 1);
        var node = services.GetRequiredService<OutboxDispatcher>().Owner;
        ByNode.AddOrUpdate(node, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public static async Task<long[]> QueueAsync(IServiceProvider services, int count)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var now = SystemClock.Instance.GetCurrentInstant();
        var messages = Enumerable.Range(0, count).Select(i =>
        {
            var message = new OutboxMessage("test.ping.v1", $$"""{"n":{{i}}}""", now);
            message.Deliveries.Add(new OutboxDelivery("scripted", now));
            return message;
        }).ToList();
        db.AddRange(messages);
        await db.SaveChangesAsync();
        services.GetRequiredService<OutboxSignal>().Wake();
        return messages.SelectMany(m => m.Deliveries).Select(d => d.Id).ToArray();
    }
}

/// <summary>Hosts with a fast worker and a consumer that fails on purpose, each on its own database.</summary>
public sealed class FlakySqliteApp(ScriptedConsumer consumer) : SqliteApp
{
    protected override IReadOnlyDictionary<string, string> Settings => OutboxTestSettings.Fast;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IOutboxConsumer>(consumer);
}

public class FlakyPostgresApp : PostgresApp
{
    private readonly ScriptedConsumer _consumer;

    public FlakyPostgresApp(ScriptedConsumer consumer) => _consumer = consumer;

    protected FlakyPostgresApp(ScriptedConsumer consumer, string database)
        : base(database) => _consumer = consumer;

    protected override IReadOnlyDictionary<string, string> Settings => OutboxTestSettings.Fast;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IOutboxConsumer>(_consumer);
}

/// <summary>A second node on the first one's database.</summary>
public sealed class SecondNodePostgresApp(ScriptedConsumer consumer, string database) : FlakyPostgresApp(consumer, database);

public static class OutboxTestSettings
{
    public static readonly IReadOnlyDictionary<string, string> Fast = new Dictionary<string, string>
    {
        ["Outbox:PollMilliseconds"] = "20",
        ["Outbox:BatchSize"] = "25",
        ["Outbox:MaxAttempts"] = "3",
        ["Outbox:FirstRetrySeconds"] = "0.05",
        ["Outbox:LeaseSeconds"] = "30",
    };
}

public abstract class OutboxRetryTests
{
    protected abstract MotCuaApp Create(ScriptedConsumer consumer);

    [Fact]
    public async Task A_failing_channel_is_retried_with_backoff_dead_lettered_after_three_and_delivered_after_the_admins_retry()
    {
        var consumer = new ScriptedConsumer("scripted", failures: 3);
        var app = Create(consumer);
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var id = (await ScriptedConsumer.QueueAsync(app.Services, 1)).Single();
            var admin = await app.ApiClientFor("admin");
            var dead = await OutboxTests.EventuallyAsync(async () =>
            {
                var list = await admin.GetJsonAsync("/api/v1/admin/outbox?state=dead");
                return list.GetProperty("items").EnumerateArray().FirstOrDefault(i => i.GetProperty("id").GetInt64() == id);
            });
            Assert.Equal(3, dead.GetProperty("attempts").GetInt32());
            Assert.Contains("không trả lời", dead.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            Assert.Empty(consumer.Received);

            // The admin sees it on the queue page, and retries it.
            using (var pages = app.Pages())
            {
                await pages.SignInAsync("admin");
                var (status, html) = await pages.GetAsync("/quan-tri/hang-doi?trang-thai=da-dung");
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.Contains("không trả lời", html, StringComparison.Ordinal);
                using var retry = await pages.SubmitAsync("/quan-tri/hang-doi?trang-thai=da-dung", new Dictionary<string, string>(), postTo: $"/quan-tri/hang-doi?handler=Retry&id={id}");
                Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
            }

            await OutboxTests.EventuallyAsync(() => Task.FromResult(consumer.Received.ContainsKey(id) ? (bool?)true : null));
            var delivered = (await admin.GetJsonAsync("/api/v1/admin/outbox?state=delivered")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == id);
            Assert.Equal(1, delivered.GetProperty("attempts").GetInt32());
            Assert.Equal(1, consumer.Received[id]);

            // Retrying what was delivered changes nothing; the queue API needs the province admin.
            using (var again = await admin.PostAsync(new Uri($"/api/v1/admin/outbox/{id}/retry", UriKind.Relative), null))
            {
                await again.AssertProblemAsync(HttpStatusCode.Conflict);
            }

            var citizen = await app.ApiClientFor("citizen1");
            using var forbidden = await citizen.GetAsync(new Uri("/api/v1/admin/outbox", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
        finally
        {
            await app.DisposeAsync();
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public void Retries_wait_twice_as_long_each_time_with_jitter_and_at_most_an_hour()
    {
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var expected = 10 * Math.Pow(2, attempt - 1);
            var delay = OutboxDispatcher.RetryDelay(attempt, 10).TotalSeconds;
            Assert.InRange(delay, expected * 0.5, expected * 1.5);
        }

        Assert.Equal(3600, OutboxDispatcher.RetryDelay(40, 10).TotalSeconds);
    }
}

public sealed class OutboxRetryOnSqlite : OutboxRetryTests
{
    protected override MotCuaApp Create(ScriptedConsumer consumer) => new FlakySqliteApp(consumer);
}

public sealed class OutboxRetryOnPostgres : OutboxRetryTests
{
    protected override MotCuaApp Create(ScriptedConsumer consumer) => new FlakyPostgresApp(consumer);

    [Fact]
    public async Task Two_nodes_on_one_database_deliver_a_thousand_messages_exactly_once_each()
    {
        var consumer = new ScriptedConsumer("scripted", failures: 0);
        var first = new FlakyPostgresApp(consumer);
        await ((IAsyncLifetime)first).InitializeAsync();
        var second = new SecondNodePostgresApp(consumer, first.DatabaseName);
        try
        {
            _ = second.Server;
            var ids = await ScriptedConsumer.QueueAsync(first.Services, 1000);
            second.Services.GetRequiredService<OutboxSignal>().Wake();
            await OutboxTests.EventuallyAsync(() => Task.FromResult(consumer.Received.Count >= 1000 ? (bool?)true : null), seconds: 60);
            await Task.Delay(200);

            Assert.Equal(ids.Order(), consumer.Received.Keys.Order());
            Assert.All(consumer.Received.Values, n => Assert.Equal(1, n));
            Assert.Equal(2, consumer.ByNode.Count);
            using var scope = first.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            Assert.Equal(1000, await db.Set<OutboxDelivery>().CountAsync(d => ids.Contains(d.Id) && d.State == DeliveryState.Delivered && d.Attempts == 1));
        }
        finally
        {
            await second.DisposeAsync();
            await first.DisposeAsync();
            await ((IAsyncLifetime)first).DisposeAsync();
        }
    }
}
