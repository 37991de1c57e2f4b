using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Common.Errors;

namespace MotCua.Web.Modules.Payments.Reconciliation;

internal static class ReconciliationEndpoints
{
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(WebApplication app)
    {
        app.MapGroup("/api/v1").WithTags("Thanh toán").RequireAuthorization(Identity.IdentityModule.ApiPolicy)
            .MapGet("/units/{id:int}/payments/reconciliation", Reconcile).WithName("GetPaymentReconciliation")
            .WithSummary("Đối soát thanh toán của đơn vị trong một ngày (date=yyyy-MM-dd, giờ Việt Nam): hệ thống so với cổng thanh toán, và các khoản thu tại quầy; format=xlsx để tải Excel");
    }

    private static async Task<Results<Ok<ReconciliationReport>, FileContentHttpResult, ProblemHttpResult>> Reconcile(
        int id, string? date, string? format, ClaimsPrincipal user, ReconciliationService reconciliation, CancellationToken cancellationToken)
    {
        if (format is not (null or "json" or "xlsx"))
        {
            return Problems.Validation("Định dạng không hợp lệ.", ("format", "Định dạng là json hoặc xlsx."));
        }

        var report = await reconciliation.ReportAsync(user, id, date, cancellationToken);
        if (report.Failure is { } failure)
        {
            return failure.ToProblem();
        }

        return format == "xlsx"
            ? TypedResults.File(ReconciliationExcel.Render(report.Value!), ExcelType, FileName(report.Value!))
            : TypedResults.Ok(report.Value!);
    }

    public static string FileName(ReconciliationReport report) => $"doi-soat-thanh-toan-{report.UnitId}-{report.Date}.xlsx";
}
