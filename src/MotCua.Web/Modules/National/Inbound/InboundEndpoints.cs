using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MotCua.Simulators.NationalPortal;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.National.Inbound;

/// <summary>
/// What the national portal hands on to MotCua as the province system, each request signed (no session, no token):
/// an application filed there, the applicant's supplement, their withdrawal. A new application is answered 201, one
/// MotCua already has 200 with "duplicate": true.
/// </summary>
internal static class InboundEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup(NationalPortalProtocol.InboundPath).WithTags("Liên thông quốc gia").AllowAnonymous().DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(SignedInbound.MaxBodyBytes));
        group.MapPost(string.Empty, Submit).WithName("NationalInboundApplication")
            .WithSummary("Hồ sơ nộp trên Cổng DVCQG chuyển về hệ thống của tỉnh (yêu cầu ký HMAC: X-Client-Id, X-Timestamp, X-Nonce, X-Signature)");
        group.MapPost("/{nationalCode}/supplement", Supplement).WithName("NationalInboundSupplement")
            .WithSummary("Bổ sung hồ sơ người nộp gửi trên Cổng DVCQG (ký như trên)");
        group.MapPost("/{nationalCode}/withdrawal", Withdraw).WithName("NationalInboundWithdrawal")
            .WithSummary("Người nộp rút hồ sơ trên Cổng DVCQG (ký như trên)");
    }

    private static Task<IResult> Submit(HttpRequest request, SignedInbound signed, NationalIntake intake, CancellationToken cancellationToken) =>
        HandleAsync<NationalSubmission>(request, signed, (body, ct) => intake.SubmitAsync(body, ct), created: true, cancellationToken);

    private static Task<IResult> Supplement(string nationalCode, HttpRequest request, SignedInbound signed, NationalIntake intake, CancellationToken cancellationToken) =>
        HandleAsync<NationalSupplement>(request, signed, (body, ct) => intake.SupplementAsync(nationalCode, body, ct), created: false, cancellationToken);

    private static Task<IResult> Withdraw(string nationalCode, HttpRequest request, SignedInbound signed, NationalIntake intake, CancellationToken cancellationToken) =>
        HandleAsync<NationalWithdrawal>(request, signed, (body, ct) => intake.WithdrawAsync(nationalCode, body, ct), created: false, cancellationToken);

    private static async Task<IResult> HandleAsync<T>(
        HttpRequest request, SignedInbound signed, Func<T, CancellationToken, Task<Result<IntakeOutcome>>> handle, bool created, CancellationToken cancellationToken)
        where T : class
    {
        var (body, refusal) = await signed.ReadAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return Problems.Unauthorized(refusal);
        }

        T? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<T>(body!, Json);
        }
        catch (JsonException e)
        {
            return Problems.Validation("Dữ liệu gửi sang không đúng định dạng JSON.", ("body", e.Message));
        }

        if (parsed is null)
        {
            return Problems.Validation("Dữ liệu gửi sang không đúng định dạng JSON.", ("body", "Thiếu nội dung."));
        }

        var outcome = await handle(parsed, cancellationToken);
        if (outcome.Failure is { } failure)
        {
            return failure.ToProblem();
        }

        var value = outcome.Value!;
        return created && !value.Duplicate
            ? TypedResults.Created($"/api/v1/applications/{value.Code}", value)
            : TypedResults.Ok(value);
    }
}
