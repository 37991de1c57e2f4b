using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Notifications.Domain;
using MotCua.Web.Modules.Notifications.Inbox;
using NodaTime;
using MotCua.Web.Modules.Notifications.Public;

namespace MotCua.Web.Modules.Notifications;

public static class NotificationsModule
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IOutboxConsumer, PortalInboxConsumer>();
        builder.Services.AddOptions<Email.EmailOptions>().BindConfiguration(Email.EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IOutboxConsumer, Email.EmailConsumer>();
        builder.Services.AddOptions<Sms.SmsOptions>().BindConfiguration(Sms.SmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(Sms.SmsConsumer.ConsumerName, client => client.Timeout = TimeSpan.FromSeconds(15));
        builder.Services.AddSingleton<IOutboxConsumer, Sms.SmsConsumer>();
        builder.Services.AddOptions<Zalo.ZaloOptions>().BindConfiguration(Zalo.ZaloOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(Zalo.ZaloConsumer.ConsumerName, client => client.Timeout = TimeSpan.FromSeconds(15));
        builder.Services.AddSingleton<IOutboxConsumer, Zalo.ZaloConsumer>();
        builder.Services.AddScoped<PortalInbox>();
        builder.Services.AddSingleton<Templates.NotificationTemplates>();
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1/notifications").WithTags("Thông báo").RequireAuthorization(Identity.IdentityModule.ApiPolicy);
        api.MapGet(string.Empty, List).WithName("ListNotifications").WithSummary("Thông báo của tôi, mới nhất trước, và số chưa đọc");
        api.MapPost("/{id:long}/read", Read).WithName("ReadNotification").WithSummary("Đánh dấu một thông báo đã đọc");
        api.MapPost("/read-all", ReadAll).WithName("ReadAllNotifications").WithSummary("Đánh dấu mọi thông báo đã đọc");
        return app;
    }

    private static async Task<Results<Ok<NotificationList>, ProblemHttpResult>> List(ClaimsPrincipal user, PortalInbox inbox, int? page, CancellationToken cancellationToken)
    {
        if (page is < 1 or > 10_000)
        {
            return Problems.Validation("Tham số phân trang không hợp lệ.", ("page", "Số trang phải từ 1 đến 10000."));
        }

        return await inbox.ListAsync(user, page ?? 1, cancellationToken) is { } list ? TypedResults.Ok(list) : Problems.Unauthorized("Tài khoản không còn tồn tại.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Read(long id, ClaimsPrincipal user, PortalInbox inbox, CancellationToken cancellationToken) =>
        await inbox.MarkReadAsync(user, id, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound("Không có thông báo này.");

    private static async Task<NoContent> ReadAll(ClaimsPrincipal user, PortalInbox inbox, CancellationToken cancellationToken)
    {
        await inbox.MarkReadAsync(user, null, cancellationToken);
        return TypedResults.NoContent();
    }
}
