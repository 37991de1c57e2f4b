using System.ComponentModel.DataAnnotations.Schema;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Identity.Public;
using NodaTime;

namespace MotCua.Web.Modules.Identity.PasswordReset;

/// <summary>A one-time code that lets the owner of an account set a new password ("Quên mật khẩu").</summary>
public sealed class PasswordResetCode
{
    public long Id { get; set; }
    public Guid UserId { get; set; }

    /// <summary>SHA-256 of the code: the code itself is never stored with the account.</summary>
    public string CodeHash { get; set; } = string.Empty;

    public Instant CreatedAt { get; set; }
    public Instant ExpiresAt { get; set; }
    public int Attempts { get; set; }
    public Instant? UsedAt { get; set; }

    /// <summary>The code, only while it is being saved: it travels to the applicant in the outbox message.</summary>
    [NotMapped]
    public string? Code { get; set; }

    /// <summary>Where to send it, chosen when it was asked for: the account's e-mail, or its confirmed phone.</summary>
    [NotMapped]
    public string? Email { get; set; }

    [NotMapped]
    public string? Phone { get; set; }
}

internal sealed class PasswordResetCodeMapping : IEntityTypeConfiguration<PasswordResetCode>
{
    public void Configure(EntityTypeBuilder<PasswordResetCode> b)
    {
        b.ToTable("password_reset_codes");
        b.Property(c => c.CodeHash).HasMaxLength(64);
        b.HasIndex(c => new { c.UserId, c.CreatedAt });
        b.BelongsToAccount(c => c.UserId);
    }
}

/// <summary>A new reset code becomes a message in the same save: the e-mail channel sends it.</summary>
internal sealed class ResetCodeOutboxSource : IOutboxSource
{
    public IEnumerable<OutboxEnvelope> Collect(ChangeTracker changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var entry in changes.Entries<PasswordResetCode>())
        {
            if (entry.State == EntityState.Added && entry.Entity is { Code: { } code } reset && (reset.Email ?? reset.Phone) is not null)
            {
                var message = new ResetCodeMessage(1, reset.UserId, reset.Email, code,
                    reset.ExpiresAt.InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).ToDateTimeOffset(),
                    reset.Phone is null ? CodeChannels.Email : CodeChannels.Sms, reset.Phone);
                yield return new OutboxEnvelope(ResetCodeMessage.Type, JsonSerializer.Serialize(message, OutboxJson.Options));
            }
        }
    }
}
