using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.National.Sync;

namespace MotCua.Web.Modules.National.Pages;

/// <summary>
/// "/quan-tri/dong-bo-quoc-gia": the reconciliation with the national public-service portal for the province admin:
/// how many applications it has as they stand, how many wait, how many failed and why, 50 at a time per state.
/// </summary>
[Authorize(Policy = Common.Web.AccessPolicies.ProvinceAdminPages)]
public sealed class NationalSyncPageModel(NationalSyncReport report, Microsoft.Extensions.Options.IOptions<NationalPortalOptions> options) : PageModel
{
    public const string Path = "/quan-tri/dong-bo-quoc-gia";

    [BindProperty(SupportsGet = true, Name = "state")] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public SyncReport? Report { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public bool Enabled => options.Value.Enabled;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await report.ReportAsync(User, State, PageNumber, cancellationToken);
        if (result.Failure is { Kind: FailureKind.Forbidden })
        {
            return Forbid();
        }

        if (result.Failure is { } failure)
        {
            Errors = failure.Fields;
            (State, PageNumber) = (null, null);
            result = await report.ReportAsync(User, null, null, cancellationToken);
        }

        Report = result.Value;
        return Page();
    }
}
