using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Modules.Payments.Receipts;

namespace MotCua.Web.Modules.Payments.Pages;

/// <summary>"/thanh-toan/{id}/bien-lai": a paid payment's receipt (PDF) for the signed-in applicant or an officer of its unit.</summary>
[Authorize]
public sealed class ReceiptDownloadModel(ReceiptService receipts) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var receipt = await receipts.FileAsync(User, id, cancellationToken);
        return receipt.Failure is not null ? NotFound() : File(receipt.Value!.Pdf, "application/pdf", receipt.Value.FileName);
    }
}
