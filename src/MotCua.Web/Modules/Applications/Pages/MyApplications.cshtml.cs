using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Applications.Pages;

[Authorize]
public sealed class MyApplicationsModel(MotCuaDbContext db, AccountDirectory accounts) : PageModel
{
    public IReadOnlyList<Application> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var id = accounts.UserId(User);
        Items = await db.Set<Application>().AsNoTracking().Where(a => a.ApplicantId == id)
            .OrderByDescending(a => a.Id).Take(200).ToListAsync(cancellationToken);
    }
}
