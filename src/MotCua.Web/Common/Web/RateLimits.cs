using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Errors;

namespace MotCua.Web.Common.Web;

/// <summary>Limits per client address; a refused request gets 429 with Retry-After and a Vietnamese explanation.</summary>
public static class RateLimits
{
    /// <summary>Sign-in and registration attempts per client address (ASVS 2.2.1), on top of the per-account throttle.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Public tracking by code, so application codes cannot be walked.</summary>
    public const string Tracking = "tracking";

    public static void Add(IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignIn, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue.SignInPerMinute;

                // Opening the sign-in page is not an attempt; only what is sent counts.
                return HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("views")
                    : PerMinute(SignIn, context, limit);
            });
            options.AddPolicy(Tracking, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue.TrackingPerMinute;

                // The tracking page without a code is only the form.
                return !WebPlatform.IsApi(context) && string.IsNullOrEmpty(context.Request.Query["code"])
                    ? RateLimitPartition.GetNoLimiter("form")
                    : PerMinute(Tracking, context, limit);
            });
            options.OnRejected = OnRejectedAsync;
        });

    private static RateLimitPartition<string> PerMinute(string policy, HttpContext context, int limit)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return limit <= 0
            ? RateLimitPartition.GetNoLimiter(policy + ":off")
            : RateLimitPartition.GetFixedWindowLimiter(policy + ":" + address + ":" + limit.ToString(CultureInfo.InvariantCulture),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (!WebPlatform.IsApi(http))
        {
            // The status code page (/loi/429) explains it, with the wait from Retry-After.
            return;
        }

        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = Problems.TitleFor(StatusCodes.Status429TooManyRequests),
                Detail = $"Bạn gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau {seconds} giây.",
            },
        });
    }
}
