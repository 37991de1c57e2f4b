using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Identity.Pages;

[Authorize]
public sealed class AccountModel(UserManager<AppUser> users, CatalogDirectory catalog) : PageModel
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
        UnitName = user.UnitId is int unitId ? (await catalog.UnitAsync(unitId, HttpContext.RequestAborted))?.Name : null;
        JustRegistered = moi == "1";
        return Page();
    }
}
