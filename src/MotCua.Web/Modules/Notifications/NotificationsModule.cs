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
        builder.Services.AddScoped<Preferences.ChannelChoices>();
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1/notifications").WithTags("Thông báo").RequireAuthorization(Identity.IdentityModule.ApiPolicy);
        api.MapGet(string.Empty, List).WithName("ListNotifications").WithSummary("Thông báo của tôi, mới nhất trước, và số chưa đọc");
        api.MapPost("/{id:long}/read", Read).WithName("ReadNotification").WithSummary("Đánh dấu một thông báo đã đọc");
        api.MapPost("/read-all", ReadAll).WithName("ReadAllNotifications").WithSummary("Đánh dấu mọi thông báo đã đọc");
        api.MapGet("/channels", GetChannels).WithName("GetNotificationChannels")
            .WithSummary("Cách nhận thông báo ngoài Cổng (email, sms, zalo) và địa chỉ nào đã xác nhận");
        api.MapPut("/channels", PutChannels).WithName("SetNotificationChannels")
            .WithSummary("Chọn cách nhận thông báo ngoài Cổng: {email, sms, zalo}; chỉ gửi tới địa chỉ đã xác nhận");
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

    private static async Task<Results<Ok<ChannelsView>, ProblemHttpResult>> GetChannels(
        ClaimsPrincipal user, Identity.Public.AccountDirectory accounts, Preferences.ChannelChoices choices, CancellationToken cancellationToken)
    {
        if (accounts.UserId(user) is not Guid id)
        {
            return Problems.Unauthorized("Tài khoản không còn tồn tại.");
        }

        var choice = await choices.ForAsync(id, cancellationToken);
        var contact = (await accounts.ContactsAsync([id], cancellationToken)).GetValueOrDefault(id);
        return TypedResults.Ok(new ChannelsView(choice.Email, choice.Sms, choice.Zalo, contact?.EmailConfirmed == true, contact?.PhoneConfirmed == true));
    }

    private static async Task<Results<Ok<ChannelsView>, ProblemHttpResult>> PutChannels(
        ChannelsInput input, ClaimsPrincipal user, Identity.Public.AccountDirectory accounts, Preferences.ChannelChoices choices, CancellationToken cancellationToken)
    {
        if (accounts.UserId(user) is not Guid id)
        {
            return Problems.Unauthorized("Tài khoản không còn tồn tại.");
        }

        if (input.Email is null || input.Sms is null || input.Zalo is null)
        {
            return Problems.Validation("Chọn bật hoặc tắt từng cách nhận.",
                ("email", input.Email is null ? "Ghi email: true hoặc false." : null),
                ("sms", input.Sms is null ? "Ghi sms: true hoặc false." : null),
                ("zalo", input.Zalo is null ? "Ghi zalo: true hoặc false." : null));
        }

        await choices.SaveAsync(id, input.Email.Value, input.Sms.Value, input.Zalo.Value, cancellationToken);
        return await GetChannels(user, accounts, choices, cancellationToken);
    }
}

/// <summary>The channels chosen besides the portal inbox, and whether the e-mail address and the phone are confirmed.</summary>
public sealed record ChannelsView(bool Email, bool Sms, bool Zalo, bool EmailConfirmed, bool PhoneConfirmed);

public sealed record ChannelsInput(bool? Email, bool? Sms, bool? Zalo);
