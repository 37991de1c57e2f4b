using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Audit.Public;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Exchange;
using MotCua.Web.Modules.Catalog.Search;
using NodaTime;

namespace MotCua.Web.Modules.Catalog.Versions;

/// <summary>The newest version of a procedure: the one in force, or one that waits for its day.</summary>
public sealed record Latest(int Number, DateOnly EffectiveFrom, bool InForce, ProcedureRecord Record);

/// <summary>A version as the administrator's history shows it.</summary>
public sealed record VersionView(int Number, DateOnly EffectiveFrom, bool InForce, bool Current, string? Note, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>
/// Every change of a procedure's terms is a new version effective from a date. A version whose day has come takes
/// effect at once; a later one waits and <see cref="ActivateDueAsync"/> brings it into force on its day (the
/// <see cref="ScheduledVersionsWorker"/> asks every minute). An application keeps the number of the version it was
/// filed under, and with it those terms (<see cref="Public.CatalogDirectory.ProcedureAsync(int, int, CancellationToken)"/>).
/// </summary>
public sealed class CatalogVersions(MotCuaDbContext db, IClock clock, AuditTrail audit, CatalogCache cache, Public.CatalogDirectory directory)
{
    public DateOnly Today => VietnameseDates.Today(clock);

    /// <summary>
    /// Adds version <paramref name="number"/> of a tracked procedure (new or not) to the pending save. It is in force at
    /// once when <paramref name="effectiveFrom"/> is today or earlier, and the procedure takes its terms.
    /// </summary>
    internal ProcedureVersion Add(Procedure procedure, ProcedureRecord record, int number, DateOnly effectiveFrom, string createdBy, IReadOnlyDictionary<string, int> unitIds)
    {
        var content = JsonSerializer.Serialize(record.Terms, CatalogJson.Options);
        var version = new ProcedureVersion(procedure, number, effectiveFrom, content, record.ChangeNote, clock.GetCurrentInstant(), createdBy);
        if (effectiveFrom <= Today)
        {
            ProcedureRecords.Apply(procedure, record, unitIds);
            version.BringIntoForce(clock.GetCurrentInstant());
        }

        db.Add(version);
        return version;
    }

    /// <summary>The latest version of each procedure (in force or waiting), by procedure id: a change starts from it.</summary>
    internal async Task<Dictionary<int, Latest>> LatestAsync(IReadOnlyCollection<int> procedureIds, CancellationToken cancellationToken)
    {
        var query = db.Set<ProcedureVersion>().AsNoTracking()
            .Where(v => procedureIds.Contains(v.ProcedureId))
            .Where(v => v.Number == db.Set<ProcedureVersion>().Where(x => x.ProcedureId == v.ProcedureId).Max(x => x.Number));

        var rows = await query.Select(v => new { v.ProcedureId, v.Number, v.EffectiveFrom, v.InForceAt, v.Content }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.ProcedureId, r => new Latest(r.Number, r.EffectiveFrom, r.InForceAt is not null, Read(r.Content)));
    }

    /// <summary>
    /// The procedure an edit starts from: its id and name and its latest terms (a version that waits, or the one in
    /// force; the procedure row itself before versions were kept). Null for an unknown code.
    /// </summary>
    public async Task<(int Id, string Name, Latest Latest)?> StartingPointAsync(string code, CancellationToken cancellationToken)
    {
        var procedure = code.Length > 32 ? null
            : await db.Set<Procedure>().AsNoTracking().Include(p => p.Units).SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (procedure is null)
        {
            return null;
        }

        if ((await LatestAsync([procedure.Id], cancellationToken)).GetValueOrDefault(procedure.Id) is { } latest)
        {
            return (procedure.Id, procedure.Name, latest);
        }

        var codes = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, cancellationToken);
        return (procedure.Id, procedure.Name, new Latest(procedure.Version, Today, true, ProcedureRecords.From(procedure, codes)));
    }

    /// <summary>
    /// Why a change dated <paramref name="effectiveFrom"/> cannot follow <paramref name="latest"/>, or null. Versions
    /// follow one another in time: a change is never dated before a version that still waits for its day.
    /// </summary>
    internal static string? OrderProblem(Latest? latest, DateOnly effectiveFrom) =>
        latest is { InForce: false } waiting && effectiveFrom < waiting.EffectiveFrom
            ? $"Thủ tục đã có phiên bản {waiting.Number} chờ áp dụng từ ngày {waiting.EffectiveFrom:dd/MM/yyyy}: thay đổi mới phải áp dụng từ ngày đó trở đi, hoặc hủy phiên bản đang chờ trước."
            : null;

    /// <summary>Drops a version that waits for its day (a change decided and then withdrawn); one in force stays for good.</summary>
    public async Task<bool> CancelWaitingAsync(int procedureId, int number, Guid? actorId, string actorName, CancellationToken cancellationToken)
    {
        var version = await db.Set<ProcedureVersion>().Include(v => v.Procedure)
            .SingleOrDefaultAsync(v => v.ProcedureId == procedureId && v.Number == number && v.InForceAt == null, cancellationToken);
        if (version is null)
        {
            return false;
        }

        var later = await db.Set<ProcedureVersion>().AnyAsync(v => v.ProcedureId == procedureId && v.Number > number, cancellationToken);
        if (later)
        {
            return false;
        }

        db.Remove(version);
        audit.Record(actorId, actorName, "catalog.version.cancel", $"procedure:{version.Procedure!.Code}",
            new { version = version.Number, effectiveFrom = version.EffectiveFrom, note = version.Note }, null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<VersionView>> HistoryAsync(int procedureId, CancellationToken cancellationToken)
    {
        var current = await db.Set<Procedure>().Where(p => p.Id == procedureId).Select(p => p.Version).SingleOrDefaultAsync(cancellationToken);
        var rows = await db.Set<ProcedureVersion>().AsNoTracking().Where(v => v.ProcedureId == procedureId)
            .OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return rows.Select(v => new VersionView(v.Number, v.EffectiveFrom, v.InForceAt is not null, v.Number == current, v.Note,
            v.CreatedAt.InZone(VietnameseDates.Zone).ToDateTimeOffset(), v.CreatedBy)).ToList();
    }

    /// <summary>The terms of one version, or null.</summary>
    public async Task<ProcedureRecord?> RecordAsync(int procedureId, int number, CancellationToken cancellationToken)
    {
        var content = await db.Set<ProcedureVersion>().AsNoTracking().Where(v => v.ProcedureId == procedureId && v.Number == number)
            .Select(v => v.Content).SingleOrDefaultAsync(cancellationToken);
        return content is null ? null : Read(content) with { Version = number };
    }

    /// <summary>Brings into force every waiting version whose day is <paramref name="today"/> or earlier, oldest first; returns how many.</summary>
    public async Task<int> ActivateDueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var due = await db.Set<ProcedureVersion>().Include(v => v.Procedure!).ThenInclude(p => p.Units)
            .Where(v => v.InForceAt == null && v.EffectiveFrom <= today)
            .OrderBy(v => v.ProcedureId).ThenBy(v => v.Number)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var unitIds = await db.Set<Unit>().ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetCurrentInstant();
        foreach (var version in due)
        {
            var procedure = version.Procedure!;
            // A version numbered below the one in force was overtaken by a later, earlier-dated one: it never applies.
            if (version.Number > procedure.Version)
            {
                ProcedureRecords.Apply(procedure, Read(version.Content), unitIds);
            }

            version.BringIntoForce(now);
            if (procedure.Version < version.Number)
            {
                procedure.BringIntoForce(version.Number);
            }

            audit.Record(null, "Hệ thống", "catalog.version.in-force", $"procedure:{procedure.Code}", null,
                new { version = version.Number, effectiveFrom = version.EffectiveFrom });
        }

        await db.SaveChangesAsync(cancellationToken);
        Invalidate();
        return due.Count;
    }

    public void Invalidate()
    {
        cache.Invalidate();
        directory.Invalidate();
    }

    internal static ProcedureRecord Read(string content) =>
        JsonSerializer.Deserialize<ProcedureRecord>(content, CatalogJson.Options) ?? throw new InvalidDataException("Empty procedure version.");
}

/// <summary>Every minute, brings into force the catalog versions whose day has come (at 00:00 Vietnam time).</summary>
internal sealed class ScheduledVersionsWorker(IServiceScopeFactory scopes, ILogger<ScheduledVersionsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var versions = scope.ServiceProvider.GetRequiredService<CatalogVersions>();
                var count = await versions.ActivateDueAsync(versions.Today, stoppingToken);
                if (count > 0)
                {
                    logger.LogInformation("{Count} catalog versions came into force", count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Bringing catalog versions into force failed; trying again in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>Gives every procedure that has no version yet (loaded before versions were kept) its first, in force.</summary>
internal sealed class FirstVersionsSeed(MotCuaDbContext db, IClock clock) : IDatabaseSeeder
{
    public int Order => 11;

    public bool DemoOnly => false;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var missing = await db.Set<Procedure>().Include(p => p.Units)
            .Where(p => !db.Set<ProcedureVersion>().Any(v => v.ProcedureId == p.Id)).ToListAsync(cancellationToken);
        if (missing.Count == 0)
        {
            return;
        }

        var codes = await db.Set<Unit>().ToDictionaryAsync(u => u.Id, u => u.Code, cancellationToken);
        var now = clock.GetCurrentInstant();
        var today = VietnameseDates.Today(clock);
        foreach (var procedure in missing)
        {
            var record = ProcedureRecords.From(procedure, codes);
            var version = new ProcedureVersion(procedure, procedure.Version, today, JsonSerializer.Serialize(record.Terms, CatalogJson.Options), null, now, "Hệ thống");
            version.BringIntoForce(now);
            db.Add(version);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
