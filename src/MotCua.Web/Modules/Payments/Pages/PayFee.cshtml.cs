using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.Payments.Pages;

/// <summary>"/ho-so/{code}/thanh-toan": the fee due, where it goes, and the button that takes the payer to the gateway.</summary>
[Authorize]
public sealed class PayFeeModel(ApplicationPayments applications, PaymentService payments, Public.UnitPaymentAccounts accounts, Catalog.Public.CatalogDirectory catalog) : PageModel
{
    public PaymentDue? Due { get; private set; }
    public Failure? Problem { get; private set; }

    /// <summary>The processing unit's collecting account; null when it declared none (the fee is then paid at the desk).</summary>
    public Public.UnitPaymentAccount? Account { get; private set; }

    public string UnitName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var due = await applications.DueAsync(User, code, cancellationToken);
        if (due.Failure is { Kind: FailureKind.NotFound or FailureKind.Unauthorized })
        {
            return NotFound();
        }

        (Due, Problem) = (due.Value, due.Failure);
        await LoadAccountAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var started = await payments.StartAsync(User, code, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (started.Failure is { Kind: FailureKind.NotFound or FailureKind.Unauthorized })
        {
            return NotFound();
        }

        if (started.Failure is { } failure)
        {
            Problem = failure;
            Due = (await applications.DueAsync(User, code, cancellationToken)).Value;
            await LoadAccountAsync(cancellationToken);
            return Page();
        }

        return Redirect(started.Value!.RedirectUrl.AbsoluteUri);
    }

    private async Task LoadAccountAsync(CancellationToken cancellationToken)
    {
        if (Due is { } due)
        {
            Account = await accounts.ForUnitAsync(due.UnitId, cancellationToken);
            UnitName = (await catalog.UnitAsync(due.UnitId, cancellationToken))?.Name ?? string.Empty;
        }
    }
}
