using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Indicators.Data;
using MotCua.Web.Modules.Indicators.Domain;
using MotCua.Web.Modules.Payments.Public;

namespace MotCua.Web.Modules.Indicators.Rollups;

/// <summary>
/// Keeps the indicator counters in step with the applications: when one changes, what it adds now replaces what it
/// added before (only the difference is written), so a repeated or late message changes nothing; and recounts them all
/// from the applications when asked.
/// </summary>
public sealed class IndicatorRollup(MotCuaDbContext db, ApplicationFigures applications, PaymentFigures payments, ILogger<IndicatorRollup> logger)
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

            foreach (var (key, delta) in changes)
            {
                await AddAsync(key, delta, cancellationToken);
            }

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

            // In the same order as single counts take them, so concurrent writers never deadlock.
            foreach (var (key, delta) in totals.Where(t => t.Value != 0).OrderBy(t => t.Key.ToString(), StringComparer.Ordinal))
            {
                await AddAsync(key, delta, cancellationToken);
            }

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
            var changes = Measures.Changes([.. counted.SelectMany(c => Measures.Read(c.Keys))], []);
            foreach (var (key, delta) in changes)
            {
                await AddAsync(key, delta, cancellationToken);
            }

            db.RemoveRange(counted);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>One counter raised or lowered in place: the same SQL on PostgreSQL and SQLite, safe beside other writers.</summary>
    private Task<int> AddAsync(CountKey key, long delta, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO indicator_counts ("UnitId", "Day", "ProcedureCode", "Measure", "Count") VALUES ({key.UnitId}, {key.Day}, {key.ProcedureCode}, {key.Measure}, {delta})
            ON CONFLICT ("UnitId", "Day", "ProcedureCode", "Measure") DO UPDATE SET "Count" = indicator_counts."Count" + excluded."Count"
            """, cancellationToken);

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

        logger.LogInformation("Indicator counters rebuilt: {Applications} applications, {Counters} counters", applicationsCounted, totals.Count);
        return (applicationsCounted, totals.Count);
    }
}
