using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Common.Text;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Identity.PasswordReset;

namespace MotCua.Web.Modules.Identity.Pages;

/// <summary>"Quên mật khẩu": asks for a code; the answer is the same whether or not the account exists.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ForgotPasswordModel(PasswordResets resets) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Nhập tên đăng nhập hoặc số định danh cá nhân.")]
    [StringLength(TextLimits.UserName, ErrorMessage = "Tên đăng nhập dài quá 100 ký tự.")]
    public string? UserName { get; set; }

    /// <summary>"email" (default) or "sms": where the code goes.</summary>
    [BindProperty]
    public string? Channel { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await resets.RequestAsync(UserName!, Channel == Public.CodeChannels.Sms ? Public.CodeChannels.Sms : Public.CodeChannels.Email, cancellationToken);
        return Redirect($"/quen-mat-khau/dat-lai?ten={Uri.EscapeDataString(UserName!.Trim())}&gui=1");
    }
}

/// <summary>Sets a new password with the code from the e-mail.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ResetPasswordModel(PasswordResets resets) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ten")]
    [Required(ErrorMessage = "Nhập tên đăng nhập hoặc số định danh cá nhân.")]
    [StringLength(TextLimits.UserName, ErrorMessage = "Tên đăng nhập dài quá 100 ký tự.")]
    public string? UserName { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Nhập mã xác nhận gồm 6 chữ số.")]
    [RegularExpression("^\\s*[0-9]{6}\\s*$", ErrorMessage = "Mã xác nhận gồm 6 chữ số.")]
    public string? Code { get; set; }

    [BindProperty, Required(ErrorMessage = "Nhập mật khẩu mới."), StringLength(256, ErrorMessage = "Mật khẩu dài quá 256 ký tự.")]
    public string? NewPassword { get; set; }

    [BindProperty, Compare(nameof(NewPassword), ErrorMessage = "Hai lần nhập mật khẩu mới không giống nhau.")]
    public string? ConfirmPassword { get; set; }

    public bool JustSent { get; private set; }

    public void OnGet(string? gui)
    {
        ModelState.Clear();
        JustSent = gui == "1";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var errors = await resets.ResetAsync(UserName!, Code!, NewPassword!, cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(field, message);
            }

            return Page();
        }

        return Redirect("/dang-nhap?doi-mat-khau=1");
    }
}
