using NodaTime;

namespace MotCua.Web.Common.Outbox;

/// <summary>
/// Something that happened, to be told to other systems once the transaction that caused it commits (transactional
/// outbox): written in the same transaction as the change by <see cref="OutboxWriter"/>, with one
/// <see cref="OutboxDelivery"/> per consumer subscribed to its type.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        Type = Payload = string.Empty;
    }

    public OutboxMessage(string type, string payload, Instant createdAt)
    {
        Type = type;
        Payload = payload;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    /// <summary>The contract's name and version, e.g. "application.event.v1" (docs/outbox-contract.md).</summary>
    public string Type { get; private set; }

    /// <summary>The contract as JSON.</summary>
    public string Payload { get; private set; }

    public Instant CreatedAt { get; private set; }

    public List<OutboxDelivery> Deliveries { get; private set; } = [];
}

public enum DeliveryState
{
    /// <summary>Waiting for its first attempt.</summary>
    Pending,

    /// <summary>Taken by a worker until <see cref="OutboxDelivery.LeaseUntil"/>; taken again by any worker after that.</summary>
    Leased,

    /// <summary>The consumer took it.</summary>
    Delivered,

    /// <summary>The last attempt failed; tried again at <see cref="OutboxDelivery.NextAttemptAt"/>.</summary>
    Failed,

    /// <summary>Given up after the most attempts allowed; waits for the province admin to retry it.</summary>
    Dead,
}

/// <summary>One message for one consumer (portal inbox, email, SMS, …), with its own attempts, lease and error.</summary>
public sealed class OutboxDelivery
{
    private OutboxDelivery()
    {
        Consumer = string.Empty;
    }

    public OutboxDelivery(string consumer, Instant now)
    {
        Consumer = consumer;
        State = DeliveryState.Pending;
        NextAttemptAt = now;
        CreatedAt = now;
    }

    /// <summary>Travels with what the consumer sends (Message-ID, client reference), so a receiver can tell a retry.</summary>
    public long Id { get; private set; }

    public long MessageId { get; private set; }
    public string Consumer { get; private set; }
    public DeliveryState State { get; private set; }
    public int Attempts { get; private set; }
    public Instant NextAttemptAt { get; private set; }
    public string? LeaseOwner { get; private set; }
    public Instant? LeaseUntil { get; private set; }
    public string? LastError { get; private set; }
    public Instant CreatedAt { get; private set; }
    public Instant? DeliveredAt { get; private set; }
}
