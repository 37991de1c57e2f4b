using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Calendar.Public;
using NodaTime;

namespace MotCua.Web.Modules.Applications.Public;

/// <summary>How the result reached the applicant, in the words the statistics and the import use.</summary>
public enum ReturnChannel
{
    Online,
    Counter,
    Postal,
}

/// <summary>
/// What the statistics count of one application, as it stands now: where and how it came in, when it was received,
/// finished (and how timely) and returned, whether it carries a fee and whether its inputs are digital; when its result
/// is due, and when it left processing for good (<paramref name="ClosedAt"/>: finished, or withdrawn, not accepted or
/// rejected; null while it is still open).
/// <paramref name="PaidOnlineBeforeImport"/>: imported, and paid online in the former system (whose payments MotCua's
/// payment module does not hold).
/// </summary>
public sealed record ApplicationFigure(
    long Id,
    string Code,
    int UnitId,
    string ProcedureCode,
    Channel Channel,
    ApplicationStatus Status,
    Instant? ReceivedAt,
    Instant? FinishedAt,
    Timeliness? Timeliness,
    Instant? ReturnedAt,
    ReturnChannel? ReturnChannel,
    bool HasFee,
    bool InputsDigitized,
    Instant? DueAt = null,
    Instant? ClosedAt = null,
    bool HasElectronicResult = false,
    bool PaidOnlineBeforeImport = false,
    bool UsedPopulationData = false)
{
    public bool IsOnline => Channel is Channel.OnlineRemote or Channel.OnlineAssisted;
}

/// <summary>An application in progress whose result is due soon while it is not yet at its last step.</summary>
public sealed record AtRiskApplication(string Code, string ProcedureName, int UnitId, DateTimeOffset DueAt, string? CurrentStep);

/// <summary>The applications as the statistics read them: one by code when it changes, all of them in order to rebuild.</summary>
public sealed class ApplicationFigures(MotCuaDbContext db)
{
    /// <summary>The application's id, or null when there is none of this code.</summary>
    public async Task<long?> IdAsync(string code, CancellationToken cancellationToken) =>
        await db.Set<Application>().AsNoTracking().Where(a => a.Code == code).Select(a => (long?)a.Id).SingleOrDefaultAsync(cancellationToken);

    public async Task<ApplicationFigure?> OfAsync(string code, CancellationToken cancellationToken) =>
        (await ReadAsync(db.Set<Application>().AsNoTracking().Where(a => a.Code == code), cancellationToken)).SingleOrDefault();

    /// <summary>The applications of these codes that exist (codes not found are left out).</summary>
    public async Task<IReadOnlyList<ApplicationFigure>> OfAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        codes.Count == 0 ? [] : await ReadAsync(db.Set<Application>().AsNoTracking().Where(a => codes.Contains(a.Code)), cancellationToken);

    /// <summary>The ids of the applications of these codes that exist.</summary>
    public async Task<IReadOnlyList<long>> IdsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken) =>
        codes.Count == 0 ? [] : await db.Set<Application>().AsNoTracking().Where(a => codes.Contains(a.Code)).Select(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>The next <paramref name="take"/> applications after id <paramref name="afterId"/>, by id.</summary>
    public async Task<IReadOnlyList<ApplicationFigure>> PageAsync(long afterId, int take, CancellationToken cancellationToken) =>
        await ReadAsync(db.Set<Application>().AsNoTracking().Where(a => a.Id > afterId).OrderBy(a => a.Id).Take(take), cancellationToken);

    /// <summary>
    /// Applications of the sub-tree in progress, due between <paramref name="now"/> and <paramref name="until"/>, that are
    /// not yet at their last step (at the last step only the signature is left): the nearest due first.
    /// </summary>
    public async Task<IReadOnlyList<AtRiskApplication>> AtRiskAsync(string unitPath, Instant now, Instant until, int take, CancellationToken cancellationToken)
    {
        var (start, end) = Access.UnitScope.Range(unitPath);
        var due = await db.Set<Application>().AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.InProgress && a.DueAt >= now && a.DueAt <= until
                && string.Compare(a.UnitPath, start) >= 0 && string.Compare(a.UnitPath, end) < 0)
            .OrderBy(a => a.DueAt).Take(take * 4).ToListAsync(cancellationToken);
        return [.. due.Where(a => a.CurrentStep is int step && step < a.Steps.Count - 1).Take(take)
            .Select(a => new AtRiskApplication(a.Code, a.ProcedureName, a.UnitId, a.DueAt!.Value.InZone(Common.Text.VietnameseDates.Zone).ToDateTimeOffset(),
                a.CurrentStep is int s ? a.Steps[s].Name : null))];
    }

    private async Task<List<ApplicationFigure>> ReadAsync(IQueryable<Application> query, CancellationToken cancellationToken)
    {
        var rows = await query.Select(a => new
        {
            a.Id, a.Code, a.UnitId, a.ProcedureCode, a.Channel, a.Status, a.ReceivedAt, a.FinishedAt, a.Timeliness, a.ReturnedAt, a.ReturnMethod, a.AmountDue, a.DueAt,
            a.ImportedPaidOnline, a.ImportedInputsDigitized, a.NationalData,
        }).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        // Inputs of a desk or postal application count as digitized when every one was scanned into the file (or, imported,
        // when the former system says so); an online application's inputs are electronic from the start.
        var ids = rows.Where(r => r.Channel is Channel.Counter or Channel.Postal).Select(r => r.Id).ToList();
        var inputs = ids.Count == 0 ? [] : await db.Set<ApplicationDocument>().AsNoTracking()
            .Where(d => ids.Contains(d.ApplicationId) && d.Kind == DocumentKind.Input)
            .GroupBy(d => d.ApplicationId)
            .Select(g => new { Id = g.Key, All = g.Count(), Digitized = g.Count(d => d.Digitized) })
            .ToDictionaryAsync(g => g.Id, g => g.All > 0 && g.All == g.Digitized, cancellationToken);
        // A result counts as electronic when its file holds the result document (kết quả điện tử), whatever way it went back.
        var returnedIds = rows.Where(r => r.ReturnedAt is not null).Select(r => r.Id).ToList();
        var electronic = returnedIds.Count == 0 ? [] : (await db.Set<ApplicationDocument>().AsNoTracking()
            .Where(d => returnedIds.Contains(d.ApplicationId) && d.Kind == DocumentKind.Result)
            .Select(d => d.ApplicationId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        // Closed without a finish (withdrawn, not accepted): when it moved into that final status.
        var unfinished = rows.Where(r => r.FinishedAt is null && r.Status.IsFinal()).Select(r => r.Id).ToList();
        var closings = unfinished.Count == 0 ? [] : (await db.Set<ApplicationEvent>().AsNoTracking()
            .Where(e => unfinished.Contains(e.ApplicationId) && e.FromStatus != e.ToStatus
                && (e.ToStatus == ApplicationStatus.Withdrawn || e.ToStatus == ApplicationStatus.NotAccepted || e.ToStatus == ApplicationStatus.Rejected))
            .Select(e => new { e.ApplicationId, e.At }).ToListAsync(cancellationToken))
            .GroupBy(e => e.ApplicationId).ToDictionary(g => g.Key, g => g.Max(e => e.At));
        return rows.Select(r => new ApplicationFigure(
            r.Id, r.Code, r.UnitId, r.ProcedureCode, r.Channel, r.Status, r.ReceivedAt, r.FinishedAt, r.Timeliness, r.ReturnedAt,
            r.ReturnMethod switch
            {
                ReturnMethod.Online => (ReturnChannel?)ReturnChannel.Online,
                ReturnMethod.Desk => ReturnChannel.Counter,
                ReturnMethod.Post => ReturnChannel.Postal,
                _ => null,
            },
            r.AmountDue > 0,
            r.Channel is Channel.OnlineRemote or Channel.OnlineAssisted || r.ImportedInputsDigitized || inputs.GetValueOrDefault(r.Id),
            r.DueAt,
            r.FinishedAt ?? (r.Status.IsFinal() && closings.TryGetValue(r.Id, out var closed) ? closed : null),
            electronic.Contains(r.Id),
            r.ImportedPaidOnline,
            r.NationalData.Any(d => d.Used && d.Kind == Catalog.Public.NationalDatabaseKind.Population))).ToList();
    }
}
