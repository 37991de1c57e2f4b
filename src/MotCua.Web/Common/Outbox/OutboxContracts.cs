using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MotCua.Web.Common.Outbox;

/// <summary>A message a module wants written: its contract type ("application.event.v1") and JSON payload.</summary>
public sealed record OutboxEnvelope(string Type, string Payload);

/// <summary>
/// A module's way of turning what it is saving into messages, asked by <see cref="OutboxWriter"/> on every save: the one
/// place messages come from, so no handler has to remember to write one.
/// </summary>
public interface IOutboxSource
{
    IEnumerable<OutboxEnvelope> Collect(ChangeTracker changes);
}

/// <summary>What a consumer is handed: the delivery's id (stable across retries), the message and the attempt number.</summary>
public sealed record OutboxWork(long DeliveryId, long MessageId, string Type, string Payload, int Attempt);

/// <summary>
/// One receiver of messages (portal inbox, email, SMS, Zalo, national sync, statistics). It must be idempotent by
/// <see cref="OutboxWork.DeliveryId"/>: a worker that dies between sending and marking sends again.
/// </summary>
public interface IOutboxConsumer
{
    /// <summary>Short and stable: it is stored with every delivery ("portal-inbox", "email", …).</summary>
    string Name { get; }

    bool Accepts(string messageType);

    Task DeliverAsync(OutboxWork work, IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>
/// A consumer that takes a whole batch at once: one read and one write for the lot instead of one per delivery (the
/// portal inbox inserts every notification of the batch in one save; e-mail keeps one SMTP connection for it).
/// </summary>
public interface IOutboxBatchConsumer : IOutboxConsumer
{
    /// <summary>Delivers each; answers the error of each that failed, by delivery id. The others count as delivered.</summary>
    Task<IReadOnlyDictionary<long, string>> DeliverBatchAsync(IReadOnlyList<OutboxWork> works, IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>Runs a batch consumer for one delivery: what <see cref="IOutboxConsumer.DeliverAsync"/> of such a consumer does.</summary>
public static class OutboxBatch
{
    public static async Task DeliverOneAsync(IOutboxBatchConsumer consumer, OutboxWork work, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(work);
        var failures = await consumer.DeliverBatchAsync([work], services, cancellationToken);
        if (failures.TryGetValue(work.DeliveryId, out var error))
        {
            throw new InvalidOperationException(error);
        }
    }
}
