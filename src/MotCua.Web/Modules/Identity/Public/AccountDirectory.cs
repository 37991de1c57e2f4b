using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Modules.Identity.Accounts;

namespace MotCua.Web.Modules.Identity.Public;

/// <summary>An account as other modules read it.</summary>
/// <param name="IdentityNumber">Citizens: the 12-digit personal identification number.</param>
/// <param name="TaxCode">Businesses: the tax code.</param>
/// <param name="UnitId">Officers: the unit whose sub-tree their roles cover.</param>
public sealed record AccountCard(
    Guid Id,
    string UserName,
    string FullName,
    AccountType AccountType,
    string? IdentityNumber,
    string? TaxCode,
    string? Phone,
    bool PhoneConfirmed,
    string? Email,
    bool EmailConfirmed,
    string? Address,
    DateOnly? BirthDate,
    int? UnitId,
    IReadOnlyList<string> Roles)
{
    public bool IsOfficer => AccountType == AccountType.Officer;

    /// <summary>The number an application is filed under: the personal number, or a business's tax code.</summary>
    public string? ApplicantNumber => IdentityNumber ?? TaxCode;
}

/// <summary>An account's e-mail address and phone, each with whether the holder confirmed it by a code.</summary>
public sealed record AccountContact(Guid Id, string? Email, bool EmailConfirmed, string? Phone, bool PhoneConfirmed)
{
    public string? ConfirmedEmail => EmailConfirmed ? Email : null;

    public string? ConfirmedPhone => PhoneConfirmed ? Phone : null;
}

/// <summary>Identity's public surface: who a signed-in person is, and accounts by id or user name.</summary>
public sealed class AccountDirectory(UserManager<AppUser> users, Sessions.AccountChanges changes, Common.Persistence.MotCuaDbContext db)
{
    /// <summary>Which officer roles are held at which unit by accounts in use (a disabled account holds none): (unit id, role) pairs.</summary>
    public async Task<IReadOnlyList<(int UnitId, string Role)>> OfficerRolesAsync(CancellationToken cancellationToken)
    {
        // Disabled = locked until the end of time (AccountLifecycle.DisableAsync); compared in memory, as SQLite cannot compare offsets.
        var officers = (await users.Users.AsNoTracking().Where(u => u.AccountType == AccountType.Officer && u.UnitId != null)
            .Select(u => new { u.Id, u.UnitId, u.LockoutEnd }).ToListAsync(cancellationToken))
            .Where(u => u.LockoutEnd is null || u.LockoutEnd.Value.Year < 9000).ToDictionary(u => u.Id, u => u.UnitId!.Value);
        var roles = await db.UserRoles.Join(db.Roles, r => r.RoleId, role => role.Id, (r, role) => new { r.UserId, role.Name }).ToListAsync(cancellationToken);
        return roles.Where(r => officers.ContainsKey(r.UserId) && r.Name is not null).Select(r => (officers[r.UserId], r.Name!)).Distinct().ToList();
    }

    /// <summary>Fires when the account is locked, disabled, deleted or its password changes: drop what was cached about it.</summary>
    public Microsoft.Extensions.Primitives.IChangeToken Changes(Guid userId) => changes.For(userId);

    /// <summary>The account id of a signed-in principal; null for an anonymous one.</summary>
    public Guid? UserId(ClaimsPrincipal principal) =>
        Guid.TryParse(users.GetUserId(principal), out var id) ? id : null;

    public async Task<AccountCard?> FindAsync(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) is { } user ? await CardAsync(user) : null;

    public async Task<AccountCard?> FindAsync(Guid id) =>
        await users.FindByIdAsync(id.ToString()) is { } user ? await CardAsync(user) : null;

    public async Task<AccountCard?> FindByUserNameAsync(string userName) =>
        string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName) is { } user ? await CardAsync(user) : null;

    /// <summary>The applicant's account with this identity number (12 digits) or tax code (10 or 13 digits); null when none.</summary>
    public async Task<AccountCard?> FindByApplicantNumberAsync(string number, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(number) ? null
            : await users.Users.SingleOrDefaultAsync(u => u.AccountType != AccountType.Officer && (u.IdentityNumber == number || u.TaxCode == number), cancellationToken) is { } user
                ? await CardAsync(user) : null;

    /// <summary>Where accounts can be reached, in one read: each address or number with whether its holder confirmed it.</summary>
    public async Task<IReadOnlyDictionary<Guid, AccountContact>> ContactsAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? new Dictionary<Guid, AccountContact>()
            : await users.Users.AsNoTracking().Where(u => list.Contains(u.Id))
                .Select(u => new AccountContact(u.Id, u.Email, u.EmailConfirmed, u.PhoneNumber, u.PhoneNumberConfirmed))
                .ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    private async Task<AccountCard> CardAsync(AppUser u) =>
        new(u.Id, u.UserName ?? string.Empty, u.FullName, u.AccountType, u.IdentityNumber, u.TaxCode, u.PhoneNumber, u.PhoneNumberConfirmed,
            u.Email, u.EmailConfirmed, u.Address, u.BirthDate, u.UnitId, [.. await users.GetRolesAsync(u)]);
}

/// <summary>For other modules' tables that belong to an account: the foreign key without knowing the account entity.</summary>
public static class AccountReferences
{
    /// <summary>The rows go when the account is deleted.</summary>
    public static void BelongsToAccount<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, object?>> userId)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(userId).OnDelete(DeleteBehavior.Cascade);
    }
}
