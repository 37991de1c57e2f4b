using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.Applications.Queries;

public sealed record StepView(int Index, string Name, StepRole Role, int UnitId, DateTimeOffset? DueAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? CompletedBy);

public sealed record DocumentView(Guid Id, DocumentKind Kind, string Name, string FileName, string ContentType, long Size, bool Digitized, DateTimeOffset UploadedAt);

public sealed record HistoryView(int Sequence, string Action, ApplicationStatus From, ApplicationStatus To, string ActorName, string ActorRole, int? UnitId, DateTimeOffset At, string? Note, string? InternalNote);

/// <param name="ProcedureVersion">The version of the procedure's terms (fees, documents, time limit) it was filed under.</param>
public sealed record ApplicationView(
    string Code,
    string ProcedureCode,
    string ProcedureName,
    int ProcedureVersion,
    int UnitId,
    Channel Channel,
    ApplicationSource Source,
    string? NationalCode,
    bool IdentityVerified,
    ApplicationStatus Status,
    int NationalStatus,
    string StatusText,
    string ApplicantName,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ReturnedAt,
    Timeliness? Timeliness,
    DateTimeOffset? NewDueAt,
    StepView? CurrentStep,
    IReadOnlyList<StepView> Steps,
    IReadOnlyList<DocumentView> Documents,
    bool MissingDocuments,
    IReadOnlyList<SupplementItem> SupplementItems,
    string? Reason,
    string? Consent,
    System.Text.Json.Nodes.JsonNode? Form,
    IReadOnlyList<HistoryView> History,
    FeeView Fee,
    IReadOnlyList<NationalDataView> NationalData)
{
    /// <summary>Officers see everything; the applicant sees the history without internal notes.</summary>
    public static ApplicationView From(Application a, IEnumerable<ApplicationDocument> documents, bool forOfficer)
    {
        ArgumentNullException.ThrowIfNull(a);
        var steps = a.Steps.Select((s, i) => new StepView(i, s.Name, s.Role, s.UnitId, VietnamTime.Offset(s.DueAt), VietnamTime.Offset(s.StartedAt), VietnamTime.Offset(s.CompletedAt), s.CompletedBy)).ToList();
        return new ApplicationView(
            a.Code, a.ProcedureCode, a.ProcedureName, a.ProcedureVersion, a.UnitId, a.Channel, a.Source, a.NationalCode, a.IdentityVerified, a.Status, a.Status.NationalCode(), a.Status.Vietnamese(), a.ApplicantName,
            VietnamTime.Offset(a.SubmittedAt), VietnamTime.Offset(a.ReceivedAt), VietnamTime.Offset(a.DueAt), VietnamTime.Offset(a.FinishedAt),
            VietnamTime.Offset(a.ReturnedAt), a.Timeliness, VietnamTime.Offset(a.ApologyNewDueAt),
            a.CurrentStep is int i && a.Status is ApplicationStatus.InProgress or ApplicationStatus.SupplementRequested or ApplicationStatus.Suspended or ApplicationStatus.AwaitingPayment ? steps[i] : null,
            steps,
            documents.OrderBy(d => d.UploadedAt).Select(d => new DocumentView(d.Id, d.Kind, d.Name, d.FileName, d.ContentType, d.Size, d.Digitized, VietnamTime.Offset(d.UploadedAt))).ToList(),
            a.MissingDocuments,
            a.SupplementItems,
            a.Reason,
            a.Consent,
            System.Text.Json.Nodes.JsonNode.Parse(a.FormJson),
            a.Events.OrderBy(e => e.Sequence).Select(e => new HistoryView(e.Sequence, e.Action, e.FromStatus, e.ToStatus, e.ActorName, e.ActorRole, e.UnitId,
                VietnamTime.Offset(e.At), e.Note, forOfficer ? e.InternalNote : null)).ToList(),
            new FeeView(a.AmountDue, a.FeeItems.Select(f => new FeeItemView(f.Name, f.Kind, f.Amount)).ToList(), a.FeesDueAtSubmission ? PaymentTiming.AtSubmission : PaymentTiming.AfterProcessing,
                a.AwaitsFeeAtSubmission || a.Status == ApplicationStatus.AwaitingPayment, VietnamTime.Offset(a.FeePaidAt), a.ExemptionCategory, a.ExemptionPercent),
            a.NationalData.Select(d => new NationalDataView(d.DocumentName, d.NationalDatabase, d.DatabaseOwner, d.Kind, d.Used, d.Summary, d.Problem, VietnamTime.Offset(d.At))).ToList());
    }
}

/// <summary>A document a national database supplied instead of paper (or was asked for and could not, with why).</summary>
public sealed record NationalDataView(string DocumentName, string NationalDatabase, string DatabaseOwner, NationalDatabaseKind Kind, bool Used, string? Summary, string? Problem, DateTimeOffset At);

/// <summary>One line of the fee due: its name, Duty (lệ phí) or Charge (phí), the amount in đồng.</summary>
public sealed record FeeItemView(string Name, FeeKind Kind, long Amount);

/// <summary>
/// The application's fee: what is due and its lines, whether it is paid with the application or after processing,
/// whether it can be paid now, when it was paid, and the exemption the applicant claims (category, share waived).
/// </summary>
public sealed record FeeView(long? AmountDue, IReadOnlyList<FeeItemView> Items, PaymentTiming PaymentDue, bool PayableNow, DateTimeOffset? PaidAt, string? Exemption, int? ExemptionPercent);

public sealed record ApplicationSummary(
    string Code,
    string ProcedureCode,
    string ProcedureName,
    string ApplicantName,
    int UnitId,
    Channel Channel,
    ApplicationStatus Status,
    string StatusText,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? DueAt,
    StepRole? CurrentRole,
    bool MissingDocuments,
    Timeliness? Timeliness);

/// <summary>A page of applications. The inbox counts at most <c>InboxCountLimit</c>: then Total is that limit and TotalIsAtLeast is true.</summary>
public sealed record ApplicationList(IReadOnlyList<ApplicationSummary> Items, int Total, bool TotalIsAtLeast = false);

public sealed record TrackingView(string Code, string ProcedureName, string UnitName, ApplicationStatus Status, string StatusText, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt);
