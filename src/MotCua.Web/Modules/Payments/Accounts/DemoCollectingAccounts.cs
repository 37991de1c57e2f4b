using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Payments.Domain;
using NodaTime;

namespace MotCua.Web.Modules.Payments.Accounts;

/// <summary>
/// The demo province's collecting accounts: each unit that handles a procedure with a fee collects into its own State
/// Treasury account through the sandbox provider, so a fee can be paid end to end on the embedded default.
/// </summary>
internal sealed class DemoCollectingAccounts(MotCuaDbContext db, CatalogDirectory catalog, PaymentGateways gateways, IClock clock) : IDatabaseSeeder
{
    /// <summary>The demo units whose procedures carry a fee (demo-province.json), with their treasury account numbers.</summary>
    private static readonly (string UnitCode, string AccountNumber)[] Accounts =
    [
        ("000.00.03.H99", "3711000000031"),
        ("000.00.06.H99", "3711000000061"),
        ("000.01.05.H99", "3711000000151"),
        ("000.01.00.H99", "3711000001001"),
        ("000.02.00.H99", "3711000002001"),
        ("000.21.21.H99", "3711000021211"),
        ("000.22.21.H99", "3711000022211"),
        ("000.23.21.H99", "3711000023211"),
    ];

    public int Order => 30;

    public bool DemoOnly => true;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var provider = gateways.Named("sandbox") ?? gateways.Default;
        if (provider is null || await db.Set<CollectingAccount>().AnyAsync(cancellationToken))
        {
            return;
        }

        var units = await catalog.UnitsAsync(Accounts.Select(a => a.UnitCode), cancellationToken);
        var now = clock.GetCurrentInstant();
        foreach (var (code, number) in Accounts)
        {
            if (units.GetValueOrDefault(code) is { } unit)
            {
                var (account, change) = CollectingAccount.Declare(unit.Id,
                    new AccountDetails(VietnameseBanks.StateTreasury, "Kho bạc Nhà nước", number, unit.Name, provider.Name), "Dữ liệu mẫu", now);
                db.AddRange(account, change);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
