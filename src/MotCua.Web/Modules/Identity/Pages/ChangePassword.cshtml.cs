using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Modules.Identity.Accounts;

namespace MotCua.Web.Modules.Identity.Pages;

/// <summary>Changing the password signs out every other browser and app of the account; this one stays signed in.</summary>
[Authorize]
public sealed class ChangePasswordModel(UserManager<AppUser> users, AccountLifecycle accounts) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Nhập mật khẩu đang dùng."), StringLength(256, ErrorMessage = "Mật khẩu dài quá 256 ký tự.")]
    public string? CurrentPassword { get; set; }

    [BindProperty, Required(ErrorMessage = "Nhập mật khẩu mới."), StringLength(256, ErrorMessage = "Mật khẩu dài quá 256 ký tự.")]
    public string? NewPassword { get; set; }

    [BindProperty, Compare(nameof(NewPassword), ErrorMessage = "Hai lần nhập mật khẩu mới không giống nhau.")]
    public string? ConfirmPassword { get; set; }

    public bool Changed { get; private set; }

    public void OnGet(string? xong) => Changed = xong == "1";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await accounts.ChangePasswordAsync(User, user, CurrentPassword!, NewPassword!, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(CurrentPassword) : nameof(NewPassword),
                    error.Code == "PasswordMismatch" ? "Mật khẩu đang dùng không đúng." : error.Description);
            }

            return Page();
        }

        return RedirectToPage(null, new { xong = "1" });
    }
}
