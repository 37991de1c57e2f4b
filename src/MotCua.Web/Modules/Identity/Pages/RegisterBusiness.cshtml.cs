using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Common.Text;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Identity.Pages;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class RegisterBusinessModel(Registration registration) : PageModel
{
    /// <summary>Where the person was going (the e-form of a procedure) before registering.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty, Required(ErrorMessage = "Nhập tên doanh nghiệp."), StringLength(200, ErrorMessage = "Tên doanh nghiệp dài quá 200 ký tự.")]
    public string? CompanyName { get; set; }

    [BindProperty, Required(ErrorMessage = "Nhập mã số doanh nghiệp gồm 10 chữ số.")]
    public string? TaxCode { get; set; }

    [BindProperty, Required(ErrorMessage = "Nhập họ tên người đại diện theo pháp luật."), StringLength(200, ErrorMessage = "Họ tên dài quá 200 ký tự.")]
    public string? Representative { get; set; }

    [BindProperty, Required(ErrorMessage = "Nhập số điện thoại liên hệ.")]
    public string? Phone { get; set; }

    [BindProperty, Required(ErrorMessage = "Nhập thư điện tử của doanh nghiệp."), EmailAddress(ErrorMessage = "Thư điện tử không đúng dạng, ví dụ ten@example.com."), StringLength(TextLimits.Email, ErrorMessage = "Thư điện tử dài quá 200 ký tự.")]
    public string? Email { get; set; }

    [BindProperty, Required(ErrorMessage = "Nhập mật khẩu."), StringLength(256, ErrorMessage = "Mật khẩu dài quá 256 ký tự.")]
    public string? Password { get; set; }

    [BindProperty, Compare(nameof(Password), ErrorMessage = "Hai lần nhập mật khẩu không giống nhau.")]
    public string? ConfirmPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (TaxCode is not null && !ApplicantNumbers.IsTaxCode(TaxCode.Trim()))
        {
            ModelState.AddModelError(nameof(TaxCode), "Mã số doanh nghiệp gồm 10 chữ số, hoặc 10 chữ số, dấu gạch và 3 chữ số với chi nhánh.");
        }

        if (Phone is not null && !ApplicantNumbers.IsPhoneNumber(Phone))
        {
            ModelState.AddModelError(nameof(Phone), "Nhập số điện thoại gồm 10 chữ số, bắt đầu bằng số 0.");
        }

        await registration.CheckPasswordAsync(this, nameof(Password), Password);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await registration.RegisterBusinessAsync(CompanyName!.Trim(), TaxCode!.Trim(), Representative!.Trim(), Phone!, Email!, Password!);
        return await registration.CompleteAsync(this, result, nameof(TaxCode), ReturnUrl);
    }
}
