using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Common.Persistence;
using NodaTime;

namespace MotCua.Web.Modules.Notifications.Log;

/// <summary>One SMS or Zalo message as the log keeps it (Log mode, the embedded default), readable by the province admin.</summary>
public sealed class MessageLogEntry
{
    public const string Sms = "sms";
    public const string Zalo = "zalo";

    public long Id { get; set; }

    /// <summary>Unique: a delivery sent again after a crash is logged once.</summary>
    public long DeliveryId { get; set; }

    /// <summary><see cref="Sms"/> or <see cref="Zalo"/>.</summary>
    public string Channel { get; set; } = Sms;

    public string To { get; set; } = string.Empty;
    public string Text { get; set; } = string.Empty;
    public Instant At { get; set; }
}

internal sealed class MessageLogMapping : IEntityTypeConfiguration<MessageLogEntry>
{
    public void Configure(EntityTypeBuilder<MessageLogEntry> b)
    {
        b.ToTable("message_log");
        b.Property(e => e.Channel).HasMaxLength(10);
        b.Property(e => e.To).HasMaxLength(20);
        b.Property(e => e.Text).HasMaxLength(500);
        b.HasIndex(e => e.DeliveryId).IsUnique();
    }
}

internal static class MessageLog
{
    /// <summary>Writes the entry once per delivery: a resend after a crash between write and mark finds it there.</summary>
    public static async Task WriteAsync(IServiceProvider services, long deliveryId, string channel, string to, string text, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<MotCuaDbContext>();
        if (!await db.Set<MessageLogEntry>().AnyAsync(e => e.DeliveryId == deliveryId, cancellationToken))
        {
            db.Add(new MessageLogEntry { DeliveryId = deliveryId, Channel = channel, To = to, Text = text[..Math.Min(text.Length, 500)], At = services.GetRequiredService<IClock>().GetCurrentInstant() });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
