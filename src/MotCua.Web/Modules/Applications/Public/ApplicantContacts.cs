using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Domain;

namespace MotCua.Web.Modules.Applications.Public;

/// <summary>How to reach an application's applicant now (the address the application holds), for the channels that send.</summary>
public sealed record ApplicantContact(string Name, string? Email, string? Phone);

/// <summary>The applications module's public answer to "whom do I write to about application X".</summary>
public sealed class ApplicantContacts(MotCuaDbContext db)
{
    public async Task<ApplicantContact?> ForAsync(string code, CancellationToken cancellationToken) =>
        await db.Set<Application>().AsNoTracking().Where(a => a.Code == code)
            .Select(a => new ApplicantContact(a.ApplicantName, a.ApplicantEmail, a.ApplicantPhone))
            .SingleOrDefaultAsync(cancellationToken);
}
