using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Common.Errors;

namespace MotCua.Web.Modules.Indicators.Exports;

internal static class ExportEndpoints
{
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api/v1/exports").WithTags("Chỉ số").RequireAuthorization(Identity.IdentityModule.ApiPolicy);
        group.MapPost("", Create).WithName("CreateExport")
            .WithSummary("Xuất báo cáo chạy nền: {kind: \"handling\" | \"indicators\", format: \"xlsx\" | \"pdf\", unitId, from, to} (hoặc period); trả về việc xuất (202) để hỏi tiến độ ở Location");
        group.MapGet("/{id:guid}", Get).WithName("GetExport")
            .WithSummary("Tiến độ một việc xuất báo cáo: state Queued | Running | Done | Failed, progress 0–100, downloadUrl khi xong; chỉ người yêu cầu (và quản trị cấp tỉnh) xem được");
        group.MapGet("/{id:guid}/file", Download).WithName("DownloadExport").WithSummary("Tệp báo cáo đã xuất xong");
    }

    private static async Task<Results<Accepted<ExportView>, ProblemHttpResult>> Create(
        ExportRequest? request, ClaimsPrincipal user, ExportJobs exports, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Problems.Validation("Yêu cầu xuất báo cáo chưa hợp lệ.", ("kind", "Gửi yêu cầu dạng JSON: kind, format, unitId, from, to."));
        }

        var created = await exports.CreateAsync(user, request, cancellationToken);
        return created.Failure is { } failure ? failure.ToProblem() : TypedResults.Accepted($"/api/v1/exports/{created.Value!.Id}", created.Value);
    }

    private static async Task<Results<Ok<ExportView>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, ExportJobs exports, CancellationToken cancellationToken) =>
        await exports.FindAsync(user, id, cancellationToken) is { } job ? TypedResults.Ok(ExportJobs.View(job)) : NotFound();

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(Guid id, ClaimsPrincipal user, ExportJobs exports, CancellationToken cancellationToken)
    {
        if (await exports.FindAsync(user, id, cancellationToken) is not { } job)
        {
            return NotFound();
        }

        if (job.State != ExportState.Done)
        {
            return Failure.Conflict("Báo cáo chưa xuất xong.").ToProblem();
        }

        return TypedResults.File(await exports.OpenAsync(job, cancellationToken), job.ContentType, job.FileName);
    }

    private static ProblemHttpResult NotFound() => Failure.NotFound("Không có việc xuất báo cáo này.").ToProblem();
}
