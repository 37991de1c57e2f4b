using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Payments.Domain;

namespace MotCua.Web.Modules.Payments.Pages;

/// <summary>
/// "/can-bo/ho-so/{code}/thanh-toan": an application's fee and every payment of it, for the officers who see it; reception
/// of its unit records a fee taken at the desk or by post, and a refund with its reason.
/// </summary>
[Authorize]
public sealed class ApplicationPaymentsPageModel(ApplicationPayments applications, PaymentService payments, MotCuaDbContext db) : PageModel
{
    public PaymentSubject Subject { get; private set; } = null!;
    public IReadOnlyList<Payment> Payments { get; private set; } = [];
    public string? Error { get; private set; }
    public Guid? ErrorFor { get; private set; }

    [TempData] public string? Banner { get; set; }
    [BindProperty] public string? Method { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCounterAsync(string code, CancellationToken cancellationToken)
    {
        var method = Enum.TryParse<PaymentMethod>(Method, ignoreCase: false, out var m) && m != PaymentMethod.Online ? m : (PaymentMethod?)null;
        if (method is null)
        {
            Error = "Chọn cách đã thu: tiền mặt, thẻ, chuyển khoản hoặc thu hộ qua bưu chính.";
            return await LoadAsync(code, cancellationToken) ? Page() : NotFound();
        }

        var recorded = await payments.RecordAtCounterAsync(User, code, method.Value, cancellationToken);
        if (recorded.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        if (recorded.Failure is { } failure)
        {
            Error = failure.Headline;
            return await LoadAsync(code, cancellationToken) ? Page() : NotFound();
        }

        Banner = $"Đã ghi nhận thu {Common.Text.Money.Vnd(recorded.Value!.Amount)}; hồ sơ được giải quyết tiếp.";
        return Redirect($"/can-bo/ho-so/{Uri.EscapeDataString(code)}/thanh-toan");
    }

    public async Task<IActionResult> OnPostRefundAsync(string code, Guid id, CancellationToken cancellationToken)
    {
        var refunded = await payments.RefundAsync(User, id, Reason, cancellationToken);
        if (refunded.Failure is { Kind: FailureKind.NotFound })
        {
            return NotFound();
        }

        if (refunded.Failure is { } failure)
        {
            (Error, ErrorFor) = (failure.Headline, id);
            return await LoadAsync(code, cancellationToken) ? Page() : NotFound();
        }

        Banner = $"Đã ghi nhận hoàn trả {Common.Text.Money.Vnd(refunded.Value!.Amount)}.";
        return Redirect($"/can-bo/ho-so/{Uri.EscapeDataString(code)}/thanh-toan");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await applications.SubjectForOfficerAsync(User, code, cancellationToken) is not { } subject)
        {
            return false;
        }

        Subject = subject;
        Payments = await db.Set<Payment>().AsNoTracking().Where(p => p.ApplicationCode == code).OrderByDescending(p => p.CreatedAt).ToListAsync(cancellationToken);
        return true;
    }
}
