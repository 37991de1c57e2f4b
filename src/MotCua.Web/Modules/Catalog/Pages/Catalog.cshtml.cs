using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Search;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Catalog.Pages;

public sealed class CatalogModel(MotCuaDbContext db, ProcedureSearch search, Public.CatalogDirectory directory) : PageModel
{
    /// <summary>Level names by code ("commune" → "Cấp xã").</summary>
    public IReadOnlyDictionary<string, string> LevelNames { get; private set; } = new Dictionary<string, string>();

    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(Name = "onlineLevel", SupportsGet = true)] public string? OnlineLevelName { get; set; }

    /// <summary>The online level filter, by name only (a number in the address is ignored).</summary>
    public OnlineLevel? OnlineLevel => Common.Text.EnumNames.TryParse<OnlineLevel>(OnlineLevelName, out var level) ? level : null;
    [BindProperty(Name = "page", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public ProcedurePage Result { get; private set; } = new([], 0);
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<AdministrativeLevel> Levels { get; private set; } = [];
    public IReadOnlyList<string> Fields { get; private set; } = [];
    public int PageCount => (Result.Total + PageSize - 1) / PageSize;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Wrong values in the address bar are ignored rather than shown as an error page.
        ModelState.Clear();
        LevelNames = await directory.LevelNamesAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        if (Q?.Length > 200)
        {
            Q = Q[..200];
        }

        Result = await search.FindAsync(new ProcedureQuery(Q, UnitId, Field, Level, OnlineLevel, PageNumber, PageSize), cancellationToken);
        Units = await db.Set<Unit>().AsNoTracking().OrderBy(u => u.Path).ToListAsync(cancellationToken);
        // Only the levels procedures are handled at: a province reorganised into two levels keeps "Cấp huyện" for its
        // history, but no one files there any more.
        var handledAt = db.Set<Procedure>().Select(p => p.LevelCode);
        Levels = await db.Set<AdministrativeLevel>().AsNoTracking().Where(l => handledAt.Contains(l.Code)).OrderBy(l => l.Rank).ToListAsync(cancellationToken);
        Fields = await search.FieldsAsync(cancellationToken);
    }

    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["unitId"] = UnitId?.ToString(),
            ["level"] = Level,
            ["field"] = Field,
            ["onlineLevel"] = OnlineLevel?.ToString(),
            ["page"] = page.ToString(),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/thu-tuc", query.Where(kv => !string.IsNullOrEmpty(kv.Value))!);
    }
}
