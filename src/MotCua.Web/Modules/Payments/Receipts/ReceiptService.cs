using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Payments.Domain;

namespace MotCua.Web.Modules.Payments.Receipts;

/// <summary>A receipt's PDF and the name it is downloaded under.</summary>
public sealed record ReceiptFile(byte[] Pdf, string FileName);

/// <summary>The electronic receipt of a paid payment, for its applicant and the officers of the unit that collected it.</summary>
public sealed class ReceiptService(
    MotCuaDbContext db, ApplicationPayments applications, CatalogDirectory catalog, PaymentGateways gateways, ReceiptNumbers numbers, IOptions<PortalOptions> portal)
{
    /// <summary>The receipt as PDF; not found for anyone else and for a payment that was never paid.</summary>
    public async Task<Result<ReceiptFile>> FileAsync(ClaimsPrincipal user, Guid paymentId, CancellationToken cancellationToken)
    {
        var payment = await db.Set<Payment>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
        if (payment is null || !await applications.MayHaveReceiptAsync(user, payment.ApplicationCode, cancellationToken))
        {
            return Failure.NotFound("Không có biên lai này.");
        }

        if (!payment.HasReceipt)
        {
            return Failure.NotFound("Khoản này chưa được thanh toán nên chưa có biên lai.");
        }

        if (payment.ReceiptNumber is null)
        {
            // Paid, but numbering did not happen then (the database was busy): it happens now, once.
            await numbers.AssignAsync(payment.Id, cancellationToken);
            payment = await db.Set<Payment>().AsNoTracking().SingleAsync(p => p.Id == paymentId, cancellationToken);
        }

        var data = await DataAsync(payment, cancellationToken);
        return new ReceiptFile(ReceiptRenderer.Render(data), $"bien-lai-{data.Series}-{data.Number}.pdf");
    }

    /// <summary>What the receipt of a paid payment prints.</summary>
    public async Task<ReceiptData> DataAsync(Payment payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var payer = await applications.PayerAsync(payment.ApplicationId, cancellationToken)
            ?? throw new InvalidOperationException($"Application {payment.ApplicationCode} of payment {payment.Id} is gone.");
        var paidAt = payment.PaidAt!.Value.InZone(VietnameseDates.Zone).ToDateTimeOffset();
        return new ReceiptData(
            await CollectingUnitAsync(payment, cancellationToken),
            Series(payment.ReceiptYear!.Value),
            Number(payment.ReceiptNumber!.Value),
            payer.Name,
            payer.Address,
            payment.ApplicationCode,
            payer.ProcedureName,
            payment.OrderRef,
            Lines(payment, payer.ProcedureName),
            HowPaid(payment),
            payment.Method == PaymentMethod.Online ? null : payment.RecordedBy,
            paidAt,
            portal.Value.Url($"/tra-cuu?code={Uri.EscapeDataString(payment.ApplicationCode)}"),
            payment.RefundedAt is { } refundedAt
                ? $"ngày {refundedAt.InZone(VietnameseDates.Zone).ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture)}, lý do: {payment.RefundReason}"
                : null,
            AccountOf(payment));
    }

    /// <summary>The unit's own account the fee went into, as declared when it was paid: "số 1234 tại Ngân hàng X, chủ tài khoản Y".</summary>
    public static string? AccountOf(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return payment.AccountNumber is { Length: > 0 } number
            ? $"số {number} tại {payment.AccountBank}, chủ tài khoản {payment.AccountHolder}"
            : null;
    }

    /// <summary>
    /// What the receipt lists as collected: each phí and lệ phí apart as the payment carries them (the Law on Fees and
    /// Charges sends a lệ phí whole to the budget, a phí may be partly kept), or one line for the whole fee when the payment has no items or they do not add up to
    /// what was paid (an amount the officer set by hand).
    /// </summary>
    public static IReadOnlyList<ReceiptLine> Lines(Payment payment, string procedureName)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.Items.Count > 0 && payment.Items.Sum(i => i.Amount) == payment.Amount)
        {
            return [.. payment.Items.Select(i => new ReceiptLine(LineName(i), i.Amount))];
        }

        return [new ReceiptLine($"Lệ phí/phí giải quyết hồ sơ {payment.ApplicationCode} ({procedureName})", payment.Amount)];
    }

    /// <summary>"Lệ phí đăng ký kết hôn" as the catalog names it, or the kind before a name that does not say it.</summary>
    private static string LineName(PaymentItem item) =>
        item.Name.StartsWith(item.KindName, StringComparison.OrdinalIgnoreCase) || item.Name.StartsWith("Phí", StringComparison.OrdinalIgnoreCase)
            || item.Name.StartsWith("Lệ phí", StringComparison.OrdinalIgnoreCase)
            ? item.Name
            : $"{item.KindName} {item.Name}";

    /// <summary>The unit whose receipt it is: the one the fee was collected for, as the catalog names it.</summary>
    public async Task<CollectingUnit> CollectingUnitAsync(Payment payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var unit = await catalog.UnitAsync(payment.UnitId, cancellationToken)
            ?? throw new InvalidOperationException($"Unit {payment.UnitId} of payment {payment.Id} is gone.");
        var parent = unit.ParentId is int parentId ? (await catalog.UnitAsync(parentId, cancellationToken))?.Name : null;
        return new CollectingUnit(unit.Name, unit.Address, unit.Place, parent);
    }

    /// <summary>"BL-26E": BL for biên lai, the year's last two digits, E for electronic (Circular 78/2021/TT-BTC's pattern).</summary>
    public static string Series(int year) => $"BL-{(year % 100).ToString("00", CultureInfo.InvariantCulture)}E";

    /// <summary>Seven digits, as the receipt's number is printed: "0000012".</summary>
    public static string Number(int number) => number.ToString("0000000", CultureInfo.InvariantCulture);

    private string HowPaid(Payment payment) => payment.Method switch
    {
        PaymentMethod.Online => $"Trực tuyến qua {gateways.Named(payment.Provider)?.DisplayName ?? payment.Provider}"
            + (payment.GatewayTransactionNo is { Length: > 0 } no ? $", mã giao dịch {no}" : string.Empty)
            + (payment.BankCode is { Length: > 0 } bank ? $", ngân hàng {bank}" : string.Empty),
        PaymentMethod.Cash => $"Tiền mặt tại bộ phận một cửa, người thu: {payment.RecordedBy}",
        PaymentMethod.Card => $"Thẻ ngân hàng tại bộ phận một cửa, người thu: {payment.RecordedBy}",
        PaymentMethod.Postal => $"Thu hộ qua bưu chính công ích, ghi nhận tại bộ phận một cửa, người ghi nhận: {payment.RecordedBy}",
        _ => $"Chuyển khoản, ghi nhận tại bộ phận một cửa, người thu: {payment.RecordedBy}",
    };
}
