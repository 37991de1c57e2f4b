using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Identity.Api;
using MotCua.Web.Modules.Identity.Sessions;
using MotCua.Web.Modules.Identity.SignIn;

namespace MotCua.Web.Modules.Identity;

public static class IdentityModule
{
    /// <summary>API endpoints authenticate with bearer tokens only, so no cookie can be used against them (no CSRF).</summary>
    public const string ApiPolicy = "Api";

    public static WebApplicationBuilder AddIdentityModule(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services
            .AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                // ASVS 2.1: length over composition, but the province's rules ask for both.
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                // Wrong passwords never lock an account (a stranger could lock anyone out): SignInThrottle slows them
                // down per user name and address. A lockout is an administrator's decision (AccountLifecycle.LockAsync).
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddEntityFrameworkStores<MotCuaDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/dang-nhap";
            options.LogoutPath = "/dang-xuat";
            options.AccessDeniedPath = "/loi/403";
            options.Cookie.Name = "motcua.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SessionCheck.ValidateCookieAsync;
        });

        // The periodic re-check of the cookie rebuilds its principal: keep the session it names.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.FindFirst(AccountSessions.SessionClaim) is { } sid && context.NewPrincipal?.Identity is ClaimsIdentity identity)
            {
                identity.AddClaim(new Claim(sid.Type, sid.Value));
                if (Public.IdentityLevel.IsVerified(context.CurrentPrincipal))
                {
                    identity.AddClaim(new Claim(Public.IdentityLevel.Claim, Public.IdentityLevel.Verified));
                }
            }

            return Task.CompletedTask;
        });

        builder.Services.AddAuthentication()
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
            {
                options.BearerTokenExpiration = TokenEndpoints.Lifetime;
                options.Events.OnMessageReceived = SessionCheck.CheckBearerAsync;
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, Systems.SystemKeyHandler>(Systems.SystemKeyHandler.SchemeName, null);
        builder.Services.AddOptions<Systems.SystemsOptions>().BindConfiguration(Systems.SystemsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireAuthenticatedUser())
            .AddPolicy(Public.SystemCaller.Policy, policy => policy
                .AddAuthenticationSchemes(Systems.SystemKeyHandler.SchemeName)
                .RequireClaim(Public.SystemCaller.IdClaim))
            .AddPolicy(Common.Web.AccessPolicies.ProvinceAdminPages, policy => policy.RequireRole(Public.Roles.ProvinceAdmin))
            .AddPolicy(Common.Web.AccessPolicies.ProvinceAdminApi, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireRole(Public.Roles.ProvinceAdmin));

        AddNationalIdentity(builder);
        builder.Services.AddScoped<IDatabaseSeeder, RoleCatalog>();
        builder.Services.AddScoped<IDatabaseSeeder, DemoAccounts>();
        builder.Services.AddScoped<Registration>();
        builder.Services.AddScoped<Public.AccountDirectory>();
        builder.Services.AddScoped<AccountSessions>();
        builder.Services.AddSingleton<AccountChanges>();
        builder.Services.AddScoped<SignInThrottle>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddScoped<AccountLifecycle>();
        builder.Services.AddScoped<PasswordReset.PasswordResets>();
        builder.Services.AddSingleton<Common.Outbox.IOutboxSource, PasswordReset.ResetCodeOutboxSource>();
        builder.Services.AddScoped<Contacts.ContactConfirmation>();
        builder.Services.AddScoped<Officers.OfficerAdmin>();
        builder.Services.AddScoped<Catalog.Public.IUnitTreeListener, Officers.OfficersFollowTheTree>();
        builder.Services.AddSingleton<Common.Outbox.IOutboxSource, Contacts.ContactCodeOutboxSource>();
        return builder;
    }

    public static WebApplication MapIdentity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1").WithTags("Tài khoản");
        TokenEndpoints.Map(api);
        Officers.OfficerEndpoints.Map(api);
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SingleSignOn.NationalIdentityOptions>>().Value.Enabled)
        {
            SingleSignOn.NationalIdentityEndpoints.Map(app);
        }

        if (app.Services.GetService<MotCua.Simulators.Identity.IdentityProviderSimulator>() is { } provider)
        {
            provider.Map(app, SingleSignOn.NationalIdentityOptions.SimulatorPath);
        }
        return app;
    }

    /// <summary>
    /// Sign-in with the national identity (VNeID) by OpenID Connect: authorization code with PKCE, the code answered in
    /// the query, the ID token checked against the provider's keys, its claims kept as the provider names them. The
    /// correlation and nonce cookies are Lax, so they come back on the top-level redirect from the provider.
    /// </summary>
    private static void AddNationalIdentity(WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SingleSignOn.NationalIdentityOptions>().BindConfiguration(SingleSignOn.NationalIdentityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<SingleSignOn.NationalSignIn>();
        var options = builder.Configuration.GetSection(SingleSignOn.NationalIdentityOptions.Section).Get<SingleSignOn.NationalIdentityOptions>() ?? new();
        if (options.Simulator)
        {
            builder.Services.AddSingleton(services =>
            {
                var o = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SingleSignOn.NationalIdentityOptions>>().Value;
                return new MotCua.Simulators.Identity.IdentityProviderSimulator(o.ClientId!, o.ClientSecret!);
            });
        }

        if (!options.Enabled)
        {
            return;
        }

        builder.Services.AddAuthentication().AddOpenIdConnect(SingleSignOn.NationalIdentityOptions.Scheme, "VNeID", _ => { });
        builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>(SingleSignOn.NationalIdentityOptions.Scheme)
            .Configure<Microsoft.Extensions.Options.IOptions<SingleSignOn.NationalIdentityOptions>, Microsoft.Extensions.Options.IOptions<Common.Web.PortalOptions>>((o, idp, portal) =>
            {
                var authority = Common.Web.PortalOptions.Address(portal.Value.BaseUri, idp.Value.Authority!);
                o.Authority = authority.AbsoluteUri.TrimEnd('/');
                o.RequireHttpsMetadata = authority.Scheme == Uri.UriSchemeHttps;
                o.ClientId = idp.Value.ClientId;
                o.ClientSecret = idp.Value.ClientSecret;
                o.ResponseType = Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectResponseType.Code;
                o.ResponseMode = Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                o.Scope.Add("phone");
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.CallbackPath = SingleSignOn.NationalIdentityEndpoints.Callback;
                o.MapInboundClaims = false;
                // The handler drops "acr" by default; it says the sign-in is at level 2, which the session keeps.
                o.ClaimActions.Remove("acr");
                o.GetClaimsFromUserInfoEndpoint = false;
                o.SaveTokens = false;
                o.TokenValidationParameters.NameClaimType = "name";
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect("/dang-nhap?vneid=that-bai");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
    }
}
