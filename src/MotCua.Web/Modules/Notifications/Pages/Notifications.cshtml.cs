using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Modules.Notifications.Public;

namespace MotCua.Web.Modules.Notifications.Pages;

[Authorize]
public sealed class NotificationsModel(PortalInbox inbox) : PageModel
{
    public NotificationList List { get; private set; } = new([], 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await inbox.ListAsync(User, 1, cancellationToken) is not { } list)
        {
            return Challenge();
        }

        List = list;
        return Page();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await inbox.MarkReadAsync(User, null, cancellationToken);
        return RedirectToPage();
    }
}
