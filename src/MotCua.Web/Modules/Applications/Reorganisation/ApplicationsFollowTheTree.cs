using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Catalog.Public;
using NodaTime;

namespace MotCua.Web.Modules.Applications.Reorganisation;

/// <summary>
/// Applications follow a reorganisation of the unit tree: open ones move to the successor with a history line (the
/// applicant is told), closed ones keep their unit, whose path now lies below the successor so they count there.
/// </summary>
internal sealed class ApplicationsFollowTheTree(MotCuaDbContext db, IClock clock) : IUnitTreeListener
{
    public string Moves => "hồ sơ đang giải quyết";

    private static readonly ApplicationStatus[] Final = [ApplicationStatus.Returned, ApplicationStatus.NotAccepted, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn];

    public async Task<int> SucceededAsync(UnitSuccession succession, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(succession);
        var former = succession.Former;
        var naming = succession.ProcedureIds.ToList();
        var open = await db.Set<Application>().Include(a => a.Events)
            .Where(a => !Final.Contains(a.Status))
            .Where(a => a.UnitId == former.Id || a.UnitPath.StartsWith(former.Path) || (a.CurrentUnitPath != null && a.CurrentUnitPath.StartsWith(former.Path)) || naming.Contains(a.ProcedureId))
            .ToListAsync(cancellationToken);
        var system = Actor.System("Hệ thống");
        var now = clock.GetCurrentInstant();
        return open.Count(a => a.TransferUnit(former.Id, former.Path, succession.Successor.Id, succession.Successor.Path, succession.Reason, system, now));
    }

    public async Task PathsMovedAsync(string oldPrefix, string newPrefix, IReadOnlyCollection<int> procedureIds, CancellationToken cancellationToken)
    {
        var naming = procedureIds.ToList();
        var open = await db.Set<Application>()
            .Where(a => !Final.Contains(a.Status))
            .Where(a => a.UnitPath.StartsWith(oldPrefix) || (a.CurrentUnitPath != null && a.CurrentUnitPath.StartsWith(oldPrefix)) || naming.Contains(a.ProcedureId))
            .ToListAsync(cancellationToken);
        foreach (var application in open)
        {
            application.Repath(oldPrefix, newPrefix);
        }

        // Closed applications are many and only their paths change: one statement each, without loading them.
        var cut = oldPrefix.Length;
        await db.Set<Application>().Where(a => Final.Contains(a.Status) && a.UnitPath.StartsWith(oldPrefix))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UnitPath, a => newPrefix + a.UnitPath.Substring(cut)), cancellationToken);
        await db.Set<Application>().Where(a => Final.Contains(a.Status) && a.CurrentUnitPath != null && a.CurrentUnitPath.StartsWith(oldPrefix))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.CurrentUnitPath, a => newPrefix + a.CurrentUnitPath!.Substring(cut)), cancellationToken);
    }
}
