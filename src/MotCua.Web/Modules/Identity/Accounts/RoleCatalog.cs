using Microsoft.AspNetCore.Identity;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Identity.Accounts;

/// <summary>Every database has the roles of <see cref="Roles.All"/>, demo or not.</summary>
internal sealed class RoleCatalog(RoleManager<IdentityRole<Guid>> roles) : IDatabaseSeeder
{
    public int Order => 0;

    public bool DemoOnly => false;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole<Guid>(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
                }
            }
        }
    }
}
