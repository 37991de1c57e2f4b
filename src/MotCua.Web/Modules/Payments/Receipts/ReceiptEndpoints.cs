using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Common.Errors;

namespace MotCua.Web.Modules.Payments.Receipts;

internal static class ReceiptEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGroup("/api/v1").WithTags("Thanh toán").RequireAuthorization(Identity.IdentityModule.ApiPolicy)
            .MapGet("/payments/{id:guid}/receipt", Receipt).WithName("GetPaymentReceipt")
            .WithSummary("Biên lai thu phí, lệ phí điện tử (PDF) của khoản đã thanh toán, cho người nộp hồ sơ và cán bộ đơn vị thu");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Receipt(
        Guid id, ClaimsPrincipal user, ReceiptService receipts, CancellationToken cancellationToken)
    {
        var receipt = await receipts.FileAsync(user, id, cancellationToken);
        return receipt.Failure is { } failure ? failure.ToProblem() : TypedResults.File(receipt.Value!.Pdf, "application/pdf", receipt.Value.FileName);
    }
}
