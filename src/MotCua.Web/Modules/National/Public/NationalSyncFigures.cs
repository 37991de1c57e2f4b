using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.National.Data;
using NodaTime;

namespace MotCua.Web.Modules.National.Public;

/// <summary>How many of a unit's applications that came up in a period the national portal has, and how many it should.</summary>
public readonly record struct SyncCount(long Synced, long Total);

/// <summary>
/// The national sync as the indicators read it (the 766 line "applications synced to the national portal"): per unit,
/// the applications first pushed in a period (from their submission on), and those the portal has as they stand.
/// </summary>
public sealed class NationalSyncFigures(MotCuaDbContext db, IOptions<NationalPortalOptions> options)
{
    /// <summary>MotCua works as the province system of the national portal: the line can be measured.</summary>
    public bool Connected => options.Value.Enabled;

    public async Task<IReadOnlyDictionary<int, SyncCount>> ByUnitAsync(Instant from, Instant until, CancellationToken cancellationToken)
    {
        if (!Connected)
        {
            return new Dictionary<int, SyncCount>();
        }

        var rows = await db.Set<NationalSync>().AsNoTracking()
            .Where(s => s.FirstWantedAt >= from && s.FirstWantedAt < until)
            .GroupBy(s => s.UnitId)
            .Select(g => new { UnitId = g.Key, Total = g.LongCount(), Synced = g.LongCount(s => s.State == SyncState.Synced) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.UnitId, r => new SyncCount(r.Synced, r.Total));
    }
}
