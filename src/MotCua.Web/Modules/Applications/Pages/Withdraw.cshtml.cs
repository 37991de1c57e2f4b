using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Applications.Queries;
using MotCua.Web.Modules.Applications.Transitions;

namespace MotCua.Web.Modules.Applications.Pages;

/// <summary>
/// "/ho-so/{code}/rut-ho-so": withdrawing an application is its own step, away from the buttons people press every
/// day: the page says what withdrawing means and asks why, and only its own button withdraws.
/// </summary>
[Authorize]
public sealed class WithdrawModel(MotCuaDbContext db, ApplicationAccess access, TransitionHandler transitions) : PageModel
{
    public Application Application { get; private set; } = null!;
    public string? Error { get; private set; }

    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) is { } other ? other : Page();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } other)
        {
            return other;
        }

        var reason = TextRules.Normalize(Reason);
        Error = reason is null ? "Cho biết lý do rút hồ sơ, ví dụ: nộp nhầm thủ tục." : TextRules.Problem(reason, TextLimits.Note);
        if (Error is not null)
        {
            return Page();
        }

        var applied = await transitions.ApplyAsync(User, code, new TransitionInput("withdraw", $"Lý do rút hồ sơ: {reason}", null, null, null, null, null, null), cancellationToken);
        if (applied.Failure is { } refused)
        {
            Error = refused.Message;
            return Page();
        }

        return Redirect($"/ho-so/{Uri.EscapeDataString(code)}?xong=withdraw");
    }

    /// <summary>Null when the applicant may withdraw now; otherwise where to send them.</summary>
    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var (caller, application) = await QueryEndpoints.LoadVisibleAsync(db, access, User, code, track: false, cancellationToken);
        if (application is null || caller is null || !caller.IsApplicant)
        {
            return NotFound();
        }

        Application = application;
        return IsWithdrawable(application.Status) ? null : Redirect($"/ho-so/{Uri.EscapeDataString(code)}");
    }

    public static bool IsWithdrawable(ApplicationStatus status) =>
        status is ApplicationStatus.Submitted or ApplicationStatus.InProgress or ApplicationStatus.SupplementRequested or ApplicationStatus.AwaitingPayment;
}
