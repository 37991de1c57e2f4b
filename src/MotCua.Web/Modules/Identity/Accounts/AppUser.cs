using Microsoft.AspNetCore.Identity;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Identity.Accounts;

/// <summary>A person who signs in: a citizen, a business or an officer.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = string.Empty;
    public AccountType AccountType { get; set; }

    /// <summary>Citizens: the 12-digit personal identification number.</summary>
    public string? IdentityNumber { get; set; }

    /// <summary>Businesses: the tax code.</summary>
    public string? TaxCode { get; set; }

    /// <summary>Businesses: the legal representative.</summary>
    public string? Representative { get; set; }

    public string? Address { get; set; }

    /// <summary>Citizens: the date of birth, as on the identity card.</summary>
    public DateOnly? BirthDate { get; set; }

    /// <summary>Citizens: the person's id at the national identity provider, once they signed in through it (the account is linked).</summary>
    public string? NationalIdentitySubject { get; set; }

    /// <summary>When the account was first linked to the national identity.</summary>
    public DateTimeOffset? NationalIdentityLinkedAt { get; set; }

    /// <summary>Officers: the unit whose sub-tree their roles cover.</summary>
    public int? UnitId { get; set; }
}
