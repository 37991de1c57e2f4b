using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Identity.Accounts;

/// <summary>Self-registration of citizens (by identity number) and businesses (by tax code); the number is the user name.</summary>
public sealed class Registration(UserManager<AppUser> users, AccountLifecycle accounts, MotCuaDbContext db)
{
    public sealed record Outcome(AppUser? User, IReadOnlyList<(string Field, string Message)> Errors);

    public const string LinkedMessage = "Số định danh cá nhân này đã gắn với tài khoản định danh điện tử (VNeID). Hãy đăng nhập bằng VNeID.";

    public async Task<Outcome> RegisterCitizenAsync(string fullName, string identityNumber, DateOnly? birthDate, string phone, string? email, string password) =>
        // A number the national identity already vouches for is signed in through it, never given a second, local password.
        await users.Users.AnyAsync(u => u.IdentityNumber == identityNumber && u.NationalIdentitySubject != null)
            ? new Outcome(null, [("IdentityNumber", LinkedMessage)])
            : await CreateAsync(new AppUser
        {
            UserName = identityNumber,
            IdentityNumber = identityNumber,
            BirthDate = birthDate,
            FullName = fullName,
            PhoneNumber = phone.Trim(),
            Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
            AccountType = AccountType.Citizen,
        }, password, Roles.Citizen, "IdentityNumber", "Số định danh cá nhân này đã có tài khoản. Hãy đăng nhập, hoặc liên hệ bộ phận một cửa nếu bạn không tạo tài khoản này.");

    public Task<Outcome> RegisterBusinessAsync(string companyName, string taxCode, string representative, string phone, string email, string password) =>
        CreateAsync(new AppUser
        {
            UserName = taxCode,
            TaxCode = taxCode,
            FullName = companyName,
            Representative = representative,
            PhoneNumber = phone.Trim(),
            Email = email.Trim(),
            AccountType = AccountType.Business,
        }, password, Roles.Business, "TaxCode", "Mã số doanh nghiệp này đã có tài khoản. Hãy đăng nhập, hoặc liên hệ bộ phận một cửa.");

    /// <summary>
    /// The password rules, checked with the other fields of the page in one round (not only once the rest is right):
    /// each broken rule in Vietnamese, beside <paramref name="field"/>.
    /// </summary>
    public async Task CheckPasswordAsync(PageModel page, string field, string? password)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (string.IsNullOrEmpty(password))
        {
            return;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, new AppUser(), password);
            foreach (var error in checkedPassword.Errors)
            {
                page.ModelState.AddModelError(field, error.Description);
            }
        }
    }

    /// <summary>Signs the new account in, or puts each error beside its field.</summary>
    /// <param name="returnUrl">Where the person was going when asked to register (a local address only).</param>
    public async Task<IActionResult> CompleteAsync(PageModel page, Outcome outcome, string numberField, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.User is null)
        {
            foreach (var (field, message) in outcome.Errors)
            {
                page.ModelState.AddModelError(field == "UserName" ? numberField : field, message);
            }

            return page.Page();
        }

        await accounts.SignInPageAsync(outcome.User);
        return page.LocalRedirect(page.Url.IsLocalUrl(returnUrl) ? returnUrl! : "/tai-khoan?moi=1");
    }

    private async Task<Outcome> CreateAsync(AppUser user, string password, string role, string numberField, string duplicateMessage)
    {
        if (await users.FindByNameAsync(user.UserName!) is not null)
        {
            return new Outcome(null, [(numberField, duplicateMessage)]);
        }

        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, password);
        }
        catch (DbUpdateException)
        {
            // Two registrations of the same number at once: the unique index let one through; this one is the duplicate.
            db.ChangeTracker.Clear();
            return new Outcome(null, [(numberField, duplicateMessage)]);
        }

        if (!created.Succeeded && created.Errors.Any(e => e.Code is "DuplicateUserName"))
        {
            // Another registration of the same number got in between our check and this one.
            return new Outcome(null, [(numberField, duplicateMessage)]);
        }

        if (!created.Succeeded)
        {
            return new Outcome(null, created.Errors.Select(e => (e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : e.Code.Contains("Email", StringComparison.Ordinal) ? "Email" : "UserName", e.Description)).ToList());
        }

        var roleAdded = await users.AddToRoleAsync(user, role);
        if (!roleAdded.Succeeded)
        {
            await users.DeleteAsync(user);
            return new Outcome(null, [(string.Empty, "Không tạo được tài khoản. Vui lòng thử lại.")]);
        }

        return new Outcome(user, []);
    }
}
