using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Notifications.Log;

namespace MotCua.Web.Modules.Notifications.Pages;

/// <summary>The SMS and Zalo messages MotCua would have sent, on an instance without gateways (the embedded default): the latest 100.</summary>
[Authorize(Roles = Roles.ProvinceAdmin)]
public sealed class MessageLogModel(MotCuaDbContext db) : PageModel
{
    public IReadOnlyList<MessageLogEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await db.Set<MessageLogEntry>().AsNoTracking().OrderByDescending(e => e.Id).Take(100).ToListAsync(cancellationToken);
}
