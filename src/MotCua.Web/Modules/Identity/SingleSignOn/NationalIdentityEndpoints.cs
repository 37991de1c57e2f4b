using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using MotCua.Web.Modules.Identity.Accounts;

namespace MotCua.Web.Modules.Identity.SingleSignOn;

/// <summary>
/// "/dang-nhap/vneid" sends the browser to the national identity provider (authorization code with PKCE); it comes
/// back through the OpenID Connect handler to "/dang-nhap/vneid/xong", which links or makes the account and opens a
/// page session that knows the identity is verified.
/// </summary>
internal static class NationalIdentityEndpoints
{
    public const string Start = "/dang-nhap/vneid";
    public const string Done = "/dang-nhap/vneid/xong";
    public const string Callback = "/dang-nhap/vneid/callback";

    public static void Map(WebApplication app)
    {
        app.MapGet(Start, (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = Done + (IsLocal(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl!) : string.Empty) },
            [NationalIdentityOptions.Scheme])).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(Done, CompleteAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> CompleteAsync(string? returnUrl, HttpContext context, NationalSignIn link, AccountLifecycle accounts, CancellationToken cancellationToken)
    {
        var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded)
        {
            return Results.Redirect("/dang-nhap?vneid=that-bai");
        }

        var linked = await link.LinkAsync(external.Principal!, cancellationToken);
        if (linked.User is null)
        {
            return Results.Redirect("/dang-nhap?vneid=" + linked.Problem);
        }

        await accounts.SignInPageAsync(linked.User, cancellationToken, linked.Verified);
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/tai-khoan");
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
