using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Simulators.Identity;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Identity.Public;
using NodaTime;

namespace MotCua.Web.Modules.Identity.SingleSignOn;

/// <summary>
/// A sign-in through the national identity becomes a MotCua account: the one already linked to the person (by the
/// provider's subject), else the citizen account with their identity number, now linked, else a new citizen account
/// made from what the provider says (name, identity number, date of birth, phone), with no local password.
/// </summary>
public sealed class NationalSignIn(UserManager<AppUser> users, IClock clock, ILogger<NationalSignIn> logger)
{
    /// <summary>The account, whether the sign-in is at level 2, and what went wrong (a code the sign-in page words).</summary>
    public sealed record Linked(AppUser? User, bool Verified, string? Problem);

    /// <summary>Problems the sign-in page explains.</summary>
    public const string Officer = "can-bo";
    public const string Incomplete = "thieu-thong-tin";
    public const string Mismatch = "khong-khop";

    public async Task<Linked> LinkAsync(ClaimsPrincipal external, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(external);
        var subject = external.FindFirst("sub")?.Value;
        var number = external.FindFirst(IdentityProviderSimulator.IdentityNumberClaim)?.Value;
        var name = external.FindFirst("name")?.Value?.Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (string.IsNullOrWhiteSpace(subject) || number is null || !ApplicantNumbers.IsIdentityNumber(number) || string.IsNullOrWhiteSpace(name) || subject.Length > 100)
        {
            return new Linked(null, false, Incomplete);
        }

        var verified = external.FindFirst("acr")?.Value == IdentityProviderSimulator.LevelTwo;
        var user = await users.Users.SingleOrDefaultAsync(u => u.NationalIdentitySubject == subject, cancellationToken);
        if (user is not null)
        {
            return user.IdentityNumber == number ? new Linked(user, verified, null) : new Linked(null, false, Mismatch);
        }

        user = await users.Users.SingleOrDefaultAsync(u => u.IdentityNumber == number, cancellationToken);
        if (user is { AccountType: not AccountType.Citizen })
        {
            return new Linked(null, false, Officer);
        }

        if (user is not null)
        {
            if (user.NationalIdentitySubject is not null)
            {
                return new Linked(null, false, Mismatch);
            }

            user.NationalIdentitySubject = subject;
            user.NationalIdentityLinkedAt = clock.GetCurrentInstant().ToDateTimeOffset();
            await users.UpdateAsync(user);
            logger.LogInformation("Account {UserId} linked to the national identity.", user.Id);
            return new Linked(user, verified, null);
        }

        var phone = external.FindFirst("phone_number")?.Value;
        user = new AppUser
        {
            UserName = number,
            IdentityNumber = number,
            FullName = name,
            BirthDate = DateOnly.TryParseExact(external.FindFirst("birthdate")?.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) ? born : null,
            PhoneNumber = phone is not null && ApplicantNumbers.IsPhoneNumber(phone) ? phone : null,
            PhoneNumberConfirmed = phone is not null && ApplicantNumbers.IsPhoneNumber(phone),
            AccountType = AccountType.Citizen,
            NationalIdentitySubject = subject,
            NationalIdentityLinkedAt = clock.GetCurrentInstant().ToDateTimeOffset(),
        };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user);
        }
        catch (DbUpdateException)
        {
            // The same person's first sign-in twice at once: the other one made the account.
            return await users.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NationalIdentitySubject == subject, cancellationToken) is { } made
                ? new Linked(await users.FindByIdAsync(made.Id.ToString()), verified, null) : new Linked(null, false, Incomplete);
        }

        if (!created.Succeeded || !(await users.AddToRoleAsync(user, Roles.Citizen)).Succeeded)
        {
            return new Linked(null, false, Incomplete);
        }

        logger.LogInformation("Citizen account {UserId} made at the first national-identity sign-in.", user.Id);
        return new Linked(user, verified, null);
    }
}
