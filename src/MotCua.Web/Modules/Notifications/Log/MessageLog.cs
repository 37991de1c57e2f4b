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
    /// <summary>Writes the entries of a batch in one save, each once: those already there (a resend after a crash) are skipped.</summary>
    public static async Task WriteManyAsync(IServiceProvider services, IReadOnlyList<(long DeliveryId, string To, string Text)> entries, string channel, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var db = services.GetRequiredService<MotCuaDbContext>();
        var ids = entries.Select(e => e.DeliveryId).ToList();
        var there = (await db.Set<MessageLogEntry>().Where(e => ids.Contains(e.DeliveryId)).Select(e => e.DeliveryId).ToListAsync(cancellationToken)).ToHashSet();
        var at = services.GetRequiredService<IClock>().GetCurrentInstant();
        db.AddRange(entries.Where(e => !there.Contains(e.DeliveryId)).DistinctBy(e => e.DeliveryId)
            .Select(e => new MessageLogEntry { DeliveryId = e.DeliveryId, Channel = channel, To = e.To, Text = e.Text[..Math.Min(e.Text.Length, 500)], At = at }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
