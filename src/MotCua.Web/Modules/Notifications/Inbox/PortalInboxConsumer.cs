using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Notifications.Sending;
using MotCua.Web.Modules.Notifications.Domain;
using MotCua.Web.Modules.Notifications.Templates;
using NodaTime;

namespace MotCua.Web.Modules.Notifications.Inbox;

/// <summary>
/// The portal inbox, always on: each application event the applicant should hear of becomes one notification, unique
/// by delivery id. A batch is read and written in one go.
/// </summary>
internal sealed class PortalInboxConsumer : IOutboxBatchConsumer
{
    public const string ConsumerName = "portal-inbox";

    public string Name => ConsumerName;

    public bool Accepts(string messageType) => ApplicantEvent.IsTold(messageType);

    public Task DeliverAsync(OutboxWork work, IServiceProvider services, CancellationToken cancellationToken) =>
        OutboxBatch.DeliverOneAsync(this, work, services, cancellationToken);

    public async Task<IReadOnlyDictionary<long, string>> DeliverBatchAsync(IReadOnlyList<OutboxWork> works, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(works);
        ArgumentNullException.ThrowIfNull(services);
        var templates = services.GetRequiredService<NotificationTemplates>();
        var now = services.GetRequiredService<IClock>().GetCurrentInstant();
        var notifications = new List<Notification>();
        foreach (var work in works)
        {
            // A walk-in applicant without an account, or an event inside the office: nothing to show.
            if (ApplicantEvent.From(work) is { ApplicantUserId: Guid userId } message && await templates.TextForAsync(message, cancellationToken) is { } text)
            {
                notifications.Add(new Notification(userId, work.DeliveryId, message.Code, text.Title, text.Body, "/ho-so/" + message.Code, now));
            }
        }

        if (notifications.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var db = services.GetRequiredService<MotCuaDbContext>();
        var ids = notifications.Select(n => n.DeliveryId).ToList();

        // Sent before a crash and not marked: once is enough.
        var there = (await db.Set<Notification>().Where(n => ids.Contains(n.DeliveryId)).Select(n => n.DeliveryId).ToListAsync(cancellationToken)).ToHashSet();
        db.AddRange(notifications.Where(n => !there.Contains(n.DeliveryId)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two workers raced on an expired lease: the unique delivery id kept one. Anything else is a real failure.
            db.ChangeTracker.Clear();
            var kept = (await db.Set<Notification>().Where(n => ids.Contains(n.DeliveryId)).Select(n => n.DeliveryId).ToListAsync(cancellationToken)).ToHashSet();
            if (!ids.All(kept.Contains))
            {
                throw;
            }
        }

        return new Dictionary<long, string>();
    }
}
