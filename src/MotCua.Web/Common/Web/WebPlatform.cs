using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
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
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddScoped<Layout.PortalInfo>();
        services.AddRazorPages(options => options.RootDirectory = "/");

        // Vietnamese letters go out as themselves, not as &#x…; escapes (still HTML-safe: <, >, &, quotes are encoded).
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(options => options.Cookie.Name = "motcua.csrf");
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options =>
            options.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Status is int status && (problem.Title is null || problem.Title.StartsWith("One or more", StringComparison.Ordinal) || IsDefaultTitle(problem.Title)))
            {
                problem.Title = Problems.TitleFor(status);
            }

            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "MotCua API";
            document.Info.Description = "Dịch vụ công trực tuyến và một cửa điện tử: danh mục thủ tục, đơn vị, tài khoản.";
            document.Info.Version = "v1";
            return Task.CompletedTask;
        }));
        var signInPerMinute = builder.Configuration.GetValue("RateLimits:SignInPerMinute", 30);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimits.SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = new[] { new CultureInfo("vi-VN"), new CultureInfo("en") };
            options.DefaultRequestCulture = new RequestCulture("vi-VN");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
        });
        return builder;
    }

    public static WebApplication UseWebPlatform(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler("/loi/500");
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/loi/{0}"));
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
            await next();
        });
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health");
        app.MapRazorPages();
        app.MapFallback("/api/{**rest}", () => Problems.NotFound("Không có địa chỉ API này."));
        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app));
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static bool IsDefaultTitle(string title) =>
        title is "Not Found" or "Unauthorized" or "Forbidden" or "Bad Request" or "Conflict" or "An error occurred while processing your request."
            or "Method Not Allowed" or "Unsupported Media Type" or "Too Many Requests" or "Service Unavailable" or "Internal Server Error";

    private static void AnnounceAddresses(WebApplication app)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is { Count: > 0 })
        {
            Console.WriteLine($"MotCua đang chạy tại: {string.Join(", ", addresses)}  (Ctrl+C để dừng)");
        }
    }

    /// <summary>API failures become a problem document without internals; pages fall through to the error page.</summary>
    private sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
            if (!IsApi(httpContext))
            {
                return false;
            }

            var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            httpContext.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ProblemDetails
                {
                    Status = status,
                    Title = Problems.TitleFor(status),
                    Detail = status == 400 ? "Dữ liệu gửi lên không đọc được. Kiểm tra định dạng JSON." : "Hệ thống gặp sự cố. Vui lòng thử lại sau.",
                },
                Exception = exception,
            });
        }
    }
}
