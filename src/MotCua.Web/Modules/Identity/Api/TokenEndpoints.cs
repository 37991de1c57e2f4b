using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Text;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Identity.SignIn;

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
        api.MapPost("/auth/logout", Revoke)
            .WithName("RevokeToken")
            .WithSummary("Đăng xuất: mã truy cập đang dùng hết hiệu lực ngay")
            .RequireAuthorization(IdentityModule.ApiPolicy);
        api.MapGet("/me", Me)
            .WithName("GetMe")
            .WithSummary("Tài khoản đang đăng nhập")
            .RequireAuthorization(IdentityModule.ApiPolicy);
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest request,
        HttpContext http,
        PasswordSignIn passwords,
        AccountLifecycle accounts,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var userNameProblem = string.IsNullOrWhiteSpace(request.UserName) ? "Nhập tên đăng nhập." : TextRules.Problem(request.UserName, TextLimits.UserName);
        var passwordProblem = string.IsNullOrEmpty(request.Password) ? "Nhập mật khẩu." : TextRules.Problem(request.Password, PasswordMaxLength);
        if (userNameProblem is not null || passwordProblem is not null)
        {
            return Problems.Validation("Nhập tên đăng nhập và mật khẩu.", ("userName", userNameProblem), ("password", passwordProblem));
        }

        var outcome = await passwords.SignInAsync(request.UserName!, request.Password!, ClientAddress(http), cancellationToken);
        if (!outcome.Succeeded)
        {
            if (outcome.RetryAfterSeconds is int seconds)
            {
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Problems.Unauthorized(outcome.Message!);
        }

        var options = bearerOptions.Get(IdentityConstants.BearerScheme);
        var principal = await accounts.ApiPrincipalAsync(outcome.User!, options.BearerTokenExpiration, cancellationToken);
        var expiresAt = time.GetUtcNow().Add(options.BearerTokenExpiration);
        var ticket = new AuthenticationTicket(
            principal,
            new AuthenticationProperties { ExpiresUtc = expiresAt, IssuedUtc = time.GetUtcNow() },
            IdentityConstants.BearerScheme);
        return TypedResults.Ok(new TokenResponse(options.BearerTokenProtector.Protect(ticket), expiresAt));
    }

    /// <summary>Ends the token's session: the same token is refused from now on.</summary>
    private static async Task<NoContent> Revoke(ClaimsPrincipal user, AccountLifecycle accounts, CancellationToken cancellationToken)
    {
        await accounts.SignOutApiAsync(user, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A password longer than this is not one a person typed (and hashing it would cost for nothing).</summary>
    public const int PasswordMaxLength = 256;

    public static string ClientAddress(HttpContext http) => http?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

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
