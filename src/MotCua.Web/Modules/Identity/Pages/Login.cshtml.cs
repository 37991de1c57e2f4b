using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Common.Text;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Identity.Api;
using MotCua.Web.Modules.Identity.SignIn;
using MotCua.Web.Modules.Identity.Accounts;

namespace MotCua.Web.Modules.Identity.Pages;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(
    PasswordSignIn passwords, AccountLifecycle accounts, Microsoft.AspNetCore.Identity.UserManager<AppUser> users,
    Microsoft.Extensions.Options.IOptions<SingleSignOn.NationalIdentityOptions> nationalIdentity) : PageModel
{
    /// <summary>Sign-in with the national identity is offered.</summary>
    public bool NationalIdentity => nationalIdentity.Value.Enabled;

    /// <summary>Why the last sign-in through the national identity did not go through, in words; null when it did not fail.</summary>
    public string? NationalIdentityProblem => Request.Query["vneid"].ToString() switch
    {
        "" => null,
        SingleSignOn.NationalSignIn.Officer => "Tài khoản cán bộ đăng nhập bằng tên đăng nhập và mật khẩu, không dùng VNeID.",
        SingleSignOn.NationalSignIn.Mismatch => "Số định danh trên VNeID không khớp với tài khoản đã liên kết. Vui lòng liên hệ bộ phận một cửa.",
        SingleSignOn.NationalSignIn.Incomplete => "VNeID không gửi đủ thông tin (họ tên, số định danh cá nhân). Vui lòng thử lại.",
        _ => "Chưa đăng nhập được bằng VNeID (đã hủy hoặc hệ thống định danh không trả lời). Vui lòng thử lại.",
    };

    [BindProperty]
    [Required(ErrorMessage = "Nhập tên đăng nhập hoặc số định danh cá nhân.")]
    [StringLength(TextLimits.UserName, ErrorMessage = "Tên đăng nhập dài quá 100 ký tự.")]
    public string? UserName { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Nhập mật khẩu.")]
    [StringLength(TokenEndpoints.PasswordMaxLength, ErrorMessage = "Mật khẩu dài quá 256 ký tự.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await passwords.SignInAsync(UserName!, Password!, TokenEndpoints.ClientAddress(HttpContext), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError(nameof(Password), outcome.Message!);
            return Page();
        }

        await accounts.SignInPageAsync(outcome.User!, cancellationToken);
        if (Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl!);
        }

        // Officers who process applications start the day at their inbox; everyone else at their account.
        var roles = await users.GetRolesAsync(outcome.User!);
        return LocalRedirect(roles.Any(r => r is Public.Roles.Reception or Public.Roles.Specialist or Public.Roles.Leader) ? "/can-bo/ho-so" : "/tai-khoan");
    }
}
