using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MotCua.Simulators.Identity;

/// <summary>A person the simulated national identity knows, at level 2 (verified in person with their chip card).</summary>
public sealed record NationalPerson(string IdentityNumber, string FullName, string BirthDate, string Phone);

/// <summary>
/// The national identity provider (VNeID) as a relying party meets it, for the embedded default and the tests: an
/// OpenID Connect provider with discovery, the authorization code flow with PKCE (S256 only), RS256-signed ID tokens and
/// its keys. Its sign-in page lets one pick a known person, as the real one signs them in with the VNeID app. It holds
/// one client, checks the redirect address, the code verifier and each code's single use.
/// </summary>
public sealed class IdentityProviderSimulator
{
    /// <summary>The claim that carries the 12-digit personal identity number.</summary>
    public const string IdentityNumberClaim = "so_dinh_danh";

    /// <summary>The assurance level of every sign-in here: level 2, verified in person.</summary>
    public const string LevelTwo = "urn:vneid:loa:2";

    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly TimeProvider _time;
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NationalPerson> _people = new(StringComparer.Ordinal);

    private sealed record Grant(NationalPerson Person, string RedirectUri, string Challenge, string? Nonce, string Issuer, DateTimeOffset Expires);

    public IdentityProviderSimulator(string clientId, string clientSecret, TimeProvider? time = null)
    {
        _clientId = clientId;
        _clientSecret = clientSecret;
        _time = time ?? TimeProvider.System;
        _key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) };
        Add(new NationalPerson("001090000001", "Nguyễn Văn An", "1990-03-15", "0912000001"));
        Add(new NationalPerson("001190000002", "Trần Thị Bình", "1990-07-02", "0912000002"));
        Add(new NationalPerson("001085000777", "Lê Văn Cường", "1985-11-20", "0912000777"));
    }

    public void Add(NationalPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        _people[person.IdentityNumber] = person;
    }

    public void Map(IEndpointRouteBuilder routes, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet(prefix + "/.well-known/openid-configuration", (HttpRequest r) => Results.Json(Discovery(Issuer(r, prefix)))).ExcludeFromDescription();
        routes.MapGet(prefix + "/jwks", () => Results.Json(new { keys = new[] { Jwk() } })).ExcludeFromDescription();
        routes.MapGet(prefix + "/authorize", (HttpRequest r) => Authorize(r, prefix)).ExcludeFromDescription();
        routes.MapPost(prefix + "/authorize", (HttpRequest r) => ChooseAsync(r, prefix)).ExcludeFromDescription().DisableAntiforgery();
        routes.MapPost(prefix + "/token", (HttpRequest r) => TokenAsync(r)).ExcludeFromDescription().DisableAntiforgery();
    }

    private static string Issuer(HttpRequest r, string prefix) => $"{r.Scheme}://{r.Host}{r.PathBase}{prefix}";

    private static object Discovery(string issuer) => new Dictionary<string, object>
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = issuer + "/authorize",
        ["token_endpoint"] = issuer + "/token",
        ["jwks_uri"] = issuer + "/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query" },
        ["grant_types_supported"] = new[] { "authorization_code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["scopes_supported"] = new[] { "openid", "profile", "phone" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        ["claims_supported"] = new[] { "sub", "name", "birthdate", "phone_number", IdentityNumberClaim, "acr" },
    };

    private object Jwk()
    {
        var p = _key.Rsa.ExportParameters(false);
        return new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) };
    }

    /// <summary>Why the authorization request is refused; null when it is sound.</summary>
    private string? Refusal(string? clientId, string? redirectUri, string? responseType, string? challenge, string? method) =>
        clientId != _clientId ? "Ứng dụng không được đăng ký (client_id)."
        : !Uri.TryCreate(redirectUri, UriKind.Absolute, out _) ? "Địa chỉ quay về (redirect_uri) không hợp lệ."
        : responseType != "code" ? "Chỉ hỗ trợ response_type=code."
        : string.IsNullOrEmpty(challenge) || method != "S256" ? "Thiếu PKCE: cần code_challenge với code_challenge_method=S256."
        : null;

    private IResult Authorize(HttpRequest r, string prefix)
    {
        var q = r.Query;
        if (Refusal(q["client_id"], q["redirect_uri"], q["response_type"], q["code_challenge"], q["code_challenge_method"]) is { } refused)
        {
            return Results.Content(Page("Không đăng nhập được", $"<p>{WebUtility.HtmlEncode(refused)}</p>"), "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var hidden = string.Concat(new[] { "client_id", "redirect_uri", "state", "nonce", "code_challenge", "code_challenge_method", "response_type" }
            .Select(k => $"<input type=\"hidden\" name=\"{k}\" value=\"{WebUtility.HtmlEncode(q[k].ToString())}\">"));
        var choices = string.Concat(_people.Values.OrderBy(p => p.IdentityNumber, StringComparer.Ordinal).Select(p =>
            $"<li><button type=\"submit\" name=\"so_dinh_danh\" value=\"{p.IdentityNumber}\">{WebUtility.HtmlEncode(p.FullName)} — {p.IdentityNumber}</button></li>"));
        var body = $"""
            <p>Môi trường thử nghiệm: chọn người đăng nhập (ứng dụng VNeID thật xác thực bằng căn cước gắn chip).</p>
            <form method="post" action="{WebUtility.HtmlEncode(r.PathBase + prefix)}/authorize">{hidden}<ul class="people">{choices}</ul></form>
            """;
        return Results.Content(Page("Đăng nhập bằng tài khoản định danh điện tử", body), "text/html; charset=utf-8");
    }

    private async Task<IResult> ChooseAsync(HttpRequest r, string prefix)
    {
        var f = await r.ReadFormAsync(r.HttpContext.RequestAborted);
        if (Refusal(f["client_id"], f["redirect_uri"], f["response_type"], f["code_challenge"], f["code_challenge_method"]) is { } refused
            || !_people.TryGetValue(f[IdentityNumberClaim].ToString(), out var person))
        {
            return Results.Content(Page("Không đăng nhập được", "<p>Yêu cầu không hợp lệ.</p>"), "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var nonce = f["nonce"].ToString();
        _codes[code] = new Grant(person, f["redirect_uri"]!, f["code_challenge"]!, nonce.Length == 0 ? null : nonce, Issuer(r, prefix), _time.GetUtcNow().AddMinutes(5));
        var separator = f["redirect_uri"].ToString().Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return Results.Redirect($"{f["redirect_uri"]}{separator}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(f["state"].ToString())}");
    }

    private async Task<IResult> TokenAsync(HttpRequest r)
    {
        var f = await r.ReadFormAsync(r.HttpContext.RequestAborted);
        var (clientId, secret) = (f["client_id"].ToString(), f["client_secret"].ToString());
        if (r.Headers.Authorization.ToString() is { Length: > 6 } basic && basic.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..].Trim())).Split(':', 2);
            (clientId, secret) = (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : string.Empty);
        }

        if (clientId != _clientId || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(_clientSecret)))
        {
            return Error("invalid_client", StatusCodes.Status401Unauthorized);
        }

        if (f["grant_type"] != "authorization_code" || !_codes.TryRemove(f["code"].ToString(), out var grant) || grant.Expires < _time.GetUtcNow()
            || grant.RedirectUri != f["redirect_uri"])
        {
            return Error("invalid_grant");
        }

        var verifier = f["code_verifier"].ToString();
        if (verifier.Length < 43 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge)
        {
            return Error("invalid_grant");
        }

        var now = _time.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["sub"] = Subject(grant.Person.IdentityNumber),
            ["name"] = grant.Person.FullName,
            [IdentityNumberClaim] = grant.Person.IdentityNumber,
            ["birthdate"] = grant.Person.BirthDate,
            ["phone_number"] = grant.Person.Phone,
            ["acr"] = LevelTwo,
        };
        if (grant.Nonce is { } nonce)
        {
            claims["nonce"] = nonce;
        }

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = grant.Issuer,
            Audience = _clientId,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddMinutes(10).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new { access_token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)), token_type = "Bearer", expires_in = 600, id_token = token });
    }

    /// <summary>The person's stable, opaque id at the provider (not their identity number).</summary>
    public static string Subject(string identityNumber) =>
        "vneid-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("vneid:" + identityNumber)))[..24];

    private static IResult Error(string error, int status = StatusCodes.Status400BadRequest) => Results.Json(new { error }, statusCode: status);

    private static string Page(string title, string body) => $$"""
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{WebUtility.HtmlEncode(title)}} – VNeID (mô phỏng)</title>
        <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}h1{color:#b71c1c;font-size:1.4rem}
        ul{list-style:none;padding:0}button{display:block;width:100%;margin:.5rem 0;padding:.9rem;font-size:1rem;border:1px solid #b71c1c;border-radius:.5rem;background:#fff;color:#b71c1c;cursor:pointer;text-align:left}
        button:hover,button:focus{background:#b71c1c;color:#fff}</style></head>
        <body><main><p><strong>VNeID</strong> · Hệ thống định danh và xác thực điện tử (mô phỏng)</p><h1>{{WebUtility.HtmlEncode(title)}}</h1>{{body}}</main></body></html>
        """;
}
