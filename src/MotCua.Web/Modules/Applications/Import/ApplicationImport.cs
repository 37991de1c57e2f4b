using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Audit.Public;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Public;
using NodaTime;

namespace MotCua.Web.Modules.Applications.Import;

/// <summary>A line refused, by its number in the file (from 1), and why, naming the field (each problem of <see cref="Problems"/> in turn).</summary>
public sealed record ImportError(long Line, string Message)
{
    /// <summary>The problems one by one, for a page that shows each in the reader's language.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Problems { get; init; } = [Message];
}

/// <summary>
/// What an import did: applications added, lines skipped because their code already exists, and the lines refused
/// (<see cref="Refused"/> of them; <see cref="Errors"/> holds the first <see cref="ApplicationImport.MaxErrorsKept"/>).
/// </summary>
public sealed record ImportSummary(long Imported, long Skipped, IReadOnlyList<ImportError> Errors, long Refused);

/// <summary>
/// Brings applications handled in the province's former system into MotCua from a JSON Lines file, so its statistics go
/// on: read as it arrives, each line checked on its own (<see cref="ImportLines"/>, then the catalog), the good ones saved
/// <see cref="BatchSize"/> at a time in one transaction each with one message for the statistics. A code that already
/// exists is skipped, so a file sent twice changes nothing the second time. Memory stays bounded by a batch, the catalog
/// and 8 bytes per code seen.
/// </summary>
public sealed class ApplicationImport(
    MotCuaDbContext db,
    CatalogDirectory catalog,
    WorkingCalendarProvider calendars,
    AuditTrail audit,
    IClock clock,
    ILogger<ApplicationImport> logger)
{
    public const int BatchSize = 1_000;
    public const int MaxErrorsKept = 1_000;
    public const int MaxLineLength = 64 * 1024;

    private sealed record Pending(long Line, ImportedApplication Application, Procedure Procedure, UnitCard Unit);

    private sealed record Procedure(ProcedureTerms Terms, IReadOnlyDictionary<string, UnitCard> StepUnits);

    public async Task<ImportSummary> RunAsync(Stream file, Guid? actorId, string actorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var units = (await catalog.AllUnitsAsync(cancellationToken)).ToDictionary(u => u.Code, StringComparer.Ordinal);
        var procedures = new Dictionary<string, Procedure?>(StringComparer.Ordinal);
        var time = await calendars.GetAsync(cancellationToken);
        var errors = new List<ImportError>();
        var batch = new List<Pending>(BatchSize);
        var seen = new HashSet<ulong>();
        long imported = 0, skipped = 0, refused = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        void Refuse(long line, params IReadOnlyList<string> problems)
        {
            refused++;
            if (errors.Count < MaxErrorsKept)
            {
                errors.Add(new ImportError(line, string.Join(" ", problems)) { Problems = problems });
            }
        }

        using var reader = new ImportFileReader(file, MaxLineLength);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Text is null)
            {
                Refuse(line.Number, $"Dòng dài quá {MaxLineLength / 1024} KB.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            var read = ImportLines.Read(line.Text);
            var problems = read.Problems.ToList();
            Procedure? procedure = null;
            UnitCard? unit = null;
            if (read.Application is { } candidate)
            {
                procedure = await ProcedureAsync(candidate.ProcedureCode, procedures, units, cancellationToken);
                if (procedure is null)
                {
                    problems.Add($"procedureCode: không có thủ tục mã “{candidate.ProcedureCode}” trong danh mục (hoặc quy trình của nó có bước tại đơn vị không còn trong cây đơn vị).");
                }

                // The unit may since have merged or been dissolved (ADR 0014): its past applications still count there.
                if (!units.TryGetValue(candidate.UnitCode, out unit))
                {
                    problems.Add($"unitCode: không có đơn vị mã “{candidate.UnitCode}” trong cây đơn vị.");
                }
            }

            if (problems.Count > 0 || read.Application is not { } application)
            {
                Refuse(line.Number, problems);
                continue;
            }

            if (!seen.Add(Fingerprint(application.Code)) && await SeenBeforeAsync(application.Code, batch, cancellationToken))
            {
                Refuse(line.Number, $"code: mã hồ sơ “{application.Code}” đã có ở một dòng trước trong tệp; chỉ dòng đầu được xét.");
                continue;
            }

            batch.Add(new Pending(line.Number, application, procedure!, unit!));
            if (batch.Count == BatchSize)
            {
                var (added, existing) = await SaveAsync(batch, actorId, time, cancellationToken);
                imported += added;
                skipped += existing;
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            var (added, existing) = await SaveAsync(batch, actorId, time, cancellationToken);
            imported += added;
            skipped += existing;
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        if (imported > 0)
        {
            audit.Record(actorId, actorName, "applications.import", "applications", null, new { imported, skipped, refused });
            await db.SaveChangesAsync(cancellationToken);
        }

        logger.LogInformation("Applications imported by {Actor}: {Imported} imported, {Skipped} skipped, {Refused} lines refused", actorName, imported, skipped, refused);
        return new ImportSummary(imported, skipped, errors, refused);
    }

    /// <summary>
    /// One batch in one transaction: codes that exist are skipped, the rest added (with, by the outbox source, one message
    /// for the statistics). If another import added one of the codes meanwhile, the batch is read again and retried.
    /// </summary>
    private async Task<(int Added, int Skipped)> SaveAsync(List<Pending> batch, Guid? actorId, IWorkingTime time, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var codes = batch.Select(p => p.Application.Code).ToList();
            var existing = (await db.Set<Application>().AsNoTracking().Where(a => codes.Contains(a.Code)).Select(a => a.Code).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            var now = clock.GetCurrentInstant();
            var added = 0;
            foreach (var p in batch.Where(p => !existing.Contains(p.Application.Code)))
            {
                db.Add(Application.Import(p.Application, p.Procedure.Terms, p.Unit, p.Procedure.StepUnits, actorId, time, now));
                added++;
            }

            try
            {
                if (added > 0)
                {
                    db.ChangeTracker.DetectChanges();
                    await db.SaveChangesAsync(cancellationToken);
                }

                return (added, existing.Count);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A code of the batch was added by someone else between the read and the save: read again.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// A code whose fingerprint was seen: in this batch or already saved, it was on an earlier good line; otherwise two
    /// codes shared a fingerprint and this one is new.
    /// </summary>
    private async Task<bool> SeenBeforeAsync(string code, List<Pending> batch, CancellationToken cancellationToken) =>
        batch.Exists(p => p.Application.Code == code)
        || await db.Set<Application>().AsNoTracking().AnyAsync(a => a.Code == code, cancellationToken);

    /// <summary>FNV-1a, 64 bits: the codes of a million lines in 8 MB instead of their text.</summary>
    private static ulong Fingerprint(string code)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in code)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>A procedure's terms and the units of its workflow's steps, read once per code; null when there is none (or a step's unit is gone).</summary>
    private async Task<Procedure?> ProcedureAsync(string code, Dictionary<string, Procedure?> procedures, Dictionary<string, UnitCard> units, CancellationToken cancellationToken)
    {
        if (procedures.TryGetValue(code, out var known))
        {
            return known;
        }

        Procedure? procedure = null;
        if (await catalog.ProcedureAsync(code, cancellationToken) is { } terms)
        {
            var stepCodes = terms.Workflow.Where(s => s.UnitCode is not null).Select(s => s.UnitCode!).Distinct().ToList();
            if (stepCodes.All(units.ContainsKey))
            {
                procedure = new Procedure(terms, stepCodes.ToDictionary(c => c, c => units[c], StringComparer.Ordinal));
            }
        }

        procedures[code] = procedure;
        return procedure;
    }
}
