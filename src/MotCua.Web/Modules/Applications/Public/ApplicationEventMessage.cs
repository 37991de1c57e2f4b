using System.Text.Json;
using MotCua.Web.Common.Outbox;

namespace MotCua.Web.Modules.Applications.Public;

/// <summary>
/// Contract "application.event.v1" (docs/outbox-contract.md): one line of an application's history, whether or not
/// the status changed. What consumers need and no more: no internal note, and the applicant's contact details are read
/// from the application when a message is sent, not copied here.
/// </summary>
public sealed record ApplicationEventMessage(
    int Version,
    string Code,
    string ProcedureCode,
    string ProcedureName,
    int UnitId,
    Guid? ApplicantUserId,
    int Sequence,
    string Action,
    ApplicationStatus FromStatus,
    ApplicationStatus ToStatus,
    int NationalStatus,
    int Channel,
    DateTimeOffset At,
    string? Note,
    DateTimeOffset? DueAt,
    DateTimeOffset? NewDueAt,
    IReadOnlyList<string>? SupplementItems,
    string? Reason = null,
    long? AmountDue = null)
{
    public const string Type = "application.event.v1";

    public static ApplicationEventMessage Read(string payload) =>
        JsonSerializer.Deserialize<ApplicationEventMessage>(payload, OutboxJson.Options) ?? throw new JsonException("Empty application event.");
}
