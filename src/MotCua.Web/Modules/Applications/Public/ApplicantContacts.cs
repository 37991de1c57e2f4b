using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Domain;

namespace MotCua.Web.Modules.Applications.Public;

/// <summary>How to reach an application's applicant now (the address the application holds), for the channels that send.</summary>
public sealed record ApplicantContact(string Name, string? Email, string? Phone);

/// <summary>The applications module's public answer to "whom do I write to about application X".</summary>
public sealed class ApplicantContacts(MotCuaDbContext db)
{
    /// <summary>The contacts of many applications in one read, by code (codes not found are left out).</summary>
    public async Task<IReadOnlyDictionary<string, ApplicantContact>> ForAsync(IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var list = codes.Distinct().ToList();
        return list.Count == 0 ? new Dictionary<string, ApplicantContact>()
            : await db.Set<Application>().AsNoTracking().Where(a => list.Contains(a.Code))
                .Select(a => new { a.Code, Contact = new ApplicantContact(a.ApplicantName, a.ApplicantEmail, a.ApplicantPhone) })
                .ToDictionaryAsync(a => a.Code, a => a.Contact, StringComparer.Ordinal, cancellationToken);
    }
}
