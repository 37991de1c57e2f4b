using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Identity.Domain;

namespace MotCua.Web.Modules.Identity.Pages;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class RegisterModel(Registration registration) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Nhập họ và tên."), StringLength(200, ErrorMessage = "Họ và tên dài quá 200 ký tự.")]
    public string? FullName { get; set; }

    [BindProperty, Required(ErrorMessage = "Nhập số định danh cá nhân gồm 12 chữ số.")]
    public string? IdentityNumber { get; set; }

    [BindProperty, Required(ErrorMessage = "Nhập số điện thoại di động.")]
    public string? Phone { get; set; }

    [BindProperty, EmailAddress(ErrorMessage = "Thư điện tử không đúng dạng, ví dụ ten@example.com.")]
    public string? Email { get; set; }

    [BindProperty, Required(ErrorMessage = "Nhập mật khẩu.")]
    public string? Password { get; set; }

    [BindProperty, Compare(nameof(Password), ErrorMessage = "Hai lần nhập mật khẩu không giống nhau.")]
    public string? ConfirmPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (IdentityNumber is not null && !ApplicantNumbers.IsIdentityNumber(IdentityNumber.Trim()))
        {
            ModelState.AddModelError(nameof(IdentityNumber), "Nhập số định danh cá nhân gồm 12 chữ số.");
        }

        if (Phone is not null && !ApplicantNumbers.IsPhoneNumber(Phone))
        {
            ModelState.AddModelError(nameof(Phone), "Nhập số điện thoại gồm 10 chữ số, bắt đầu bằng số 0.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await registration.RegisterCitizenAsync(FullName!.Trim(), IdentityNumber!.Trim(), Phone!, Email, Password!);
        return await registration.CompleteAsync(this, result, nameof(IdentityNumber));
    }
}
