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
public sealed class LoginModel(PasswordSignIn passwords, AccountLifecycle accounts, Microsoft.AspNetCore.Identity.UserManager<AppUser> users) : PageModel
{
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
