using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Payments.Domain;
using MotCua.Web.Modules.Payments.Gateways.VnPay;
using NodaTime;

namespace MotCua.Web.Modules.Payments.Api;

public sealed record PaymentStarted(Guid PaymentId, Uri RedirectUrl);

/// <summary>
/// A payment as the API shows it; the method, who took it at the desk, any refund and the unit's account it was
/// collected into (as declared when it was made) beside the fields every client reads.
/// </summary>
public sealed record PaymentView(
    Guid Id, string ApplicationCode, long Amount, PaymentStatus Status, string Provider, DateTimeOffset? PaidAt,
    PaymentMethod Method, string? RecordedBy, DateTimeOffset? RefundedAt, string? RefundReason, PaymentAccount? Account)
{
    public static PaymentView From(Payment p) => new(p.Id, p.ApplicationCode, p.Amount, p.Status, p.Provider, Local(p.PaidAt),
        p.Method, p.RecordedBy, Local(p.RefundedAt), p.RefundReason,
        p.AccountNumber is null ? null : new PaymentAccount(p.AccountBank!, p.AccountNumber, p.AccountHolder!));

    private static DateTimeOffset? Local(Instant? at) => at?.InZone(Common.Text.VietnameseDates.Zone).ToDateTimeOffset();
}

/// <summary>A fee taken at the desk: cash, card or transfer.</summary>
public sealed record CounterPaymentInput(PaymentMethod? Method);

public sealed record RefundInput(string? Reason);

internal static class PaymentEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Thanh toán");
        var secured = api.MapGroup(string.Empty).RequireAuthorization(Identity.IdentityModule.ApiPolicy);
        secured.MapPost("/applications/{code}/payments", Start).WithName("StartPayment")
            .WithSummary("Thanh toán trực tuyến lệ phí của hồ sơ đang chờ thanh toán: trả về paymentId và redirectUrl tới cổng thanh toán");
        secured.MapPost("/applications/{code}/payments/counter", Counter).WithName("RecordCounterPayment")
            .WithSummary("Cán bộ một cửa ghi nhận đã thu phí, lệ phí tại quầy hoặc qua bưu chính (cash, card, transfer); hồ sơ tiếp tục giải quyết");
        secured.MapPost("/payments/{id:guid}/refunds", Refund).WithName("RefundPayment")
            .WithSummary("Cán bộ một cửa ghi nhận đã hoàn trả khoản đã thanh toán, kèm lý do");
        secured.MapGet("/payments/{id:guid}", Get).WithName("GetPayment").WithSummary("Một lần thanh toán: số tiền, trạng thái, cổng, lúc thanh toán");

        // The gateway's server-to-server notice: no account, its signature is the proof.
        api.MapGet("/payments/vnpay/ipn", Ipn).AllowAnonymous().WithName("VnPayIpn")
            .WithSummary("IPN theo giao thức VNPay 2.1.0: kiểm tra chữ ký, đơn hàng, số tiền; trả lời {RspCode, Message}");
    }

    private static async Task<Results<Created<PaymentStarted>, ProblemHttpResult>> Start(
        string code, ClaimsPrincipal user, HttpContext context, PaymentService payments, CancellationToken cancellationToken)
    {
        var started = await payments.StartAsync(user, code, context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (started.Failure is { } failure)
        {
            return failure.ToProblem();
        }

        var (payment, redirect) = started.Value!;
        return TypedResults.Created($"/api/v1/payments/{payment.Id}", new PaymentStarted(payment.Id, redirect));
    }

    private static async Task<Results<Created<PaymentView>, ProblemHttpResult>> Counter(
        string code, CounterPaymentInput? input, ClaimsPrincipal user, PaymentService payments, CancellationToken cancellationToken)
    {
        if (input?.Method is not { } method || method == PaymentMethod.Online)
        {
            return Problems.Validation("Cách thu không hợp lệ.", ("method", "Chọn tiền mặt (Cash), thẻ (Card), chuyển khoản (Transfer) hoặc thu hộ qua bưu chính (Postal)."));
        }

        var recorded = await payments.RecordAtCounterAsync(user, code, method, cancellationToken);
        return recorded.Failure is { } failure ? failure.ToProblem() : TypedResults.Created($"/api/v1/payments/{recorded.Value!.Id}", PaymentView.From(recorded.Value));
    }

    private static async Task<Results<Ok<PaymentView>, ProblemHttpResult>> Refund(
        Guid id, RefundInput? input, ClaimsPrincipal user, PaymentService payments, CancellationToken cancellationToken)
    {
        var refunded = await payments.RefundAsync(user, id, input?.Reason, cancellationToken);
        return refunded.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(PaymentView.From(refunded.Value!));
    }

    private static async Task<Results<Ok<PaymentView>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, MotCuaDbContext db, ApplicationPayments applications, CancellationToken cancellationToken)
    {
        var payment = await db.Set<Payment>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return payment is not null && await applications.CanSeeAsync(user, payment.ApplicationCode, cancellationToken)
            ? TypedResults.Ok(PaymentView.From(payment))
            : Problems.NotFound("Không có lần thanh toán này.");
    }

    private static async Task<Ok<NoticeAnswer>> Ipn(HttpRequest request, PaymentService payments, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await payments.NoticeAsync(VnPayProtocol.Fields(request.Query), cancellationToken));
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            logs.CreateLogger(typeof(PaymentEndpoints)).LogError(e, "Payment notice could not be recorded");
            return TypedResults.Ok(NoticeAnswer.Unknown);
        }
    }
}
