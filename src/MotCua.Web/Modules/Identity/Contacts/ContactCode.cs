using System.ComponentModel.DataAnnotations.Schema;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Modules.Identity.Public;
using NodaTime;

namespace MotCua.Web.Modules.Identity.Contacts;

/// <summary>A one-time code sent to an e-mail address or phone number of an account, to confirm the holder reads it.</summary>
public sealed class ContactCode
{
    public long Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary><see cref="CodeChannels.Email"/> or <see cref="CodeChannels.Sms"/>.</summary>
    public string Channel { get; set; } = CodeChannels.Email;

    /// <summary>The address or number the code was sent to: confirming it confirms that one, not a later change.</summary>
    public string Target { get; set; } = string.Empty;

    public string CodeHash { get; set; } = string.Empty;
    public Instant CreatedAt { get; set; }
    public Instant ExpiresAt { get; set; }
    public int Attempts { get; set; }
    public Instant? UsedAt { get; set; }

    /// <summary>The code, only while it is being saved: it travels in the outbox message.</summary>
    [NotMapped]
    public string? Code { get; set; }
}

internal sealed class ContactCodeMapping : IEntityTypeConfiguration<ContactCode>
{
    public void Configure(EntityTypeBuilder<ContactCode> b)
    {
        b.ToTable("contact_codes");
        b.Property(c => c.Channel).HasMaxLength(10);
        b.Property(c => c.Target).HasMaxLength(256);
        b.Property(c => c.CodeHash).HasMaxLength(64);
        b.HasIndex(c => new { c.UserId, c.CreatedAt });
        b.BelongsToAccount(c => c.UserId);
    }
}

/// <summary>A new code becomes a message in the same save: the channel it names sends it.</summary>
internal sealed class ContactCodeOutboxSource : IOutboxSource
{
    public IEnumerable<OutboxEnvelope> Collect(ChangeTracker changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var entry in changes.Entries<ContactCode>())
        {
            if (entry.State == EntityState.Added && entry.Entity is { Code: { } code } contact)
            {
                var message = new ContactCodeMessage(1, contact.UserId, contact.Channel, contact.Target, code,
                    contact.ExpiresAt.InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).ToDateTimeOffset());
                yield return new OutboxEnvelope(ContactCodeMessage.Type, JsonSerializer.Serialize(message, OutboxJson.Options));
            }
        }
    }
}
