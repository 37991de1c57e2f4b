using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Search;

namespace MotCua.Web.Modules.Catalog.Pages;

public sealed class HomeModel(MotCuaDbContext db, ProcedureSearch search) : PageModel
{
    /// <summary>Civil-status and residence services citizens ask for most (Decision 06/QĐ-TTg).</summary>
    private static readonly string[] PopularCodes = ["1.001193", "1.000894", "1.000656", "2.000986", "1.004222", "1.004194"];

    public IReadOnlyList<Procedure> Popular { get; private set; } = [];
    public IReadOnlyList<string> Fields { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var popular = await db.Set<Procedure>().AsNoTracking().Where(p => PopularCodes.Contains(p.Code)).ToListAsync(cancellationToken);
        Popular = popular.OrderBy(p => Array.IndexOf(PopularCodes, p.Code)).ToList();
        Fields = await search.FieldsAsync(cancellationToken);
        Total = await db.Set<Procedure>().CountAsync(cancellationToken);
    }
}
