using Microsoft.EntityFrameworkCore;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Identity.Officers;

/// <summary>Officers of a unit that ended work at its successor from then on, with the same roles; their sessions end.</summary>
internal sealed class OfficersFollowTheTree(Common.Persistence.MotCuaDbContext db, AccountLifecycle lifecycle) : IUnitTreeListener
{
    public string Moves => "tài khoản cán bộ";

    public async Task<int> SucceededAsync(UnitSuccession succession, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(succession);
        var officers = await db.Set<AppUser>().Where(u => u.AccountType == AccountType.Officer && u.UnitId == succession.Former.Id).ToListAsync(cancellationToken);
        foreach (var officer in officers)
        {
            officer.UnitId = succession.Successor.Id;
            await lifecycle.EndSessionsAsync(officer, "unit-ended", cancellationToken);
        }

        return officers.Count;
    }

    // Officers name their unit by id, not by path: a move in the tree changes nothing for them.
    public Task PathsMovedAsync(string oldPrefix, string newPrefix, IReadOnlyCollection<int> procedureIds, CancellationToken cancellationToken) => Task.CompletedTask;
}
