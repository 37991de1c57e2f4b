using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Queries;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Applications.Pages;

/// <summary>Public tracking by application code, without signing in: the same data as GET /api/v1/tracking/{code}, nothing personal.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Common.Web.RateLimits.Tracking)]
public sealed class TrackingModel(MotCuaDbContext db, CatalogDirectory catalog) : PageModel
{
    public const int MaxCodeLength = 40;

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public TrackingView? Found { get; private set; }

    public bool Searched => !string.IsNullOrEmpty(Code);

    /// <summary>"Tra cứu" pressed with the box empty: the page says what to type.</summary>
    public bool EmptySearch { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Code = Code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(Code))
        {
            EmptySearch = Request.Query.ContainsKey("code");
            Code = null;
            return;
        }

        if (Code.Length > MaxCodeLength)
        {
            Code = Code[..MaxCodeLength];
        }

        Found = await QueryEndpoints.TrackAsync(db, catalog, Code, cancellationToken);
    }
}
