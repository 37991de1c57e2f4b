using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Notifications.Domain;
using NodaTime;

namespace MotCua.Web.Modules.Notifications.Public;

public sealed record NotificationView(long Id, string Title, string Body, string? ApplicationCode, string? Link, DateTimeOffset CreatedAt, bool Read);

public sealed record NotificationList(IReadOnlyList<NotificationView> Items, int Unread);

/// <summary>A person's portal inbox: their notifications and what is unread (the count in the header).</summary>
public sealed class PortalInbox(MotCuaDbContext db, AccountDirectory accounts, IClock clock)
{
    public const int PageSize = 30;

    public async Task<NotificationList?> ListAsync(ClaimsPrincipal principal, int page, CancellationToken cancellationToken)
    {
        if (accounts.UserId(principal) is not Guid userId)
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];
        var rows = await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var unread = await UnreadAsync(userId, cancellationToken);
        return new NotificationList(rows.Select(n => new NotificationView(n.Id, n.Title, n.Body, n.ApplicationCode, n.Link,
            n.CreatedAt.InZone(zone).ToDateTimeOffset(), n.ReadAt is not null)).ToList(), unread);
    }

    public async Task<int> UnreadAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        accounts.UserId(principal) is Guid userId ? await UnreadAsync(userId, cancellationToken) : 0;

    /// <summary>One notification (or all when <paramref name="id"/> is null) of this person marked read.</summary>
    public async Task<bool> MarkReadAsync(ClaimsPrincipal principal, long? id, CancellationToken cancellationToken)
    {
        if (accounts.UserId(principal) is not Guid userId)
        {
            return false;
        }

        var now = clock.GetCurrentInstant();
        var mine = db.Set<Notification>().Where(n => n.UserId == userId && (id == null || n.Id == id));
        if (id is not null && !await mine.AnyAsync(cancellationToken))
        {
            return false;
        }

        await mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return true;
    }

    private Task<int> UnreadAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
}
