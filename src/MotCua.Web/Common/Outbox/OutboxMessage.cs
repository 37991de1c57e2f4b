using NodaTime;

namespace MotCua.Web.Common.Outbox;

/// <summary>
/// A message to send after the transaction that caused it commits (transactional outbox): written in the same
/// transaction as the change, sent and retried by a worker, so nothing is lost or sent twice.
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

    /// <summary>e.g. "application.status-changed".</summary>
    public string Type { get; private set; }

    public string Payload { get; private set; }
    public Instant CreatedAt { get; private set; }
    public Instant? ProcessedAt { get; private set; }
    public int Attempts { get; private set; }
}
