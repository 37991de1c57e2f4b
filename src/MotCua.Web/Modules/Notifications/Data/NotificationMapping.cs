using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Notifications.Domain;

namespace MotCua.Web.Modules.Notifications.Data;

internal sealed class NotificationMapping : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.Property(n => n.ApplicationCode).HasMaxLength(40);
        b.Property(n => n.Title).HasMaxLength(200);
        b.Property(n => n.Body).HasMaxLength(2000);
        b.Property(n => n.Link).HasMaxLength(400);
        b.HasIndex(n => n.DeliveryId).IsUnique();
        b.HasIndex(n => new { n.UserId, n.Id });
        b.HasIndex(n => new { n.UserId, n.ReadAt });
        b.BelongsToAccount(n => n.UserId);
    }
}
