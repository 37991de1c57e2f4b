using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Indicators.Data;
using MotCua.Web.Modules.Indicators.Domain;
using MotCua.Web.Modules.Payments.Public;
using Microsoft.Extensions.Options;

namespace MotCua.Web.Modules.Indicators.Rollups;

/// <summary>
/// Keeps the indicator counters in step with the applications: when one changes, what it adds now replaces what it
/// added before (only the difference is written), so a repeated or late message changes nothing; and recounts them all
/// from the applications when asked.
/// </summary>
public sealed class IndicatorRollup(
    MotCuaDbContext db, ApplicationFigures applications, PaymentFigures payments, IOptions<IndicatorOptions> options, ILogger<IndicatorRollup> logger)
{
    private const int Attempts = 6;

    /// <summary>Brings the counters up to date with the application of this code (none: nothing to do).</summary>
    public async Task CountAsync(string code, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CountOnceAsync(code, cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another worker counted the same application meanwhile (its version moved on, or it inserted the row
                // first): read both again and write the difference from there.
                db.ChangeTracker.Clear();
                await Task.Delay(10 * attempt, cancellationToken);
            }
        }
    }

    private async Task CountOnceAsync(string code, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // What it added before is read first and the application after: the version check on the write then
            // refuses a count made from an older state than one already written.
            if (await applications.IdAsync(code, cancellationToken) is not long id)
            {
                return;
            }

            var counted = await db.Set<CountedApplication>().SingleOrDefaultAsync(c => c.ApplicationId == id, cancellationToken);
            if (await applications.OfAsync(code, cancellationToken) is not { } figure)
            {
                return;
            }

            var paidOnline = figure.HasFee && (figure.PaidOnlineBeforeImport || (await payments.PaidOnlineAsync([figure.Id], cancellationToken)).Contains(figure.Id));
            var after = Measures.Of(figure, paidOnline);
            var changes = Measures.Changes(Measures.Read(counted?.Keys), after);
            if (changes.Count == 0)
            {
                return;
            }

            await AddAsync(changes.Select(c => (c.Key, (long)c.Delta)), cancellationToken);
            if (counted is null)
            {
                db.Add(new CountedApplication { ApplicationId = figure.Id, Keys = Measures.Write(after), Version = Guid.NewGuid() });
            }
            else
            {
                counted.Keys = Measures.Write(after);
                counted.Version = Guid.NewGuid();
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>
    /// Brings the counters up to date with many applications at once (a batch of an import): one read of what they
    /// added before, one of the applications, the summed differences written in key order, in one transaction. When
    /// another worker counted one of them meanwhile, each is counted again on its own.
    /// </summary>
    public async Task CountManyAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        try
        {
            await CountManyOnceAsync(codes, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            foreach (var code in codes)
            {
                await CountAsync(code, cancellationToken);
            }
        }
    }

    private async Task CountManyOnceAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // As for one application: what they added before first, the applications after.
            var ids = await applications.IdsAsync(codes, cancellationToken);
            var counted = ids.Count == 0 ? [] : await db.Set<CountedApplication>().Where(c => ids.Contains(c.ApplicationId)).ToDictionaryAsync(c => c.ApplicationId, cancellationToken);
            var figures = await applications.OfAsync(codes, cancellationToken);
            var paid = await payments.PaidOnlineAsync(figures.Where(f => f.HasFee && !f.PaidOnlineBeforeImport).Select(f => f.Id).ToList(), cancellationToken);
            var totals = new Dictionary<CountKey, long>();
            foreach (var figure in figures)
            {
                var before = counted.GetValueOrDefault(figure.Id);
                var after = Measures.Of(figure, figure.HasFee && (figure.PaidOnlineBeforeImport || paid.Contains(figure.Id)));
                var changes = Measures.Changes(Measures.Read(before?.Keys), after);
                if (changes.Count == 0)
                {
                    continue;
                }

                foreach (var (key, delta) in changes)
                {
                    totals[key] = totals.GetValueOrDefault(key) + delta;
                }

                if (before is null)
                {
                    db.Add(new CountedApplication { ApplicationId = figure.Id, Keys = Measures.Write(after), Version = Guid.NewGuid() });
                }
                else
                {
                    before.Keys = Measures.Write(after);
                    before.Version = Guid.NewGuid();
                }
            }

            await AddAsync([.. totals.Select(t => (t.Key, t.Value))], cancellationToken);

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>
    /// Takes back what these applications added, for applications removed from the database by hand (MotCua itself never
    /// deletes one): their counters go down and their rows go.
    /// </summary>
    public async Task ForgetAsync(IReadOnlyCollection<long> applicationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applicationIds);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var counted = await db.Set<CountedApplication>().Where(c => applicationIds.Contains(c.ApplicationId)).ToListAsync(cancellationToken);
            await AddAsync(Measures.Changes([.. counted.SelectMany(c => Measures.Read(c.Keys))], []).Select(c => (c.Key, (long)c.Delta)), cancellationToken);

            db.RemoveRange(counted);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>How many counters one statement raises or lowers (five parameters each).</summary>
    private const int RowsPerStatement = 200;

    /// <summary>
    /// Counters raised or lowered in place, with the month and year rows each day adds to (<see cref="Grains"/>): the
    /// same SQL on PostgreSQL and SQLite, safe beside other writers, always in key order so that two of them never
    /// deadlock.
    /// </summary>
    private async Task AddAsync(IEnumerable<(CountKey Key, long Delta)> changes, CancellationToken cancellationToken)
    {
        foreach (var chunk in Grains.Expand(changes, options.Value.CutOffDay).Chunk(RowsPerStatement))
        {
            // Only placeholders are written into the text ({0}, {1}, …); every value goes as a parameter.
            var values = string.Join(", ", chunk.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"({{{5 * i}}}, {{{(5 * i) + 1}}}, {{{(5 * i) + 2}}}, {{{(5 * i) + 3}}}, {{{(5 * i) + 4}}})")));
            var parameters = chunk.SelectMany(c => new object[] { c.Key.UnitId, c.Key.Day, c.Key.ProcedureCode, c.Key.Measure, c.Delta }).ToArray();
            var sql = """INSERT INTO indicator_counts ("UnitId", "Day", "ProcedureCode", "Measure", "Count") VALUES """ + values
                + """ ON CONFLICT ("UnitId", "Day", "ProcedureCode", "Measure") DO UPDATE SET "Count" = indicator_counts."Count" + excluded."Count" """;
            await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }
    }

    /// <summary>
    /// Every counter as a direct recount of the applications gives it (read in pages, so memory stays bounded by the
    /// number of counters, not of applications), with what each application adds.
    /// </summary>
    public async Task<Dictionary<CountKey, long>> RecountAsync(Func<IReadOnlyList<(long Id, IReadOnlyList<CountKey> Keys)>, Task>? eachPage, CancellationToken cancellationToken)
    {
        var totals = new Dictionary<CountKey, long>();
        long after = 0;
        while (true)
        {
            var page = await applications.PageAsync(after, 2_000, cancellationToken);
            if (page.Count == 0)
            {
                return totals;
            }

            var paid = await payments.PaidOnlineAsync(page.Where(a => a.HasFee).Select(a => a.Id).ToList(), cancellationToken);
            var counted = page.Select(a => (a.Id, Measures.Of(a, a.PaidOnlineBeforeImport || paid.Contains(a.Id)))).ToList();
            foreach (var key in counted.SelectMany(c => c.Item2))
            {
                totals[key] = totals.GetValueOrDefault(key) + 1;
            }

            if (eachPage is not null)
            {
                await eachPage(counted);
            }

            after = page[^1].Id;
        }
    }

    /// <summary>
    /// Throws the counters away and counts every application again (the <c>indicators-rebuild</c> command). Run it with
    /// the outbox workers stopped: a message counted while it runs would be counted on top.
    /// </summary>
    public async Task<(long Applications, int Counters)> RebuildAsync(CancellationToken cancellationToken)
    {
        await db.Set<IndicatorCount>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<CountedApplication>().ExecuteDeleteAsync(cancellationToken);
        long applicationsCounted = 0;
        var totals = await RecountAsync(async page =>
        {
            db.AddRange(page.Where(p => p.Keys.Count > 0).Select(p => new CountedApplication { ApplicationId = p.Id, Keys = Measures.Write(p.Keys), Version = Guid.NewGuid() }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            applicationsCounted += page.Count;
        }, cancellationToken);
        foreach (var chunk in totals.Chunk(1_000))
        {
            db.AddRange(chunk.Select(t => new IndicatorCount { UnitId = t.Key.UnitId, Day = t.Key.Day, ProcedureCode = t.Key.ProcedureCode, Measure = t.Key.Measure, Count = t.Value }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await RebuildGrainsAsync(cancellationToken);
        logger.LogInformation("Indicator counters rebuilt: {Applications} applications, {Counters} counters", applicationsCounted, totals.Count);
        return (applicationsCounted, totals.Count);
    }

    /// <summary>
    /// Makes the month and year rows again from the day rows with the province's cut-off day, and records which cut-off
    /// they follow: after <c>indicators-rebuild</c>, or at start-up when the cut-off day changed (or day rows came in by
    /// other means). On PostgreSQL the counters are locked against writers meanwhile; SQLite has one writer anyway.
    /// </summary>
    /// <param name="onlyIfStale">Start-up: skip it when, once the lock is held, the rows follow the cut-off already (another node made them meanwhile).</param>
    public async Task RebuildGrainsAsync(CancellationToken cancellationToken, bool onlyIfStale = false)
    {
        var cutOff = options.Value.CutOffDay;
        var strategy = db.Database.CreateExecutionStrategy();
        var made = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("LOCK TABLE indicator_counts IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
            }

            if (onlyIfStale && await GrainsFollowCutOffAsync(cancellationToken))
            {
                return false;
            }

            foreach (var sql in Grains.RebuildSql(cutOff))
            {
                await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
            }

            var built = await db.Set<CounterGrains>().SingleOrDefaultAsync(cancellationToken);
            if (built is null)
            {
                db.Add(new CounterGrains { CutOffDay = cutOff });
            }
            else
            {
                built.CutOffDay = cutOff;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
        if (made)
        {
            logger.LogInformation("Indicator month and year counters made again from the days (cut-off day {CutOffDay})", cutOff?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
        }
    }

    /// <summary>Whether the month and year rows follow the province's cut-off day now (false: never made, or made with another).</summary>
    public async Task<bool> GrainsFollowCutOffAsync(CancellationToken cancellationToken) =>
        await db.Set<CounterGrains>().AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } built && built.CutOffDay == options.Value.CutOffDay;
}
