using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.National.Data;
using MotCua.Web.Modules.Payments.Public;
using NodaTime;

namespace MotCua.Web.Modules.National.Sync;

/// <summary>
/// Brings the national portal up to date with one application: the whole application as it stands (every history line
/// so far, in order) goes in one push numbered by its last history line, so a push retried or overtaken by a later one
/// never leaves the portal with an older state, and the portal keeps each number once. The application's sync state
/// says what the portal has.
/// </summary>
public sealed class NationalSyncService(
    MotCuaDbContext db, NationalRecords records, PaymentFigures payments, NationalPortalClient portal, IOptions<NationalPortalOptions> options, IClock clock)
{
    /// <summary>Pushes the application of this code; throws when the portal did not take it, so the outbox tries again later.</summary>
    public async Task SyncAsync(string code, CancellationToken cancellationToken)
    {
        if (await records.OfAsync(code, cancellationToken) is not { } record || record.Status == 0 || record.Imported
            || options.Value.ExcludedProcedures.Contains(record.ProcedureCode, StringComparer.Ordinal))
        {
            return;
        }

        var row = await db.Set<NationalSync>().SingleOrDefaultAsync(s => s.ApplicationId == record.Id, cancellationToken);
        if (row is { SyncedSequence: int synced } && synced >= record.Sequence)
        {
            return;
        }

        if (row is null)
        {
            row = new NationalSync { ApplicationId = record.Id, Code = record.Code, UnitId = record.UnitId, FirstWantedAt = clock.GetCurrentInstant() };
            db.Add(row);
        }

        row.State = row.State == SyncState.Failed ? SyncState.Failed : SyncState.Pending;
        row.WantedSequence = record.Sequence;
        row.UnitId = record.UnitId;
        row.Attempts++;
        row.UpdatedAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(cancellationToken);

        var paidOnline = record.FeeAmount > 0 && (await payments.PaidOnlineAsync([record.Id], cancellationToken)).Contains(record.Id);
        var result = await portal.PushAsync(JsonSerializer.Serialize(Push.Of(record, paidOnline), OutboxJson.Options), cancellationToken);
        var now = clock.GetCurrentInstant();
        if (result.Accepted)
        {
            // A slower worker with an older state must not lower what a faster one recorded.
            row.SyncedSequence = Math.Max(row.SyncedSequence ?? 0, record.Sequence);
            row.State = row.SyncedSequence >= row.WantedSequence ? SyncState.Synced : SyncState.Pending;
            row.LastError = null;
            row.SyncedAt = now;
        }
        else
        {
            row.State = SyncState.Failed;
            row.LastError = result.Error is { Length: > 500 } e ? e[..500] : result.Error;
        }

        row.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        if (!result.Accepted)
        {
            throw new InvalidOperationException(result.Error);
        }
    }
}

/// <summary>The body of a status push (docs/national-integration.md).</summary>
internal sealed record Push(
    string Code, string? NationalCode, int Sequence, string ProcedureCode, string ProcedureName, string UnitPath, int Channel, string ApplicantName, string? ApplicantIdentityNumber,
    DateTimeOffset? SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? FinishedAt, DateTimeOffset? ReturnedAt, int Status,
    bool InputsDigitized, bool IdentityVerified, bool PaidOnline, long? FeeAmount, IReadOnlyList<NationalDocument> Documents, IReadOnlyList<NationalStep> Steps,
    IReadOnlyList<NationalHistoryLine> History)
{
    public static Push Of(NationalRecord r, bool paidOnline) => new(
        r.Code, r.NationalCode, r.Sequence, r.ProcedureCode, r.ProcedureName, r.UnitPath, r.Channel, r.ApplicantName, r.ApplicantIdentityNumber, r.SubmittedAt, r.ReceivedAt,
        r.DueAt, r.FinishedAt, r.ReturnedAt, r.Status, r.InputsDigitized, r.IdentityVerified, paidOnline, r.FeeAmount, r.Documents, r.Steps, r.History);
}
