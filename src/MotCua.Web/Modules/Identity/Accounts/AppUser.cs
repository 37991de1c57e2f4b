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

    /// <summary>Officers: the unit whose sub-tree their roles cover.</summary>
    public int? UnitId { get; set; }
}
