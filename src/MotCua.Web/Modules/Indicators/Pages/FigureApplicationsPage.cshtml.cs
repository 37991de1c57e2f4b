using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Common.Errors;

namespace MotCua.Web.Modules.Indicators.Pages;

/// <summary>
/// "/can-bo/chi-so/ho-so": the applications behind one figure of the dashboard or the 766 index, for the unit's
/// sub-tree and the period: how many each procedure has, then the applications themselves, newest first.
/// </summary>
[Authorize]
public sealed class FigureApplicationsPageModel(IndicatorDrillDown drillDown) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "unit")] public int? UnitId { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public string? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "to")] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "set")] public string? Set { get; set; }
    [BindProperty(SupportsGet = true, Name = "procedure")] public string? Procedure { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public FigureApplications? Figure { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var opened = await drillDown.OpenAsync(User, UnitId, From, To, null, Set, Procedure, Math.Clamp(PageNumber, 1, 100_000), cancellationToken);
        if (opened.Failure is { Kind: FailureKind.NotFound or FailureKind.Forbidden })
        {
            return NotFound();
        }

        if (opened.Failure is { } failure)
        {
            Errors = failure.Fields;
            return Page();
        }

        Figure = opened.Value;
        return Page();
    }

    public string Link(string? procedure, int page) =>
        $"?unit={Figure!.UnitId}&from={Figure.From}&to={Figure.To}&set={Uri.EscapeDataString(Figure.Set)}"
        + (procedure is null ? string.Empty : "&procedure=" + Uri.EscapeDataString(procedure)) + (page > 1 ? $"&page={page}" : string.Empty);
}
