using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Notifications.Sms;

namespace MotCua.Web.Modules.Notifications.Pages;

/// <summary>The SMS MotCua would have sent, on an instance without a gateway (the embedded default): the latest 100.</summary>
[Authorize(Roles = Roles.ProvinceAdmin)]
public sealed class SmsLogModel(MotCuaDbContext db) : PageModel
{
    public IReadOnlyList<SmsLogEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await db.Set<SmsLogEntry>().AsNoTracking().OrderByDescending(e => e.Id).Take(100).ToListAsync(cancellationToken);
}
