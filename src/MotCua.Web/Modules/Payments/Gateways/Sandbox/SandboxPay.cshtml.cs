using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using MotCua.Web.Modules.Payments.Gateways.VnPay;

namespace MotCua.Web.Modules.Payments.Gateways.Sandbox;

/// <summary>
/// The sandbox gateway's payment page, at the path VNPay's own has: the order as the merchant signed it, a bank to pick,
/// and "Thanh toán" or "Hủy giao dịch". Not part of the portal: it stands for the payer's bank.
/// </summary>
public sealed class SandboxPayModel(SandboxGateway sandbox) : PageModel
{
    /// <summary>Banks the sandbox pretends to be.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Banks = [("NCB", "Ngân hàng Quốc Dân (NCB)"), ("VCB", "Vietcombank"), ("BIDV", "BIDV")];

    public SandboxGateway.Order? Order { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>The merchant's signed request as it came, carried through the form unchanged.</summary>
    [BindProperty] public string? SignedRequest { get; set; }
    [BindProperty] public string? Bank { get; set; }

    public IActionResult OnGet()
    {
        if (!sandbox.Enabled)
        {
            return NotFound();
        }

        SignedRequest = HttpContext.Request.QueryString.Value?.TrimStart('?');
        (Order, Problem) = sandbox.Read(VnPayProtocol.Fields(HttpContext.Request.Query));
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) => CompleteAsync(approved: true, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken) => CompleteAsync(approved: false, cancellationToken);

    private async Task<IActionResult> CompleteAsync(bool approved, CancellationToken cancellationToken)
    {
        if (!sandbox.Enabled)
        {
            return NotFound();
        }

        (Order, Problem) = sandbox.Read(VnPayProtocol.Fields(QueryHelpers.ParseQuery(SignedRequest ?? string.Empty)));
        if (Order is null)
        {
            return Page();
        }

        var bank = Banks.Any(b => b.Code == Bank) ? Bank! : Banks[0].Code;
        return Redirect((await sandbox.CompleteAsync(Order, approved, bank, cancellationToken)).AbsoluteUri);
    }
}
