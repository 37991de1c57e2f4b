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
public sealed class RegisterModel(Registration registration, NodaTime.IClock clock) : PageModel
{
    /// <summary>Where the person was going (the e-form of a procedure) before registering.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty, Required(ErrorMessage = "Nhập họ và tên."), StringLength(200, ErrorMessage = "Họ và tên dài quá 200 ký tự.")]
    public string? FullName { get; set; }

    [BindProperty, Required(ErrorMessage = "Nhập số định danh cá nhân gồm 12 chữ số.")]
    public string? IdentityNumber { get; set; }

    [BindProperty, Required(ErrorMessage = "Nhập ngày sinh, ví dụ 15/03/1990.")]
    public string? BirthDate { get; set; }

    [BindProperty, Required(ErrorMessage = "Nhập số điện thoại di động.")]
    public string? Phone { get; set; }

    [BindProperty, EmailAddress(ErrorMessage = "Thư điện tử không đúng dạng, ví dụ ten@example.com."), StringLength(TextLimits.Email, ErrorMessage = "Thư điện tử dài quá 200 ký tự.")]
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
        DateOnly? born = null;
        if (!string.IsNullOrWhiteSpace(BirthDate))
        {
            var today = DateOnly.FromDateTime(clock.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date.ToDateTimeUnspecified());
            if (!DateOnly.TryParseExact(BirthDate.Trim(), ["d/M/yyyy", "yyyy-MM-dd"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
            {
                ModelState.AddModelError(nameof(BirthDate), "Ngày sinh không đúng. Nhập theo dạng ngày/tháng/năm, ví dụ 15/03/1990.");
            }
            else if (parsed > today)
            {
                ModelState.AddModelError(nameof(BirthDate), "Ngày sinh không thể sau hôm nay.");
            }
            else if (parsed.Year < 1900)
            {
                ModelState.AddModelError(nameof(BirthDate), "Ngày sinh phải từ năm 1900 trở đi.");
            }
            else
            {
                born = parsed;
            }
        }

        if (IdentityNumber is not null && ApplicantNumbers.IdentityNumberProblem(IdentityNumber.Trim(), born) is { } numberProblem)
        {
            ModelState.AddModelError(nameof(IdentityNumber), numberProblem);
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

        var result = await registration.RegisterCitizenAsync(TextRules.Normalize(FullName)!, IdentityNumber!.Trim(), born, Phone!, Email, Password!);
        return await registration.CompleteAsync(this, result, nameof(IdentityNumber), ReturnUrl);
    }
}
