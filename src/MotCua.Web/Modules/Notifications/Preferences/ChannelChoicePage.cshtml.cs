using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Notifications.Preferences;

/// <summary>"Nhận thông báo": the channels an account holder wants besides the portal inbox, and which addresses are confirmed.</summary>
[Authorize]
public sealed class ChannelChoicePageModel(ChannelChoices choices, AccountDirectory accounts) : PageModel
{
    public AccountContact? Contact { get; private set; }

    [BindProperty] public bool Email { get; set; }

    [BindProperty] public bool Sms { get; set; }

    [BindProperty] public bool Zalo { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "xac-nhan")] string? confirmed, bool luu, CancellationToken cancellationToken)
    {
        if (accounts.UserId(User) is not Guid id)
        {
            return Challenge();
        }

        var choice = await choices.ForAsync(id, cancellationToken);
        (Email, Sms, Zalo) = (choice.Email, choice.Sms, choice.Zalo);
        Contact = (await accounts.ContactsAsync([id], cancellationToken)).GetValueOrDefault(id);
        Message = luu ? "Đã lưu cách nhận thông báo."
            : confirmed == "thu-dien-tu" ? "Đã xác nhận thư điện tử."
            : confirmed == "so-dien-thoai" ? "Đã xác nhận số điện thoại."
            : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (accounts.UserId(User) is not Guid id)
        {
            return Challenge();
        }

        await choices.SaveAsync(id, Email, Sms, Zalo, cancellationToken);
        return Redirect("/tai-khoan/nhan-thong-bao?luu=true");
    }
}
