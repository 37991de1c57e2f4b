using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MotCua.Web.Common.Persistence;
using NodaTime;

namespace MotCua.Web.Common.Outbox;

/// <summary>
/// On every save, asks each module's <see cref="IOutboxSource"/> what its changes mean for the outside world and writes
/// those messages, with one delivery per subscribed consumer, in the same transaction. After the commit it wakes the
/// local worker, so a message usually leaves within milliseconds; the worker's poll catches the rest.
/// </summary>
public sealed class OutboxWriter(IEnumerable<IOutboxSource> sources, IEnumerable<IOutboxConsumer> consumers, OutboxSignal signal, IClock clock)
    : SaveChangesInterceptor
{
    private readonly IOutboxSource[] _sources = [.. sources];
    private readonly IOutboxConsumer[] _consumers = [.. consumers];

    // The contexts whose save is writing messages: only their commit wakes the worker.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _writing = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Write(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Write(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Committed(eventData?.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Committed(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData?.Context is { } context)
        {
            _writing.Remove(context);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _writing.Remove(context))
        {
            signal.Wake();
        }
    }

    private void Write(DbContext? context)
    {
        if (context is null || _sources.Length == 0)
        {
            return;
        }

        var now = clock.GetCurrentInstant();
        var envelopes = TrackedChanges.ReadOnce(context, tracker => _sources.SelectMany(s => s.Collect(tracker)).ToList());
        if (envelopes.Count > 0)
        {
            _writing.AddOrUpdate(context, this);
        }
        foreach (var envelope in envelopes)
        {
            var message = new OutboxMessage(envelope.Type, envelope.Payload, now);
            message.Deliveries.AddRange(_consumers.Where(c => c.Accepts(envelope.Type)).Select(c => new OutboxDelivery(c.Name, now)));
            context.Add(message);
        }
    }
}

/// <summary>Wakes this node's worker when a save wrote messages (other nodes find them on their next poll).</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}

/// <summary>Section "Outbox": how the workers deliver.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Off: this node writes messages but delivers none (another node does).</summary>
    public bool Workers { get; set; } = true;

    [System.ComponentModel.DataAnnotations.Range(10, 60_000)]
    public int PollMilliseconds { get; set; } = 1000;

    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How many deliveries of a batch run at once on this node (each waits mostly on the database or a gateway).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 64)]
    public int Parallelism { get; set; } = 8;

    /// <summary>After this many failed attempts a delivery is dead until an admin retries it.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry waits about this long; each next one twice as long (with jitter), at most an hour.</summary>
    [System.ComponentModel.DataAnnotations.Range(0.001, 3600)]
    public double FirstRetrySeconds { get; set; } = 10;

    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>Delivered messages are kept this long (for the admin's view), then pruned.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 3650)]
    public int RetentionDays { get; set; } = 7;
}
