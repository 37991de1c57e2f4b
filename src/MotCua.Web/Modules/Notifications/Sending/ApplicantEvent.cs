using MotCua.Web.Common.Outbox;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Payments.Public;

namespace MotCua.Web.Modules.Notifications.Sending;

/// <summary>
/// Something an applicant may be told about, whatever message brought it: a line of their application's history, or a
/// payment of its fee (paid, failed, refunded). The channels read the same few things of both.
/// </summary>
public sealed record ApplicantEvent(string Code, Guid? ApplicantUserId, string Action, string ProcedureName, DateTimeOffset? DueAt, DateTimeOffset? NewDueAt)
{
    /// <summary>The message types the applicant hears of.</summary>
    public static bool IsTold(string messageType) => messageType is ApplicationEventMessage.Type or PaymentEventMessage.Type;

    public ApplicationEventMessage? Application { get; private init; }

    public PaymentEventMessage? Payment { get; private init; }

    /// <summary>The event a delivery carries; null for a message that is not told to an applicant.</summary>
    public static ApplicantEvent? From(OutboxWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work.Type switch
        {
            ApplicationEventMessage.Type => Of(ApplicationEventMessage.Read(work.Payload)),
            PaymentEventMessage.Type => Of(PaymentEventMessage.Read(work.Payload)),
            _ => null,
        };
    }

    public static ApplicantEvent Of(ApplicationEventMessage e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Code, e.ApplicantUserId, e.Action, e.ProcedureName, e.DueAt, e.NewDueAt) { Application = e };
    }

    /// <summary>A payment's event; its action reads "payment-paid", "payment-failed" or "payment-refunded".</summary>
    public static ApplicantEvent Of(PaymentEventMessage e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Code, e.ApplicantUserId, "payment-" + e.Event, string.Empty, null, null) { Payment = e };
    }
}
