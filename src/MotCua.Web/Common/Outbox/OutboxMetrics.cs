using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using NodaTime;

namespace MotCua.Web.Common.Outbox;

/// <summary>
/// What the outbox shows to OpenTelemetry and dotnet-counters (meter "MotCua.Outbox"): deliveries by consumer and
/// outcome, how long a message waited for its delivery, and the backlog with its oldest age. The backlog is counted
/// by the worker only while someone listens to it, so it costs nothing when telemetry is off.
/// </summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "MotCua.Outbox";

    /// <summary>One span per batch a consumer is handed.</summary>
    public static readonly ActivitySource Activities = new(MeterName);

    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _delay;
    private readonly ObservableGauge<long> _backlog;
    private long _waiting;
    private double _oldestSeconds;

    public OutboxMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _deliveries = meter.CreateCounter<long>("motcua.outbox.deliveries", "{delivery}",
            "Deliveries handed to their consumer, by consumer and outcome (delivered, failed, dead).");
        _delay = meter.CreateHistogram<double>("motcua.outbox.delivery.delay", "s",
            "From the message being written to its delivery being done, per delivered delivery.");
        _backlog = meter.CreateObservableGauge("motcua.outbox.backlog", () => Volatile.Read(ref _waiting), "{delivery}",
            "Deliveries waiting: pending, leased or waiting for a retry.");
        meter.CreateObservableGauge("motcua.outbox.oldest_age", () => Volatile.Read(ref _oldestSeconds), "s",
            "How long the oldest waiting delivery has waited.");
    }

    /// <summary>True while a listener (an OpenTelemetry reader, dotnet-counters) reads the backlog.</summary>
    public bool BacklogWanted => _backlog.Enabled;

    public void Delivered(string consumer, Duration waited)
    {
        var tag = new KeyValuePair<string, object?>("consumer", consumer);
        _deliveries.Add(1, tag, new KeyValuePair<string, object?>("outcome", "delivered"));
        _delay.Record(Math.Max(0, waited.TotalSeconds), tag);
    }

    public void Failed(string consumer, bool dead) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("consumer", consumer), new KeyValuePair<string, object?>("outcome", dead ? "dead" : "failed"));

    public void Backlog(OutboxBacklog backlog)
    {
        ArgumentNullException.ThrowIfNull(backlog);
        Volatile.Write(ref _waiting, backlog.Waiting);
        Volatile.Write(ref _oldestSeconds, backlog.OldestWait.TotalSeconds);
    }
}

/// <summary>The deliveries still to make, the oldest one's wait, and the dead (for /health and the backlog gauges).</summary>
public sealed record OutboxBacklog(int Waiting, Duration OldestWait, int Dead)
{
    public static async Task<OutboxBacklog> MeasureAsync(MotCuaDbContext db, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var waiting = db.Set<OutboxDelivery>().Where(d => d.State == DeliveryState.Pending || d.State == DeliveryState.Leased || d.State == DeliveryState.Failed);
        var count = await waiting.CountAsync(cancellationToken);
        var oldest = count == 0 ? (Instant?)null : await waiting.OrderBy(d => d.CreatedAt).Select(d => (Instant?)d.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var dead = await db.Set<OutboxDelivery>().CountAsync(d => d.State == DeliveryState.Dead, cancellationToken);
        return new OutboxBacklog(count, oldest is { } o ? now - o : Duration.Zero, dead);
    }
}
