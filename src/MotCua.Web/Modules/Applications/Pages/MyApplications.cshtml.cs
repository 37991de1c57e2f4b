using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Identity.Accounts;

namespace MotCua.Web.Modules.Applications.Pages;

[Authorize]
public sealed class MyApplicationsModel(MotCuaDbContext db, UserManager<AppUser> users) : PageModel
{
    public IReadOnlyList<Application> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var id = (await users.GetUserAsync(User))!.Id;
        Items = await db.Set<Application>().AsNoTracking().Where(a => a.ApplicantId == id)
            .OrderByDescending(a => a.Id).Take(200).ToListAsync(cancellationToken);
    }
}
