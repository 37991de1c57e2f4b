using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Modules.Identity.Accounts;

namespace MotCua.Web.Modules.Identity.Pages;

/// <summary>Signing out is a POST (with the anti-forgery token), so a link on another site cannot sign anyone out.</summary>
public sealed class LogoutModel(AccountLifecycle accounts) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await accounts.SignOutPageAsync(User, cancellationToken);
        return LocalRedirect("/");
    }
}
