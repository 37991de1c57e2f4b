using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Errors;
using NodaTime;

namespace MotCua.Web.Common.Web;

/// <summary>What every module shares: pages, JSON, problem details, OpenAPI, security headers, rate limits.</summary>
public static class WebPlatform
{
    public static WebApplicationBuilder AddWebPlatform(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<StartupNotes>();
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddRazorPages(options => options.RootDirectory = "/");
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // No "Server: Kestrel": it tells an attacker nothing they need.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        // Vietnamese letters go out as themselves, not as &#x…; escapes (still HTML-safe: <, >, &, quotes are encoded).
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "motcua.csrf";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Enums travel by name only: "Counter", never 2 or 99. Strings carry no control characters (ApiJson).
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => ApiJson.Configure(options.JsonSerializerOptions));

        // Minimal APIs throw on a request they cannot bind in every environment (not only Development), so ApiErrors
        // can answer with a problem document that names the field instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Status is int status && (problem.Title is null || problem.Title.StartsWith("One or more", StringComparison.Ordinal) || IsDefaultTitle(problem.Title)))
            {
                problem.Title = Problems.TitleFor(status);
            }

            problem.Detail ??= problem.Status switch
            {
                404 => "Không có địa chỉ API này.",
                405 => "Địa chỉ này không nhận phương thức " + context.HttpContext.Request.Method + ". Xem tiêu đề Allow.",
                _ => null,
            };
            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ApiErrors.ExceptionHandler>();
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "MotCua API";
            document.Info.Description = "Dịch vụ công trực tuyến và một cửa điện tử: danh mục thủ tục, đơn vị, tài khoản.";
            document.Info.Version = "v1";
            return Task.CompletedTask;
        }));
        RateLimits.Add(services);
        services.AddOptions<HttpsRedirectionOptions>().Configure<IOptions<SecurityOptions>>((redirect, security) =>
            redirect.HttpsPort = security.Value.HttpsPort);

        // A reverse proxy on the same machine (nginx terminating TLS) says the request came over https.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((options, security) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in security.Value.KnownProxies)
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddOptions<HstsOptions>().Configure<IOptions<SecurityOptions>>((hsts, security) =>
        {
            hsts.MaxAge = TimeSpan.FromDays(security.Value.HstsMaxAgeDays);
            hsts.IncludeSubDomains = true;
        });
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = new[] { new CultureInfo("vi-VN"), new CultureInfo("en") };
            options.DefaultRequestCulture = new RequestCulture("vi-VN");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Vietnamese first: the language changes only when a person picks it (?culture=, then the cookie).
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddLocalization();
        services.AddSingleton<Microsoft.Extensions.Localization.IStringLocalizer<Localization.Texts>, Localization.TextsLocalizer>();
        return builder;
    }

    public static WebApplication UseWebPlatform(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var formAction = string.Join(' ', app.Services.GetServices<IFormTargets>().SelectMany(t => t.Origins)
            .Select(o => o.GetLeftPart(UriPartial.Authority)).Prepend("'self'").Distinct(StringComparer.OrdinalIgnoreCase));
        var contentSecurityPolicy = $"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action {formAction}";

        // Set as the response starts, so error answers (whose headers the exception handler clears) carry them too.
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.ContentSecurityPolicy = contentSecurityPolicy;
                return Task.CompletedTask;
            });
            await next();
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Pages: the error page for the status the failure deserves (a request too large is 413, not 500).
            ExceptionHandlingPath = "/loi",
            StatusCodeSelector = ApiErrors.StatusFor,
        });
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/loi/{0}"));
        app.UseForwardedHeaders();
        if (security.HttpsRedirect ?? !app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseRequestLocalization();
        app.Use(async (context, next) =>
        {
            Localization.Texts.Remember(context);
            await next();
        });
        // The API has no files: its requests skip the file system lookup.
        app.UseWhen(context => !IsApi(context), pages => pages.UseStaticFiles());

        // Everything past the static files is made for one caller (a page shows who is signed in, the API answers with
        // personal data): no shared cache and no browser back-button cache may keep it.
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        });
        app.UseRouting();

        // After routing, so an endpoint's own body size limit (the e-form's uploads) is set before the guard reads a form.
        app.UseMiddleware<InputGuard>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health");
        app.MapRazorPages();

        // No fallback route: an unknown API address falls through to a 404 and a wrong method gets routing's 405 with
        // Allow; both become problem documents through the status code pages above.
        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app));
        return app;
    }

    public static bool IsApi(HttpContext context) => IsApi(context.Request.Path);

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api");

    private static bool IsDefaultTitle(string title) =>
        title is "Not Found" or "Unauthorized" or "Forbidden" or "Bad Request" or "Conflict" or "An error occurred while processing your request."
            or "Method Not Allowed" or "Unsupported Media Type" or "Too Many Requests" or "Service Unavailable" or "Internal Server Error"
            or "Payload Too Large" or "Content Too Large";

    private static void AnnounceAddresses(WebApplication app)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is { Count: > 0 })
        {
            var at = string.Join(", ", addresses);
            Console.WriteLine($"MotCua đang chạy tại {at} (Ctrl+C để dừng).");
            Console.WriteLine($"MotCua is running at {at} (Ctrl+C to stop).");
            foreach (var line in app.Services.GetRequiredService<StartupNotes>().Lines)
            {
                Console.WriteLine(line);
            }
        }
    }
}
