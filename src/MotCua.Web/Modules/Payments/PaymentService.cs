using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Payments.Domain;
using MotCua.Web.Modules.Payments.Gateways;
using NodaTime;

namespace MotCua.Web.Modules.Payments;

/// <summary>The answer the gateway expects to its notice: {"RspCode": "00", "Message": "Confirm Success"} and the others.</summary>
public sealed record NoticeAnswer(
    [property: JsonPropertyName("RspCode")] string RspCode,
    [property: JsonPropertyName("Message")] string Message)
{
    public static readonly NoticeAnswer Confirmed = new("00", "Confirm Success");
    public static readonly NoticeAnswer OrderNotFound = new("01", "Order not found");
    public static readonly NoticeAnswer AlreadyConfirmed = new("02", "Order already confirmed");
    public static readonly NoticeAnswer InvalidAmount = new("04", "Invalid amount");
    public static readonly NoticeAnswer InvalidSignature = new("97", "Invalid signature");
    public static readonly NoticeAnswer Unknown = new("99", "Unknown error");
}

/// <summary>
/// Paying an application's fee online: a payment made and the payer sent to the gateway, then the gateway's signed
/// server-to-server notice, the only thing that marks it paid (and the application with it, in one transaction). The
/// payer's return to the portal shows the state and changes nothing.
/// </summary>
public sealed class PaymentService(
    MotCuaDbContext db, ApplicationPayments applications, PaymentGateways gateways, CatalogDirectory catalog, IOptions<PaymentOptions> options,
    IOptions<PortalOptions> portal, IClock clock, Receipts.ReceiptNumbers receipts, ILogger<PaymentService> logger)
{
    public const string ReturnPath = "payments/vnpay/return";

    public sealed record Started(Payment Payment, Uri RedirectUrl);

    /// <summary>A new payment of the fee due, and the signed address of the gateway's page for it.</summary>
    public async Task<Result<Started>> StartAsync(ClaimsPrincipal user, string code, string? payerIp, CancellationToken cancellationToken)
    {
        var due = await applications.DueAsync(user, code, cancellationToken);
        if (due.Failure is { } failure)
        {
            return failure;
        }

        var fee = due.Value!;
        if (await db.Set<Payment>().AnyAsync(p => p.ApplicationId == fee.ApplicationId && p.Status == PaymentStatus.Paid, cancellationToken))
        {
            return Failure.Conflict("Hồ sơ này đã được thanh toán; cơ quan đang cập nhật trạng thái.");
        }

        // The fee goes into the processing unit's own account, through the provider that collects for that unit.
        var account = await db.Set<CollectingAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.UnitId == fee.UnitId, cancellationToken);
        if (account is null || gateways.Named(account.Provider) is not { } gateway)
        {
            var unit = (await catalog.UnitAsync(fee.UnitId, cancellationToken))?.Name ?? "Đơn vị giải quyết";
            return Failure.Conflict(account is null
                ? $"{unit} chưa khai báo tài khoản thu phí, lệ phí; vui lòng nộp tại bộ phận một cửa."
                : $"Cổng thanh toán của {unit} đang tạm ngừng; vui lòng nộp tại bộ phận một cửa.");
        }

        var now = clock.GetCurrentInstant();
        var payment = new Payment(NewOrderRef(now), fee.ApplicationId, fee.Code, fee.UnitId, fee.Amount, gateway.Name,
            $"Thanh toan le phi ho so {fee.Code}", fee.ApplicantUserId, now, Duration.FromMinutes(options.Value.PaymentMinutes), ItemsOf(fee));
        payment.CollectInto(new PaymentAccount(account.BankName, account.AccountNumber, account.AccountHolder));
        var redirect = gateway.PayUrl(new PaymentOrder(payment.OrderRef, payment.Amount, payment.Description,
            new Uri(portal.Value.BaseUri, ReturnPath), payerIp ?? "127.0.0.1", payment.CreatedAt, payment.ExpiresAt));
        payment.SentToGateway();
        db.Add(payment);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Payment {OrderRef} of {Amount} VND for {Code} sent to {Provider}", payment.OrderRef, payment.Amount, fee.Code, gateway.Name);
        return new Started(payment, redirect);
    }

    /// <summary>
    /// A fee taken at the desk (cash, card, transfer) by reception of the application's unit: paid at once, and the
    /// application resumes (payment-confirmed, by the system, naming the officer), in one transaction.
    /// </summary>
    public async Task<Result<Payment>> RecordAtCounterAsync(ClaimsPrincipal user, string code, PaymentMethod method, CancellationToken cancellationToken)
    {
        if (method == PaymentMethod.Online)
        {
            return Failure.Invalid("Cách thu không hợp lệ.", ("method", "Chọn tiền mặt (cash), thẻ (card) hoặc chuyển khoản (transfer)."));
        }

        var due = await applications.DueAtCounterAsync(user, code, cancellationToken);
        if (due.Failure is { } failure)
        {
            return failure;
        }

        var (fee, officer) = due.Value;
        var now = clock.GetCurrentInstant();
        var payment = Payment.AtCounter(NewOrderRef(now), fee.ApplicationId, fee.Code, fee.UnitId, fee.Amount, method, officer,
            method == PaymentMethod.Postal ? $"Thu phí, lệ phí hồ sơ {fee.Code} qua bưu chính công ích" : $"Thu phí, lệ phí hồ sơ {fee.Code} tại bộ phận một cửa", fee.ApplicantUserId, now, ItemsOf(fee));
        if (await db.Set<CollectingAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.UnitId == fee.UnitId, cancellationToken) is { } account)
        {
            payment.CollectInto(new PaymentAccount(account.BankName, account.AccountNumber, account.AccountHolder));
        }

        db.Add(payment);
        var amount = payment.Amount.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
        var note = method == PaymentMethod.Postal
            ? $"Đã thu {amount} đồng qua bưu chính công ích (thu hộ), cán bộ ghi nhận: {officer}."
            : $"Đã thu {amount} đồng tại bộ phận một cửa ({(method switch { PaymentMethod.Cash => "tiền mặt", PaymentMethod.Card => "thẻ", _ => "chuyển khoản" })}), cán bộ thu: {officer}.";
        if (!await applications.ConfirmPaidAsync(fee.ApplicationId, CounterActor, note, now, cancellationToken))
        {
            return Failure.Conflict("Hồ sơ vừa thay đổi trạng thái. Tải lại hồ sơ để xem trạng thái mới.");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Hồ sơ vừa được người khác xử lý. Tải lại hồ sơ để xem trạng thái mới.");
        }

        logger.LogInformation("Payment {OrderRef} of {Amount} VND for {Code} taken at the desk ({Method})", payment.OrderRef, payment.Amount, fee.Code, method);
        await receipts.TryAssignAsync(payment.Id, cancellationToken);
        return payment;
    }

    /// <summary>The system actor that records a payment taken at the desk in the application's history.</summary>
    public const string CounterActor = "Hệ thống thu phí, lệ phí";

    /// <summary>A paid fee paid back, with the reason, recorded by reception of the application's unit; once.</summary>
    public async Task<Result<Payment>> RefundAsync(ClaimsPrincipal user, Guid id, string? reason, CancellationToken cancellationToken)
    {
        var text = Common.Text.TextRules.Normalize(reason);
        if (text is null || Common.Text.TextRules.Problem(text, Common.Text.TextLimits.Note) is not null)
        {
            return Failure.Invalid("Thông tin hoàn trả chưa hợp lệ.", ("reason", text is null ? "Nhập lý do hoàn trả phí, lệ phí." : Common.Text.TextRules.Problem(text, Common.Text.TextLimits.Note)));
        }

        var payment = await db.Set<Payment>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (payment is null || !await applications.CanSeeAsync(user, payment.ApplicationCode, cancellationToken))
        {
            return Failure.NotFound("Không có lần thanh toán này.");
        }

        if (await applications.ReceptionOfficerAsync(user, payment.ApplicationCode, cancellationToken) is not { } officer)
        {
            return Failure.Forbidden("Chỉ cán bộ một cửa của đơn vị tiếp nhận hồ sơ mới ghi hoàn trả.");
        }

        if (!payment.Refund(officer, text, clock.GetCurrentInstant()))
        {
            return Failure.Conflict(payment.Status == PaymentStatus.Refunded ? "Khoản này đã được hoàn trả." : "Chỉ hoàn trả khoản đã thanh toán.");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict("Khoản này vừa được thay đổi. Tải lại để xem trạng thái mới.");
        }

        return payment;
    }

    /// <summary>
    /// The gateway's server-to-server notice (IPN): signature, order, amount, then paid or failed, once. A repeated or
    /// late notice changes nothing and is answered as the protocol says.
    /// </summary>
    public async Task<NoticeAnswer> NoticeAsync(IReadOnlyCollection<KeyValuePair<string, string?>> fields, CancellationToken cancellationToken)
    {
        var (gateway, notice) = Read(fields);
        if (notice is null)
        {
            // The merchant code is configuration kept out of logs: say only whether it is one of ours.
            logger.LogWarning("Payment notice refused: signature not valid (merchant known: {Known})", gateways.ForMerchant(fields.FirstOrDefault(f => f.Key == "vnp_TmnCode").Value).Any());
            return NoticeAnswer.InvalidSignature;
        }

        var payment = await db.Set<Payment>().SingleOrDefaultAsync(p => p.OrderRef == notice.OrderRef && p.Provider == gateway!.Name, cancellationToken);
        if (payment is null)
        {
            return NoticeAnswer.OrderNotFound;
        }

        var outcome = await SettleAsync(payment, notice.Amount ?? -1, notice.Paid, notice.TransactionNo, notice.BankCode, notice.ResponseCode, cancellationToken);
        switch (outcome)
        {
            case NoticeOutcome.AlreadyConfirmed:
                return NoticeAnswer.AlreadyConfirmed;
            case NoticeOutcome.WrongAmount:
                logger.LogWarning("Payment {OrderRef}: the gateway reported {Reported} VND, the order is {Amount} VND", payment.OrderRef, notice.Amount, payment.Amount);
                return NoticeAnswer.InvalidAmount;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another notice (or the status worker) settled this order first.
            return NoticeAnswer.AlreadyConfirmed;
        }

        await receipts.TryAssignAsync(payment.Id, cancellationToken);
        return NoticeAnswer.Confirmed;
    }

    /// <summary>
    /// Payments whose notice never came, asked about at their gateway (querydr): paid or failed there, they are settled
    /// as the notice would have; unknown or still open past their time, they expire. Returns how many changed.
    /// </summary>
    public async Task<int> CheckPendingAsync(int batch, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var askAfter = now - Duration.FromMinutes(options.Value.QueryAfterMinutes);
        var pending = await db.Set<Payment>()
            .Where(p => (p.Status == PaymentStatus.Pending || p.Status == PaymentStatus.Created) && p.CreatedAt <= askAfter)
            .OrderBy(p => p.CreatedAt).Take(batch).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var payment in pending)
        {
            if (gateways.Named(payment.Provider) is not { } gateway)
            {
                continue;
            }

            var status = await gateway.QueryAsync(new PaymentOrder(payment.OrderRef, payment.Amount, payment.Description, new Uri(portal.Value.BaseUri, ReturnPath), "127.0.0.1", payment.CreatedAt, payment.ExpiresAt), now, cancellationToken);
            if (status is null)
            {
                // The gateway could not be asked: the next round tries again.
                continue;
            }

            if (status is { Known: true } and ({ Paid: true } or { Failed: true }))
            {
                if (await SettleAsync(payment, status.Amount ?? -1, status.Paid, status.TransactionNo, status.BankCode, status.ResponseCode, cancellationToken) == NoticeOutcome.WrongAmount)
                {
                    logger.LogWarning("Payment {OrderRef}: the gateway's query reports {Reported} VND, the order is {Amount} VND", payment.OrderRef, status.Amount, payment.Amount);
                    continue;
                }
            }
            else if (!payment.Expire(now))
            {
                // Unknown to the gateway or still open there, and not yet past its time.
                continue;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                changed++;
                logger.LogInformation("Payment {OrderRef} repaired from the gateway's status: {Status}", payment.OrderRef, payment.Status);
                await receipts.TryAssignAsync(payment.Id, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Its notice arrived meanwhile.
                db.ChangeTracker.Clear();
            }
        }

        return changed;
    }

    /// <summary>The gateway's word on a payment, as a notice or a status query brings it; the application follows a payment made.</summary>
    private async Task<NoticeOutcome> SettleAsync(Payment payment, long amount, bool paid, string? transactionNo, string? bankCode, string? responseCode, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var outcome = payment.Notice(amount, paid, transactionNo, bankCode, responseCode, now);
        if (outcome == NoticeOutcome.Confirmed)
        {
            var note = $"Đã thanh toán {payment.Amount.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} đồng trực tuyến, mã giao dịch {transactionNo}.";
            if (!await applications.ConfirmPaidAsync(payment.ApplicationId, gateways.Named(payment.Provider)?.DisplayName ?? payment.Provider, note, now, cancellationToken))
            {
                logger.LogWarning("Payment {OrderRef} paid, but application {Code} no longer awaits payment: to be refunded", payment.OrderRef, payment.ApplicationCode);
            }
        }

        logger.LogInformation("Payment {OrderRef}: {Outcome} ({ResponseCode})", payment.OrderRef, outcome, responseCode);
        return outcome;
    }

    /// <summary>The payment the payer returns with, its signature checked; null when it is not one of ours.</summary>
    public async Task<Payment?> ReturnedAsync(IReadOnlyCollection<KeyValuePair<string, string?>> fields, CancellationToken cancellationToken)
    {
        var (gateway, notice) = Read(fields);
        return notice is null ? null
            : await db.Set<Payment>().AsNoTracking().SingleOrDefaultAsync(p => p.OrderRef == notice.OrderRef && p.Provider == gateway!.Name, cancellationToken);
    }

    /// <summary>The gateway whose merchant code and signature the fields carry, and what it says; nulls when none.</summary>
    private (IPaymentGateway? Gateway, GatewayNotice? Notice) Read(IReadOnlyCollection<KeyValuePair<string, string?>> fields)
    {
        var merchant = fields.FirstOrDefault(f => f.Key == "vnp_TmnCode").Value;
        return gateways.ForMerchant(merchant).Select(g => (g, g.Read(fields))).FirstOrDefault(r => r.Item2 is not null);
    }

    /// <summary>The lines the application says are due, kept on the payment for its receipt.</summary>
    private static IEnumerable<PaymentItem> ItemsOf(PaymentDue fee) =>
        (fee.Items ?? []).Select(i => new PaymentItem(i.Name, i.Kind == Catalog.Public.FeeKind.Charge ? PaymentItem.Charge : PaymentItem.Duty, i.Amount));

    /// <summary>Unique, short, letters and digits only, as gateways want it: the day, then 12 random hex digits.</summary>
    private static string NewOrderRef(Instant now) =>
        now.InUtc().Date.ToString("yyMMdd", CultureInfo.InvariantCulture) + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
}
