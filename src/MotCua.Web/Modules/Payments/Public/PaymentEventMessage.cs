using System.Text.Json;
using MotCua.Web.Common.Outbox;

namespace MotCua.Web.Modules.Payments.Public;

/// <summary>
/// Contract "payment.event.v1" (docs/outbox-contract.md): a payment of an application's fee was paid, failed (declined
/// at the gateway, or its time ran out) or refunded. Written in the same transaction as the payment's change, once per
/// change: a repeated gateway notice changes nothing and writes nothing.
/// </summary>
/// <param name="Code">The application's code.</param>
/// <param name="Event">"paid", "failed" or "refunded" (<see cref="PaymentEvents"/>).</param>
/// <param name="Method">"Online", "Cash", "Card" or "Transfer".</param>
/// <param name="Reason">A refund's reason; for a failure, the gateway's response code.</param>
public sealed record PaymentEventMessage(
    int Version,
    Guid PaymentId,
    string Code,
    int UnitId,
    Guid? ApplicantUserId,
    string Event,
    long Amount,
    string Method,
    string Provider,
    DateTimeOffset At,
    string? Reason)
{
    public const string Type = "payment.event.v1";

    public static PaymentEventMessage Read(string payload) =>
        JsonSerializer.Deserialize<PaymentEventMessage>(payload, OutboxJson.Options) ?? throw new JsonException("Empty payment event.");
}

public static class PaymentEvents
{
    public const string Paid = "paid";
    public const string Failed = "failed";
    public const string Refunded = "refunded";
}
