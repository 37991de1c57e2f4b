using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Modules.Payments.Domain;
using MotCua.Web.Modules.Payments.Public;
using NodaTime;

namespace MotCua.Web.Modules.Payments.Events;

/// <summary>
/// A payment saved as paid, failed, expired or refunded becomes one message in that save: the one place payment events
/// reach the outbox. A status that did not change in the save (a repeated notice) writes nothing.
/// </summary>
internal sealed class PaymentOutboxSource : IOutboxSource
{
    private static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    public IEnumerable<OutboxEnvelope> Collect(ChangeTracker changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var envelopes = new List<OutboxEnvelope>();
        foreach (var entry in changes.Entries<Payment>())
        {
            var changed = entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && entry.Property(p => p.Status) is { IsModified: true } status && !Equals(status.OriginalValue, status.CurrentValue));
            if (!changed || Event(entry.Entity) is not { } name)
            {
                continue;
            }

            var p = entry.Entity;
            var at = p.RefundedAt ?? p.PaidAt ?? p.NotifiedAt ?? p.ExpiresAt;
            var message = new PaymentEventMessage(1, p.Id, p.ApplicationCode, p.UnitId, p.PayerUserId, name, p.Amount, p.Method.ToString(), p.Provider,
                at.InZone(Vietnam).ToDateTimeOffset(), name == PaymentEvents.Refunded ? p.RefundReason : name == PaymentEvents.Failed ? p.ResponseCode : null);
            envelopes.Add(new OutboxEnvelope(PaymentEventMessage.Type, JsonSerializer.Serialize(message, OutboxJson.Options)));
        }

        return envelopes;
    }

    private static string? Event(Payment payment) => payment.Status switch
    {
        PaymentStatus.Paid => PaymentEvents.Paid,
        PaymentStatus.Failed or PaymentStatus.Expired => PaymentEvents.Failed,
        PaymentStatus.Refunded => PaymentEvents.Refunded,
        _ => null,
    };
}
