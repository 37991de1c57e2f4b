using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;

namespace MotCua.Web.Modules.Catalog.Search;

/// <summary>
/// At start-up, folds again the stored search text of procedures saved under an earlier folding rule (before final
/// i/y were written one way), so the admin's catalog filter, which asks the database, finds them as the portal does.
/// Touches only the rows that differ; a catalog of 2,000 procedures is read in one query.
/// </summary>
public sealed class SearchTextRefresh(MotCuaDbContext db) : IDatabaseSeeder
{
    public int Order => 12;

    public bool DemoOnly => false;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<Procedure>().AsNoTracking().Select(p => new { p.Id, p.Name, p.Code, p.Field, p.SearchText }).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var text = Procedure.SearchTextOf(row.Name, row.Code, row.Field);
            if (text != row.SearchText)
            {
                await db.Set<Procedure>().Where(p => p.Id == row.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.SearchText, text), cancellationToken);
            }
        }
    }
}
