using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.Payments.Pages;

/// <summary>"/ho-so/{code}/thanh-toan": the fee due, where it goes, and the button that takes the payer to the gateway.</summary>
[Authorize]
public sealed class PayFeeModel(ApplicationPayments applications, PaymentService payments, PaymentGateways gateways) : PageModel
{
    public PaymentDue? Due { get; private set; }
    public Failure? Problem { get; private set; }
    public string? Gateway => gateways.Default?.DisplayName;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var due = await applications.DueAsync(User, code, cancellationToken);
        if (due.Failure is { Kind: FailureKind.NotFound or FailureKind.Unauthorized })
        {
            return NotFound();
        }

        (Due, Problem) = (due.Value, due.Failure);
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
            return Page();
        }

        return Redirect(started.Value!.RedirectUrl.AbsoluteUri);
    }
}
