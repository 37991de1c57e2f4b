using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Domain;
using NodaTime;

namespace MotCua.Web.Modules.Applications.Public;

/// <summary>One line of the application's history as the national portal takes it: the status numbers are the national ones.</summary>
public sealed record NationalHistoryLine(int Sequence, DateTimeOffset At, string Action, string Actor, string ActorRole, int FromStatus, int ToStatus, string? Note);

/// <summary>A processing step: who (the role and unit), when it started and was done, by whom, and its due time.</summary>
public sealed record NationalStep(string Name, string Role, int UnitId, DateTimeOffset? DueAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? CompletedBy);

/// <summary>A document of the file: an input (digitized when the one-stop scanned it from paper) or a result.</summary>
public sealed record NationalDocument(string Name, string Kind, bool Digitized, bool Reused, bool FromNationalData);

/// <summary>
/// An application as it stands now, with everything the national portal's status push carries (legal.md, "Statuses
/// exchanged with the national portal"): codes, channel, applicant, dates, the national status, digitization, fees,
/// documents, the processing steps and the whole history. <paramref name="Sequence"/> is the number of its last history
/// line, so the portal keeps the newest of what it receives.
/// </summary>
public sealed record NationalRecord(
    long Id, string Code, string ProcedureCode, string ProcedureName, int UnitId, string UnitPath, int Channel,
    string ApplicantName, string? ApplicantIdentityNumber, DateTimeOffset? SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt,
    DateTimeOffset? FinishedAt, DateTimeOffset? ReturnedAt, int Status, ApplicationStatus MotCuaStatus, bool InputsDigitized, long? FeeAmount,
    bool Imported, string? NationalCode, bool IdentityVerified, int Sequence, IReadOnlyList<NationalDocument> Documents, IReadOnlyList<NationalStep> Steps, IReadOnlyList<NationalHistoryLine> History);

/// <summary>The applications as the national integration reads them (one by code, when it changes).</summary>
public sealed class NationalRecords(MotCuaDbContext db)
{
    public async Task<NationalRecord?> OfAsync(string code, CancellationToken cancellationToken)
    {
        var a = await db.Set<Application>().AsNoTracking().Include(x => x.Events).AsSplitQuery().SingleOrDefaultAsync(x => x.Code == code, cancellationToken);
        if (a is null)
        {
            return null;
        }

        var documents = await db.Set<ApplicationDocument>().AsNoTracking().Where(d => d.ApplicationId == a.Id).OrderBy(d => d.UploadedAt)
            .Select(d => new { d.Name, d.Kind, d.Digitized }).ToListAsync(cancellationToken);
        var inputs = documents.Where(d => d.Kind == DocumentKind.Input).ToList();
        var history = a.Events.OrderBy(e => e.Sequence)
            .Select(e => new NationalHistoryLine(e.Sequence, At(e.At), e.Action, e.ActorName, e.ActorRole, e.FromStatus.NationalCode(), e.ToStatus.NationalCode(), e.Note))
            .ToList();
        return new NationalRecord(
            a.Id, a.Code, a.ProcedureCode, a.ProcedureName, a.UnitId, a.UnitPath, a.Channel.NationalCode(), a.ApplicantName, a.ApplicantIdentityNumber,
            At(a.SubmittedAt), At(a.ReceivedAt), At(a.DueAt), At(a.FinishedAt), At(a.ReturnedAt), a.Status == ApplicationStatus.Draft ? 0 : a.Status.NationalCode(), a.Status,
            a.Channel.IsOnline() || a.ImportedInputsDigitized || (inputs.Count > 0 && inputs.All(d => d.Digitized)), a.AmountDue, a.ImportedAt is not null, a.NationalCode, a.IdentityVerified,
            history.Count == 0 ? 0 : history[^1].Sequence,
            [.. documents.Select(d => new NationalDocument(d.Name, d.Kind == DocumentKind.Input ? "input" : "result", d.Digitized, Reused: false, FromNationalData: false)),
                .. a.NationalData.Where(d => d.Used).Select(d => new NationalDocument(d.DocumentName, "input", Digitized: false, Reused: true, FromNationalData: true))],
            [.. a.Steps.Select(s => new NationalStep(s.Name, s.Role.ToString(), s.UnitId, At(s.DueAt), At(s.StartedAt), At(s.CompletedAt), s.CompletedBy))],
            history);
    }

    private static DateTimeOffset At(Instant at) => at.ToDateTimeOffset();

    private static DateTimeOffset? At(Instant? at) => at?.ToDateTimeOffset();
}
