using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Identity.Accounts;

namespace MotCua.Web.Modules.Identity.Api;

public sealed record TokenRequest([property: Required] string? UserName, [property: Required] string? Password);

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

public sealed record MeResponse(string UserName, string FullName, IReadOnlyList<string> Roles, int? UnitId);

internal static class TokenEndpoints
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueToken)
            .WithName("IssueToken")
            .WithSummary("Đăng nhập bằng tên và mật khẩu, nhận mã truy cập (bearer)")
            .RequireRateLimiting(RateLimits.SignIn)
            .AllowAnonymous();
        api.MapGet("/me", Me)
            .WithName("GetMe")
            .WithSummary("Tài khoản đang đăng nhập")
            .RequireAuthorization(IdentityModule.ApiPolicy);
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request,
        UserManager<AppUser> users,
        SignInManager<AppUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return Problems.Validation("Nhập tên đăng nhập và mật khẩu.",
                ("userName", string.IsNullOrWhiteSpace(request.UserName) ? "Nhập tên đăng nhập." : null),
                ("password", string.IsNullOrEmpty(request.Password) ? "Nhập mật khẩu." : null));
        }

        var user = await users.FindByNameAsync(request.UserName.Trim());
        if (user is null)
        {
            return Problems.Unauthorized("Tên đăng nhập hoặc mật khẩu không đúng.");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Problems.Unauthorized("Tài khoản đang tạm khóa vì nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau 15 phút.");
        }

        if (!result.Succeeded)
        {
            return Problems.Unauthorized("Tên đăng nhập hoặc mật khẩu không đúng.");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var options = bearerOptions.Get(IdentityConstants.BearerScheme);
        var expiresAt = time.GetUtcNow().Add(options.BearerTokenExpiration);
        var ticket = new AuthenticationTicket(
            principal,
            new AuthenticationProperties { ExpiresUtc = expiresAt, IssuedUtc = time.GetUtcNow() },
            IdentityConstants.BearerScheme);
        return TypedResults.Ok(new TokenResponse(options.BearerTokenProtector.Protect(ticket), expiresAt));
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> Me(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return Problems.Unauthorized("Tài khoản không còn tồn tại.");
        }

        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeResponse(user.UserName!, user.FullName, roles.Order(StringComparer.Ordinal).ToList(), user.UnitId));
    }
}
