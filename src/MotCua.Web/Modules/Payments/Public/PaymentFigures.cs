using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Payments.Domain;

namespace MotCua.Web.Modules.Payments.Public;

/// <summary>What the statistics count of payments: which applications were paid online (a refund later does not undo that the payment was made online).</summary>
public sealed class PaymentFigures(MotCuaDbContext db, PaymentGateways gateways)
{
    public async Task<IReadOnlySet<long>> PaidOnlineAsync(IReadOnlyCollection<long> applicationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applicationIds);
        if (applicationIds.Count == 0)
        {
            return new HashSet<long>();
        }

        var paid = await db.Set<Payment>().AsNoTracking()
            .Where(p => applicationIds.Contains(p.ApplicationId) && p.Method == PaymentMethod.Online && (p.Status == PaymentStatus.Paid || p.Status == PaymentStatus.Refunded))
            .Select(p => p.ApplicationId).Distinct().ToListAsync(cancellationToken);
        return paid.ToHashSet();
    }

    /// <summary>The units, among these, that collect fees online: an account whose provider is a gateway configured here.</summary>
    public async Task<IReadOnlySet<int>> CollectingOnlineAsync(IReadOnlyCollection<int> unitIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        var accounts = await db.Set<CollectingAccount>().AsNoTracking().Where(a => unitIds.Contains(a.UnitId))
            .Select(a => new { a.UnitId, a.Provider }).ToListAsync(cancellationToken);
        return accounts.Where(a => gateways.Named(a.Provider) is not null).Select(a => a.UnitId).ToHashSet();
    }
}
