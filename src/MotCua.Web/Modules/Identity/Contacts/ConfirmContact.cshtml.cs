using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Identity.Contacts;

/// <summary>"/tai-khoan/xac-nhan/thu-dien-tu" or ".../so-dien-thoai": send a code there, then type it in.</summary>
[Authorize]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ConfirmContactModel(UserManager<AppUser> users, ContactConfirmation confirmation) : PageModel
{
    public const string EmailSlug = "thu-dien-tu";
    public const string PhoneSlug = "so-dien-thoai";

    public string Channel { get; private set; } = CodeChannels.Email;

    public string? Target { get; private set; }

    public bool Confirmed { get; private set; }

    public bool Sent { get; private set; }

    [BindProperty] public string? Code { get; set; }

    public bool BySms => Channel == CodeChannels.Sms;

    public async Task<IActionResult> OnGetAsync(string kenh, bool gui = false)
    {
        if (await LoadAsync(kenh) is not { } _)
        {
            return NotFound();
        }

        Sent = gui;
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(string kenh, CancellationToken cancellationToken)
    {
        if (await LoadAsync(kenh) is not { } user)
        {
            return NotFound();
        }

        if (Confirmed)
        {
            return Page();
        }

        if (await confirmation.SendAsync(user, Channel, cancellationToken) is { } why)
        {
            ModelState.AddModelError(string.Empty, why);
            return Page();
        }

        return Redirect($"/tai-khoan/xac-nhan/{kenh}?gui=true");
    }

    public async Task<IActionResult> OnPostConfirmAsync(string kenh, CancellationToken cancellationToken)
    {
        if (await LoadAsync(kenh) is not { } user)
        {
            return NotFound();
        }

        Sent = true;
        if (await confirmation.ConfirmAsync(user, Channel, Code, cancellationToken) is { } why)
        {
            ModelState.AddModelError(nameof(Code), why);
            return Page();
        }

        return Redirect("/tai-khoan/nhan-thong-bao?xac-nhan=" + kenh);
    }

    private async Task<AppUser?> LoadAsync(string kenh)
    {
        Channel = kenh switch
        {
            EmailSlug => CodeChannels.Email,
            PhoneSlug => CodeChannels.Sms,
            _ => string.Empty,
        };
        var user = Channel.Length == 0 ? null : await users.GetUserAsync(User);
        if (user is not null)
        {
            (Target, Confirmed) = ContactConfirmation.TargetOf(user, Channel);
        }

        return user;
    }
}
