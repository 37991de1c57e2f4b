using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Modules.Catalog.Quality;

namespace MotCua.Web.Modules.Catalog.Admin;

/// <summary>"/quan-tri/chat-luong-danh-muc": what is broken in the procedures offered online, unit by unit.</summary>
[Authorize(Policy = Common.Web.AccessPolicies.ProvinceAdminPages)]
public sealed class CatalogQualityPageModel(CatalogQuality quality) : PageModel
{
    public QualityReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Report = await quality.RunAsync(cancellationToken);
}
