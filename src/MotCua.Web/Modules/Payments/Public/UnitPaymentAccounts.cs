using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Payments.Domain;

namespace MotCua.Web.Modules.Payments.Public;

/// <summary>
/// A unit's collecting account as other pages show it: the bank, number and holder, the provider's display name (never
/// its merchant code or secret), and whether that provider takes payments online now.
/// </summary>
public sealed record UnitPaymentAccount(string BankName, string AccountNumber, string AccountHolder, string ProviderName, bool CollectsOnline);

/// <summary>The payments module's answer to "where do this unit's fees go", for the unit's admin page and the applicant's page.</summary>
public sealed class UnitPaymentAccounts(MotCuaDbContext db, PaymentGateways gateways)
{
    /// <summary>The page where an admin declares or changes the unit's account.</summary>
    public static string PagePath(int unitId) => $"/quan-tri/tai-khoan-thu-phi/{unitId}";

    /// <summary>The unit's declared account; null when it has none (fees are then paid at the desk).</summary>
    public async Task<UnitPaymentAccount?> ForUnitAsync(int unitId, CancellationToken cancellationToken)
    {
        var account = await db.Set<CollectingAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.UnitId == unitId, cancellationToken);
        if (account is null)
        {
            return null;
        }

        var gateway = gateways.Named(account.Provider);
        return new UnitPaymentAccount(account.BankName, account.AccountNumber, account.AccountHolder, gateway?.DisplayName ?? account.Provider, gateway is not null);
    }
}
