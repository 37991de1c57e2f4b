using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Notifications.Domain;
using NodaTime;

namespace MotCua.Web.Modules.Notifications.Inbox;

/// <summary>The portal inbox, always on: each application event the applicant should hear of becomes one notification.</summary>
internal sealed class PortalInboxConsumer : IOutboxConsumer
{
    public const string ConsumerName = "portal-inbox";

    public string Name => ConsumerName;

    public bool Accepts(string messageType) => messageType == ApplicationEventMessage.Type;

    public async Task DeliverAsync(OutboxWork work, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var message = ApplicationEventMessage.Read(work.Payload);
        if (message.ApplicantUserId is not Guid userId || await services.GetRequiredService<Templates.NotificationTemplates>().TextForAsync(message, cancellationToken) is not { } text)
        {
            return; // a walk-in applicant without an account, or an event inside the office
        }

        var db = services.GetRequiredService<MotCuaDbContext>();
        if (await db.Set<Notification>().AnyAsync(n => n.DeliveryId == work.DeliveryId, cancellationToken))
        {
            return; // sent before a crash, not marked: once is enough
        }

        var clock = services.GetRequiredService<IClock>();
        db.Add(new Notification(userId, work.DeliveryId, message.Code, text.Title, text.Body, "/ho-so/" + message.Code, clock.GetCurrentInstant()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two workers raced on an expired lease: the unique delivery id kept one. Anything else is a real failure.
            if (!await AlreadyThere(services, work.DeliveryId, cancellationToken))
            {
                throw;
            }
        }
    }

    private static async Task<bool> AlreadyThere(IServiceProvider services, long deliveryId, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MotCuaDbContext>().Set<Notification>().AnyAsync(n => n.DeliveryId == deliveryId, cancellationToken);
    }
}
