using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using NodaTime;

namespace MotCua.Web.Common.Outbox;

/// <summary>The outbox, its worker, its health and the province admin's view of the queue.</summary>
public static class OutboxModule
{
    public static WebApplicationBuilder AddOutbox(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxStatus>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<BackgroundService>(sp => sp.GetRequiredService<IOptions<OutboxOptions>>().Value.Workers
            ? sp.GetRequiredService<OutboxDispatcher>()
            : new IdleService());
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox");
        services.AddScoped<OutboxQueue>();
        return builder;
    }

    public static WebApplication MapOutbox(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var admin = app.MapGroup("/api/v1/admin/outbox").WithTags("Quản trị")
            .RequireAuthorization(Web.AccessPolicies.ProvinceAdminApi);
        admin.MapGet(string.Empty, List).WithName("ListOutbox")
            .WithSummary("Hàng đợi gửi tin: các lượt gửi theo trạng thái pending, failed hoặc dead (mới nhất trước)");
        admin.MapPost("/{id:long}/retry", Retry).WithName("RetryOutboxDelivery")
            .WithSummary("Gửi lại một lượt gửi đã lỗi hoặc đã dừng (dead)");
        return app;
    }

    private static async Task<Results<Ok<OutboxPage>, ProblemHttpResult>> List(string? state, int? page, OutboxQueue queue, CancellationToken cancellationToken)
    {
        var wanted = state switch
        {
            null or "" or "pending" => QueueState.Pending,
            "failed" => QueueState.Failed,
            "dead" => QueueState.Dead,
            "delivered" => QueueState.Delivered,
            _ => (QueueState?)null,
        };
        if (wanted is null || page is < 1 or > 10_000)
        {
            return Problems.Validation("Tham số không hợp lệ.",
                ("state", wanted is null ? "Trạng thái là pending, failed, dead hoặc delivered." : null),
                ("page", page is < 1 or > 10_000 ? "Số trang phải từ 1 đến 10000." : null));
        }

        return TypedResults.Ok(await queue.ListAsync(wanted.Value, page ?? 1, cancellationToken));
    }

    private static async Task<Results<Ok<OutboxItem>, ProblemHttpResult>> Retry(long id, OutboxQueue queue, CancellationToken cancellationToken) =>
        await queue.RetryAsync(id, cancellationToken) is { } item
            ? TypedResults.Ok(item)
            : Problems.Conflict("Chỉ gửi lại được lượt gửi đang lỗi hoặc đã dừng; lượt gửi này không có hoặc đã gửi xong.");

    private sealed class IdleService : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
    }
}

public enum QueueState
{
    /// <summary>Waiting or being sent now.</summary>
    Pending,
    Failed,
    Dead,
    Delivered,
}

public sealed record OutboxItem(long Id, long MessageId, string Type, string Consumer, string State, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, string? LastError, string? Subject);

public sealed record OutboxPage(IReadOnlyList<OutboxItem> Items, int Total, OutboxCounts Counts);

public sealed record OutboxCounts(int Pending, int Failed, int Dead, int Delivered);

/// <summary>What the province admin sees of the queue, and the retry they can ask for.</summary>
public sealed class OutboxQueue(MotCuaDbContext db, OutboxSignal signal, IClock clock)
{
    public const int PageSize = 50;

    public async Task<OutboxPage> ListAsync(QueueState state, int page, CancellationToken cancellationToken)
    {
        var query = Filter(db.Set<OutboxDelivery>().AsNoTracking(), state);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(d => d.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Join(db.Set<OutboxMessage>(), d => d.MessageId, m => m.Id, (d, m) => new { Delivery = d, m.Type, m.Payload })
            .ToListAsync(cancellationToken);
        var counts = new OutboxCounts(
            await Filter(db.Set<OutboxDelivery>(), QueueState.Pending).CountAsync(cancellationToken),
            await Filter(db.Set<OutboxDelivery>(), QueueState.Failed).CountAsync(cancellationToken),
            await Filter(db.Set<OutboxDelivery>(), QueueState.Dead).CountAsync(cancellationToken),
            await Filter(db.Set<OutboxDelivery>(), QueueState.Delivered).CountAsync(cancellationToken));
        return new OutboxPage(rows.Select(r => Item(r.Delivery, r.Type, r.Payload)).ToList(), total, counts);
    }

    /// <summary>A failed or dead delivery starts again with its full number of attempts, now.</summary>
    public async Task<OutboxItem?> RetryAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var changed = await db.Set<OutboxDelivery>()
            .Where(d => d.Id == id && (d.State == DeliveryState.Failed || d.State == DeliveryState.Dead))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Pending).SetProperty(d => d.Attempts, 0).SetProperty(d => d.NextAttemptAt, now), cancellationToken);
        if (changed == 0)
        {
            return null;
        }

        signal.Wake();
        var row = await db.Set<OutboxDelivery>().AsNoTracking().Where(d => d.Id == id)
            .Join(db.Set<OutboxMessage>(), d => d.MessageId, m => m.Id, (d, m) => new { Delivery = d, m.Type, m.Payload }).SingleAsync(cancellationToken);
        return Item(row.Delivery, row.Type, row.Payload);
    }

    private static IQueryable<OutboxDelivery> Filter(IQueryable<OutboxDelivery> deliveries, QueueState state) => state switch
    {
        QueueState.Pending => deliveries.Where(d => d.State == DeliveryState.Pending || d.State == DeliveryState.Leased),
        QueueState.Failed => deliveries.Where(d => d.State == DeliveryState.Failed),
        QueueState.Dead => deliveries.Where(d => d.State == DeliveryState.Dead),
        _ => deliveries.Where(d => d.State == DeliveryState.Delivered),
    };

    private static OutboxItem Item(OutboxDelivery d, string type, string payload) =>
        new(d.Id, d.MessageId, type, d.Consumer, d.State.ToString(), d.Attempts, Offset(d.CreatedAt), Offset(d.NextAttemptAt),
            d.DeliveredAt is { } at ? Offset(at) : null, d.LastError, SubjectOf(payload));

    private static DateTimeOffset Offset(Instant instant) => instant.InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).ToDateTimeOffset();

    /// <summary>The application code (or other "subject") the message is about, for the admin to recognise it.</summary>
    private static string? SubjectOf(string payload)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(payload);
            return json.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>Healthy while the worker runs and nothing waits long; degraded with the backlog, its oldest age and the last error.</summary>
internal sealed class OutboxHealthCheck(IServiceScopeFactory scopes, OutboxStatus status, IOptions<OutboxOptions> options, IClock clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var (backlog, age, dead) = await OutboxBacklog.MeasureAsync(db, clock.GetCurrentInstant(), cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["backlog"] = backlog,
            ["oldestPendingSeconds"] = (long)age.TotalSeconds,
            ["dead"] = dead,
            ["lastRunAt"] = status.LastRunAt?.ToString() ?? "never",
            ["workers"] = options.Value.Workers,
        };
        if (status.LastError is { } error)
        {
            return HealthCheckResult.Degraded("Bộ gửi tin lỗi ở lần chạy gần nhất: " + error, data: data);
        }

        // Dead deliveries wait for the admin (/quan-tri/hang-doi); a queue that stopped moving is the node's problem.
        return age > Duration.FromMinutes(15)
            ? HealthCheckResult.Degraded($"Hàng đợi gửi tin: {backlog} chờ gửi (lâu nhất {(long)age.TotalMinutes} phút), {dead} đã dừng.", data: data)
            : HealthCheckResult.Healthy($"Hàng đợi gửi tin: {backlog} chờ gửi.", data: data);
    }
}
