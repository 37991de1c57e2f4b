using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Persistence;
using NodaTime;

namespace MotCua.Web.Common.Outbox;

/// <summary>What the worker last did, for /health and the admin's queue page.</summary>
public sealed class OutboxStatus
{
    public Instant? LastRunAt { get; set; }
    public string? LastError { get; set; }
    public long Delivered;
    public long Failed;
}

/// <summary>
/// The background worker that hands each due delivery to its consumer. Deliveries are leased in batches: on
/// PostgreSQL with FOR UPDATE SKIP LOCKED, so several nodes share the work and never take the same row; on SQLite
/// (one node) with a plain update. A lease that runs out (the node died mid-way) makes the delivery due again; the
/// consumer recognises the retry by its delivery id.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<IOutboxConsumer> consumers,
    OutboxSignal signal,
    OutboxStatus status,
    OutboxMetrics metrics,
    IOptionsMonitor<OutboxOptions> options,
    IClock clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, IOutboxConsumer> _consumers = consumers.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>This worker's name on its leases: the machine, the process and a random part.</summary>
    public string Owner { get; } = LeaseName();

    private Instant _nextPrune;
    private Instant _nextBacklog;

    private static string LeaseName()
    {
        var name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return name.Length > 100 ? name[^100..] : name;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = options.CurrentValue;
            var leased = 0;
            try
            {
                leased = await RunOnceAsync(stoppingToken);
                status.LastRunAt = clock.GetCurrentInstant();
                status.LastError = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database may be briefly unreachable: say so on /health and try again on the next poll.
                status.LastError = e.Message;
                logger.LogWarning(e, "Outbox worker run failed");
            }

            if (leased < settings.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(TimeSpan.FromMilliseconds(settings.PollMilliseconds), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Leases one batch of due deliveries, hands each to its consumer and records the outcome. Returns how many it leased.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var now = clock.GetCurrentInstant();
        await PruneAsync(db, settings, now, cancellationToken);
        await SampleBacklogAsync(db, now, cancellationToken);
        var ids = await LeaseAsync(db, settings, now, cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var work = await db.Set<OutboxDelivery>().AsNoTracking()
            .Where(d => ids.Contains(d.Id) && d.LeaseOwner == Owner)
            .Join(db.Set<OutboxMessage>(), d => d.MessageId, m => m.Id, (d, m) => new { d.Id, d.MessageId, d.Consumer, d.Attempts, d.CreatedAt, m.Type, m.Payload })
            .ToListAsync(cancellationToken);
        // Deliveries of a batch run side by side (a consumer that takes batches gets its share in one call); the
        // delivered are marked together, each failure on its own.
        var delivered = new System.Collections.Concurrent.ConcurrentBag<(long Id, int Attempt)>();
        var failed = new System.Collections.Concurrent.ConcurrentBag<(long Id, int Attempt, string Error)>();
        var units = new List<List<OutboxWork>>();
        foreach (var group in work.GroupBy(w => w.Consumer))
        {
            var items = group.Select(w => new OutboxWork(w.Id, w.MessageId, w.Type, w.Payload, w.Attempts + 1)).ToList();
            if (_consumers.GetValueOrDefault(group.Key) is IOutboxBatchConsumer)
            {
                units.Add(items);
            }
            else
            {
                units.AddRange(items.Select(i => new List<OutboxWork> { i }));
            }
        }

        var consumerOf = work.ToDictionary(w => w.Id, w => w.Consumer);
        var writtenAt = work.ToDictionary(w => w.Id, w => w.CreatedAt);

        // SQLite has one writer at a time: side by side there would only queue on its lock.
        var parallelism = db.Database.IsNpgsql() ? settings.Parallelism : 1;
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (unit, ct) =>
        {
            var name = consumerOf[unit[0].DeliveryId];
            try
            {
                if (!_consumers.TryGetValue(name, out var consumer))
                {
                    throw new InvalidOperationException($"No consumer named {name} runs on this node.");
                }

                using var activity = OutboxMetrics.Activities.StartActivity("outbox deliver " + name);
                activity?.SetTag("motcua.outbox.consumer", name);
                activity?.SetTag("motcua.outbox.deliveries", unit.Count);
                using var deliveryScope = scopes.CreateScope();
                IReadOnlyDictionary<long, string> failures = new Dictionary<long, string>();
                if (consumer is IOutboxBatchConsumer batch)
                {
                    failures = await DeliverBatchAsync(batch, unit, deliveryScope.ServiceProvider, ct);
                }
                else
                {
                    await consumer.DeliverAsync(unit[0], deliveryScope.ServiceProvider, ct);
                }

                foreach (var item in unit)
                {
                    if (failures.TryGetValue(item.DeliveryId, out var error))
                    {
                        Failed(item, name, error);
                    }
                    else
                    {
                        delivered.Add((item.DeliveryId, item.Attempt));
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Shutting down: the lease runs out and another run (or node) delivers it.
                throw;
            }
            catch (Exception e)
            {
                foreach (var item in unit)
                {
                    Failed(item, name, e.Message);
                }
            }
        });

        void Failed(OutboxWork item, string consumer, string message)
        {
            var error = message.Length > 2000 ? message[..2000] : message;
            logger.LogWarning("Delivery {Delivery} to {Consumer} failed (attempt {Attempt}): {Error}", item.DeliveryId, consumer, item.Attempt, error);
            failed.Add((item.DeliveryId, item.Attempt, error));
        }

        await RecordDeliveredAsync(db, [.. delivered], cancellationToken);
        var doneAt = clock.GetCurrentInstant();
        foreach (var (id, _) in delivered)
        {
            metrics.Delivered(consumerOf[id], doneAt - writtenAt[id]);
        }

        foreach (var (id, attempt, error) in failed)
        {
            await RecordFailedAsync(db, id, attempt, error, settings, cancellationToken);
            metrics.Failed(consumerOf[id], dead: attempt >= settings.MaxAttempts);
        }

        return ids.Count;
    }

    /// <summary>
    /// A batch in one call; when that call fails as a whole, each delivery alone, so one bad message (a payload that
    /// cannot be read, say) fails only itself and not the deliveries that happened to share its batch.
    /// </summary>
    private async Task<IReadOnlyDictionary<long, string>> DeliverBatchAsync(IOutboxBatchConsumer consumer, List<OutboxWork> unit, IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            return await consumer.DeliverBatchAsync(unit, services, cancellationToken);
        }
        catch (Exception) when (unit.Count > 1 && !cancellationToken.IsCancellationRequested)
        {
            var failures = new Dictionary<long, string>();
            foreach (var item in unit)
            {
                using var scope = scopes.CreateScope();
                try
                {
                    foreach (var (id, error) in await consumer.DeliverBatchAsync([item], scope.ServiceProvider, cancellationToken))
                    {
                        failures[id] = error;
                    }
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    failures[item.DeliveryId] = e.Message;
                }
            }

            return failures;
        }
    }

    private async Task<List<long>> LeaseAsync(MotCuaDbContext db, OutboxOptions settings, Instant now, CancellationToken cancellationToken)
    {
        var at = now.ToDateTimeUtc();
        var until = (now + Duration.FromSeconds(settings.LeaseSeconds)).ToDateTimeUtc();
        var limit = settings.BatchSize;
        if (db.Database.IsNpgsql())
        {
            return await db.Database.SqlQuery<long>($"""
                UPDATE outbox_deliveries SET "State" = 'Leased', "LeaseOwner" = {Owner}, "LeaseUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM outbox_deliveries
                    WHERE ("State" IN ('Pending', 'Failed') AND "NextAttemptAt" <= {at}) OR ("State" = 'Leased' AND "LeaseUntil" < {at})
                    ORDER BY "NextAttemptAt"
                    LIMIT {limit}
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(cancellationToken);
        }

        // SQLite: one writer at a time, and one node.
        return await db.Database.SqlQuery<long>($"""
            UPDATE outbox_deliveries SET "State" = 'Leased', "LeaseOwner" = {Owner}, "LeaseUntil" = {until}
            WHERE "Id" IN (
                SELECT "Id" FROM outbox_deliveries
                WHERE ("State" IN ('Pending', 'Failed') AND "NextAttemptAt" <= {at}) OR ("State" = 'Leased' AND "LeaseUntil" < {at})
                ORDER BY "NextAttemptAt"
                LIMIT {limit})
            RETURNING "Id" AS "Value"
            """).ToListAsync(cancellationToken);
    }

    private async Task RecordDeliveredAsync(MotCuaDbContext db, IReadOnlyList<(long Id, int Attempt)> delivered, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        foreach (var sameAttempt in delivered.GroupBy(d => d.Attempt))
        {
            var ids = sameAttempt.Select(d => d.Id).ToList();
            var attempt = sameAttempt.Key;
            await db.Set<OutboxDelivery>().Where(d => ids.Contains(d.Id) && d.LeaseOwner == Owner && d.State == DeliveryState.Leased)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.State, DeliveryState.Delivered)
                    .SetProperty(d => d.Attempts, attempt)
                    .SetProperty(d => d.DeliveredAt, now)
                    .SetProperty(d => d.LeaseOwner, (string?)null)
                    .SetProperty(d => d.LeaseUntil, (Instant?)null), cancellationToken);
        }

        Interlocked.Add(ref status.Delivered, delivered.Count);
    }

    private async Task RecordFailedAsync(MotCuaDbContext db, long id, int attempt, string error, OutboxOptions settings, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var dead = attempt >= settings.MaxAttempts;
        var next = now + RetryDelay(attempt, settings.FirstRetrySeconds);
        await db.Set<OutboxDelivery>().Where(d => d.Id == id && d.LeaseOwner == Owner && d.State == DeliveryState.Leased)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, dead ? DeliveryState.Dead : DeliveryState.Failed)
                .SetProperty(d => d.Attempts, attempt)
                .SetProperty(d => d.LastError, error)
                .SetProperty(d => d.NextAttemptAt, next)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseUntil, (Instant?)null), cancellationToken);
        Interlocked.Increment(ref status.Failed);
    }

    /// <summary>About first × 2^(attempt−1), between half and one and a half of that (jitter), at most an hour.</summary>
    public static Duration RetryDelay(int attempt, double firstSeconds)
    {
        var seconds = firstSeconds * Math.Pow(2, Math.Min(attempt - 1, 20)) * (0.5 + Random.Shared.NextDouble());
        return Duration.FromSeconds(Math.Min(seconds, 3600));
    }

    /// <summary>The backlog gauges, counted every 10 s while a listener reads them (never when telemetry is off).</summary>
    private async Task SampleBacklogAsync(MotCuaDbContext db, Instant now, CancellationToken cancellationToken)
    {
        if (!metrics.BacklogWanted || now < _nextBacklog)
        {
            return;
        }

        _nextBacklog = now + Duration.FromSeconds(10);
        metrics.Backlog(await OutboxBacklog.MeasureAsync(db, now, cancellationToken));
    }

    private async Task PruneAsync(MotCuaDbContext db, OutboxOptions settings, Instant now, CancellationToken cancellationToken)
    {
        if (now < _nextPrune)
        {
            return;
        }

        _nextPrune = now + Duration.FromMinutes(10);
        var cutoff = now - Duration.FromDays(settings.RetentionDays);
        await db.Set<OutboxMessage>()
            .Where(m => m.CreatedAt < cutoff && m.Deliveries.All(d => d.State == DeliveryState.Delivered))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
