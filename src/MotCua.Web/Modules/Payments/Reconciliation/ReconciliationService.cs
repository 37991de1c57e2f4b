using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Payments.Domain;
using MotCua.Web.Modules.Payments.Gateways;
using MotCua.Web.Modules.Payments.Receipts;
using NodaTime;
using NodaTime.Text;

namespace MotCua.Web.Modules.Payments.Reconciliation;

/// <summary>A fee taken at the desk (no gateway to compare with), as the day's list shows it.</summary>
public sealed record DeskPaymentRow(
    string OrderRef, string ApplicationCode, long Amount, PaymentMethod Method, string? RecordedBy, DateTimeOffset PaidAt, PaymentStatus Status, string? Receipt);

/// <summary>The day's sums: online as MotCua and as the gateway count them, at the desk (and through the post) by method.</summary>
public sealed record ReconciliationTotals(long OnlineRecorded, long OnlineAtGateway, int Differences, long Cash, long Card, long Transfer, long Postal)
{
    public long Desk => Cash + Card + Transfer + Postal;
}

/// <summary>A unit's reconciliation for one day (Vietnam time).</summary>
public sealed record ReconciliationReport(
    int UnitId, string UnitName, string Date, bool GatewayReached,
    IReadOnlyList<ReconciliationRow> Online, IReadOnlyList<DeskPaymentRow> Desk, ReconciliationTotals Totals);

/// <summary>
/// Reconciliation (đối soát) of a unit's payments for a day: MotCua's online payments against what their gateway
/// reports, and the fees its desk took, for officers whose scope covers the unit.
/// </summary>
public sealed class ReconciliationService(MotCuaDbContext db, ApplicationPayments applications, CatalogDirectory catalog, PaymentGateways gateways, IClock clock)
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    /// <summary>The units the caller may reconcile (their sub-tree), or none when they are not an officer.</summary>
    public async Task<IReadOnlyList<UnitCard>> UnitsAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await applications.OfficerScopeAsync(user, cancellationToken) is { } scope ? await catalog.SubtreeAsync(scope, cancellationToken) : [];

    /// <summary>Today in Vietnam, as the date pickers start.</summary>
    public LocalDate Today => clock.GetCurrentInstant().InZone(VietnameseDates.Zone).Date;

    public async Task<Result<ReconciliationReport>> ReportAsync(ClaimsPrincipal user, int unitId, string? date, CancellationToken cancellationToken)
    {
        var scope = await applications.OfficerScopeAsync(user, cancellationToken);
        var unit = await catalog.UnitAsync(unitId, cancellationToken);
        if (scope is null || unit is null || !unit.IsWithin(scope))
        {
            return Failure.NotFound("Không có đơn vị này trong phạm vi của bạn.");
        }

        var parsed = IsoDate.Parse(date?.Trim() ?? string.Empty);
        if (!parsed.Success || !SensibleDates.Contains(parsed.Value))
        {
            return Failure.Invalid("Ngày đối soát chưa hợp lệ.",
                ("date", string.IsNullOrWhiteSpace(date) ? "Nhập ngày đối soát (yyyy-MM-dd)." : parsed.Success ? SensibleDates.Message : "Ngày đối soát viết theo dạng yyyy-MM-dd, ví dụ 2026-12-02."));
        }

        return await ReportAsync(unit, parsed.Value, cancellationToken);
    }

    private async Task<ReconciliationReport> ReportAsync(UnitCard unit, LocalDate day, CancellationToken cancellationToken)
    {
        var from = day.AtStartOfDayInZone(VietnameseDates.Zone).ToInstant();
        var to = day.PlusDays(1).AtStartOfDayInZone(VietnameseDates.Zone).ToInstant();
        var payments = db.Set<Payment>().AsNoTracking().Where(p => p.UnitId == unit.Id);

        // Online: every attempt made that day, and any paid that day though made the day before.
        var online = await payments.Where(p => p.Method == PaymentMethod.Online
                && ((p.CreatedAt >= from && p.CreatedAt < to) || (p.PaidAt >= from && p.PaidAt < to)))
            .OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var rows = new List<ReconciliationRow>();
        var reached = true;
        foreach (var gateway in GatewaysOf(online))
        {
            var mine = online.Where(p => p.Provider == gateway.Name).ToList();
            var known = mine.Select(p => new PaymentOrder(p.OrderRef, p.Amount, p.Description, new Uri("about:blank"), "127.0.0.1", p.CreatedAt, p.ExpiresAt)).ToList();
            var reported = await gateway.TransactionsAsync(day, known, clock.GetCurrentInstant(), cancellationToken);
            reached &= reported is not null;
            if (reported is not null)
            {
                // An order the gateway lists that was made on another day is this day's business all the same; one
                // of another unit (a merchant account shared between units) is that unit's.
                var others = reported.Select(t => t.OrderRef).Except(mine.Select(p => p.OrderRef), StringComparer.Ordinal).ToList();
                var elsewhere = others.Count == 0 ? []
                    : await db.Set<Payment>().AsNoTracking().Where(p => others.Contains(p.OrderRef) && p.Provider == gateway.Name).ToListAsync(cancellationToken);
                mine.AddRange(elsewhere.Where(p => p.UnitId == unit.Id));
                var foreign = elsewhere.Where(p => p.UnitId != unit.Id).Select(p => p.OrderRef).ToHashSet(StringComparer.Ordinal);
                reported = reported.Where(t => !foreign.Contains(t.OrderRef)).ToList();
            }

            rows.AddRange(ReconciliationMatch.Rows(
                mine.Select(p => new RecordedPayment(p.OrderRef, p.ApplicationCode, p.Amount, p.Status, p.GatewayTransactionNo)).ToList(), reported));
        }

        var desk = (await payments.Where(p => p.Method != PaymentMethod.Online && p.PaidAt >= from && p.PaidAt < to).ToListAsync(cancellationToken))
            .OrderBy(p => p.PaidAt)
            .Select(p => new DeskPaymentRow(p.OrderRef, p.ApplicationCode, p.Amount, p.Method, p.RecordedBy, p.PaidAt!.Value.InZone(VietnameseDates.Zone).ToDateTimeOffset(),
                p.Status, p.ReceiptNumber is int n ? $"{ReceiptService.Series(p.ReceiptYear!.Value)} số {ReceiptService.Number(n)}" : null))
            .ToList();
        long DeskSum(PaymentMethod method) => desk.Where(d => d.Method == method).Sum(d => d.Amount);
        var totals = new ReconciliationTotals(
            rows.Where(r => r.Status is PaymentStatus.Paid or PaymentStatus.Refunded).Sum(r => r.Amount ?? 0),
            rows.Where(r => r.GatewayStatus == GatewayState.Paid).Sum(r => r.GatewayAmount ?? 0),
            rows.Count(r => r.Difference != Difference.None),
            DeskSum(PaymentMethod.Cash), DeskSum(PaymentMethod.Card), DeskSum(PaymentMethod.Transfer), DeskSum(PaymentMethod.Postal));
        return new ReconciliationReport(unit.Id, unit.Name, IsoDate.Format(day), reached, rows, desk, totals);
    }

    /// <summary>
    /// The gateways a unit's fees went through that day: those its payments name, and the one it collects through now
    /// (so a day with transactions only at the gateway still shows them).
    /// </summary>
    private IEnumerable<IPaymentGateway> GatewaysOf(IReadOnlyList<Payment> online)
    {
        var names = online.Select(p => p.Provider).Distinct(StringComparer.Ordinal).ToList();
        if (gateways.Default is { } current && !names.Contains(current.Name))
        {
            names.Add(current.Name);
        }

        return names.Select(gateways.Named).OfType<IPaymentGateway>();
    }
}
