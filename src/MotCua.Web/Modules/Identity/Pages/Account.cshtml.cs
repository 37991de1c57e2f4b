using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Identity.Accounts;

namespace MotCua.Web.Modules.Identity.Pages;

[Authorize]
public sealed class AccountModel(UserManager<AppUser> users, MotCuaDbContext db) : PageModel
{
    public AppUser Account { get; private set; } = null!;
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public string? UnitName { get; private set; }
    public bool JustRegistered { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? moi)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Account = user;
        Roles = (await users.GetRolesAsync(user)).ToList();
        UnitName = user.UnitId is int unitId ? await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync() : null;
        JustRegistered = moi == "1";
        return Page();
    }
}
