using NodaTime;

namespace MotCua.Web.Modules.Notifications.Domain;

/// <summary>A message in a person's portal inbox ("Thông báo"), written once per outbox delivery.</summary>
public sealed class Notification
{
    private Notification()
    {
        Title = Body = string.Empty;
    }

    public Notification(Guid userId, long deliveryId, string? applicationCode, string title, string body, string? link, Instant createdAt)
    {
        UserId = userId;
        DeliveryId = deliveryId;
        ApplicationCode = applicationCode;
        Title = title;
        Body = body;
        Link = link;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public Guid UserId { get; private set; }

    /// <summary>The outbox delivery it came from: unique, so a delivery sent twice after a crash shows once.</summary>
    public long DeliveryId { get; private set; }

    public string? ApplicationCode { get; private set; }
    public string Title { get; private set; }
    public string Body { get; private set; }

    /// <summary>A path within the portal ("/ho-so/{code}"), never an absolute address.</summary>
    public string? Link { get; private set; }

    public Instant CreatedAt { get; private set; }
    public Instant? ReadAt { get; private set; }

    public void MarkRead(Instant now) => ReadAt ??= now;
}

/// <summary>What the applicant is told for one history line of their application; null when nothing needs saying.</summary>
public sealed record NotificationText(string Title, string Body);
