using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Audit.Public;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Payments.Domain;
using NodaTime;

namespace MotCua.Web.Modules.Payments.Accounts;

/// <summary>A unit with its collecting account (null: not declared) and the account's history, newest first.</summary>
public sealed record UnitAccount(UnitCard Unit, CollectingAccount? Account, IReadOnlyList<CollectingAccountChange> History);

/// <summary>A payment provider an admin can choose for a unit: its configuration name and the name people see (never its secrets).</summary>
public sealed record ProviderChoice(string Name, string DisplayName);

/// <summary>
/// Declaring the account each unit's fees are collected into, and the provider that collects them: the province admin
/// for any unit, an agency admin for their own unit and the units below it. Every change is audited and kept as
/// history in the same save.
/// </summary>
public sealed class CollectingAccounts(MotCuaDbContext db, CatalogDirectory catalog, AccountDirectory accounts, AuditTrail audit, PaymentGateways gateways, IClock clock)
{
    private sealed record Admin(AccountCard Account, string UnitPath);

    public IReadOnlyList<ProviderChoice> Providers => gateways.All.Select(g => new ProviderChoice(g.Name, g.DisplayName)).ToList();

    /// <summary>The provider offered first to a unit declaring its account (Payments:DefaultProvider).</summary>
    public string? DefaultProvider => gateways.Default?.Name;

    /// <summary>The name people see for a provider; the configuration name when it is no longer configured.</summary>
    public string ProviderName(string provider) => gateways.Named(provider)?.DisplayName ?? provider;

    /// <summary>The units the caller declares accounts for, in tree order, with their accounts.</summary>
    public async Task<Result<IReadOnlyList<(UnitCard Unit, CollectingAccount? Account)>>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await AdminAsync(user, cancellationToken) is not { } admin)
        {
            return NotAdmin;
        }

        var units = (await catalog.SubtreeAsync(admin.UnitPath, cancellationToken)).Where(u => u.EndedOn is null).ToList();
        var ids = units.Select(u => u.Id).ToList();
        var declared = await db.Set<CollectingAccount>().AsNoTracking().Where(a => ids.Contains(a.UnitId)).ToDictionaryAsync(a => a.UnitId, cancellationToken);
        return units.Select(u => (u, declared.GetValueOrDefault(u.Id))).ToList();
    }

    /// <summary>One unit's account and history, for an admin whose scope holds it.</summary>
    public async Task<Result<UnitAccount>> ForAdminAsync(ClaimsPrincipal user, int unitId, CancellationToken cancellationToken)
    {
        var unit = await UnitForAdminAsync(user, unitId, cancellationToken);
        if (unit.Failure is { } failure)
        {
            return failure;
        }

        return await LoadAsync(unit.Value!.Unit, cancellationToken);
    }

    /// <summary>
    /// Declares or changes a unit's account. Refused, with nothing changed, when a rule says no (a person as the holder,
    /// a number that is not one) or when another unit already declared the same account at the same bank.
    /// </summary>
    public async Task<Result<UnitAccount>> DeclareAsync(ClaimsPrincipal user, int unitId, AccountDeclaration input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await UnitForAdminAsync(user, unitId, cancellationToken);
        if (found.Failure is { } failure)
        {
            return failure;
        }

        var (unit, admin) = found.Value!;
        var (details, problems) = CollectingAccountRules.Check(input, unit.Name, gateways.All.Select(g => g.Name).ToList());
        if (details is null)
        {
            return Failure.Invalid("Thông tin tài khoản thu phí, lệ phí chưa hợp lệ.", problems.Select(p => (p.Field, (string?)p.Message)).ToArray());
        }

        if (await SharedWithAsync(unit.Id, details, cancellationToken) is { } other)
        {
            return Shared(details, other);
        }

        var current = await db.Set<CollectingAccount>().SingleOrDefaultAsync(a => a.UnitId == unit.Id, cancellationToken);
        var by = admin.Account.FullName;
        var now = clock.GetCurrentInstant();
        var before = current is null ? null : Audited(current.Details);
        if (current is null)
        {
            var (account, change) = CollectingAccount.Declare(unit.Id, details, by, now);
            db.Add(account);
            db.Add(change);
        }
        else if (current.Change(details, by, now) is { } change)
        {
            db.Add(change);
        }
        else
        {
            return await LoadAsync(unit, cancellationToken);
        }

        audit.Record(admin.Account.Id, admin.Account.UserName, before is null ? "payment-account.declare" : "payment-account.change", $"unit:{unit.Code}", before, Audited(details));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict("Tài khoản của đơn vị vừa được người khác thay đổi. Tải lại trang để xem thông tin mới.");
        }
        catch (DbUpdateException)
        {
            // Another unit declared the same account in the same instant: the unique index kept one.
            db.ChangeTracker.Clear();
            if (await SharedWithAsync(unit.Id, details, cancellationToken) is { } racer)
            {
                return Shared(details, racer);
            }

            throw;
        }

        db.ChangeTracker.Clear();
        return await LoadAsync(unit, cancellationToken);
    }

    private static readonly Failure NotAdmin = Failure.Forbidden("Chỉ quản trị cấp tỉnh hoặc quản trị cơ quan khai báo tài khoản thu phí, lệ phí.");

    private static Failure Shared(AccountDetails details, string otherUnit) => Failure.Invalid("Thông tin tài khoản thu phí, lệ phí chưa hợp lệ.",
        ("accountNumber", $"Tài khoản số {details.AccountNumber} tại {details.BankName} đã được khai báo cho {otherUnit}. Mỗi đơn vị thu phí, lệ phí vào tài khoản riêng của mình, không dùng chung tài khoản."));

    private static object Audited(AccountDetails d) => new { bank = d.BankName, accountNumber = d.AccountNumber, accountHolder = d.AccountHolder, provider = d.Provider };

    private async Task<string?> SharedWithAsync(int unitId, AccountDetails details, CancellationToken cancellationToken)
    {
        var other = await db.Set<CollectingAccount>().AsNoTracking()
            .Where(a => a.BankKey == details.BankKey && a.AccountNumber == details.AccountNumber && a.UnitId != unitId)
            .Select(a => (int?)a.UnitId).FirstOrDefaultAsync(cancellationToken);
        return other is int id ? (await catalog.UnitAsync(id, cancellationToken))?.Name ?? "đơn vị khác" : null;
    }

    private async Task<Result<(UnitCard Unit, Admin Admin)>> UnitForAdminAsync(ClaimsPrincipal user, int unitId, CancellationToken cancellationToken)
    {
        if (await AdminAsync(user, cancellationToken) is not { } admin)
        {
            return NotAdmin;
        }

        if (await catalog.UnitAsync(unitId, cancellationToken) is not { } unit)
        {
            return Failure.NotFound("Không có đơn vị này.");
        }

        return unit.IsWithin(admin.UnitPath)
            ? (unit, admin)
            : Failure.Forbidden("Quản trị cơ quan chỉ khai báo tài khoản thu phí, lệ phí cho đơn vị mình và các đơn vị trực thuộc.");
    }

    /// <summary>The caller when they administer units' accounts: the province admin over the whole tree, an agency admin over their unit's sub-tree.</summary>
    private async Task<Admin?> AdminAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(user) is not { IsOfficer: true, UnitId: int unitId } account)
        {
            return null;
        }

        if (account.Roles.Contains(Roles.ProvinceAdmin))
        {
            return new Admin(account, "/");
        }

        return account.Roles.Contains(Roles.AgencyAdmin) && await catalog.UnitAsync(unitId, cancellationToken) is { } unit ? new Admin(account, unit.Path) : null;
    }

    private async Task<UnitAccount> LoadAsync(UnitCard unit, CancellationToken cancellationToken)
    {
        var account = await db.Set<CollectingAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.UnitId == unit.Id, cancellationToken);
        var history = await db.Set<CollectingAccountChange>().AsNoTracking().Where(c => c.UnitId == unit.Id)
            .OrderByDescending(c => c.Id).Take(100).ToListAsync(cancellationToken);
        return new UnitAccount(unit, account, history);
    }
}
