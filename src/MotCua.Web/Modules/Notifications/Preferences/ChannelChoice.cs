using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Identity.Public;
using NodaTime;

namespace MotCua.Web.Modules.Notifications.Preferences;

/// <summary>
/// How an account holder wants to hear about their applications, besides the portal inbox (always on). Without a
/// choice saved: e-mail and SMS, not Zalo (<see cref="Default"/>). A channel is used only for a confirmed address.
/// </summary>
public sealed class ChannelChoice
{
    public static readonly ChannelChoice Default = new() { Email = true, Sms = true, Zalo = false };

    public Guid UserId { get; set; }
    public bool Email { get; set; }
    public bool Sms { get; set; }
    public bool Zalo { get; set; }
    public Instant UpdatedAt { get; set; }
}

internal sealed class ChannelChoiceMapping : IEntityTypeConfiguration<ChannelChoice>
{
    public void Configure(EntityTypeBuilder<ChannelChoice> b)
    {
        b.ToTable("notification_channels");
        b.HasKey(c => c.UserId);
        b.BelongsToAccount(c => c.UserId);
    }
}

/// <summary>Where an event of an application reaches its applicant on one channel.</summary>
public enum SendChannel
{
    Email,
    Sms,
    Zalo,
}

/// <summary>
/// Who gets what: an account holder on the channels they chose, at their confirmed address only; a walk-in applicant
/// without an account at the contact the one-stop recorded (checked at the desk), by e-mail and SMS.
/// </summary>
public sealed class ChannelChoices(MotCuaDbContext db, AccountDirectory accounts, IClock clock)
{
    public async Task<ChannelChoice> ForAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Set<ChannelChoice>().AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken) ?? ChannelChoice.Default;

    public async Task SaveAsync(Guid userId, bool email, bool sms, bool zalo, CancellationToken cancellationToken)
    {
        var row = await db.Set<ChannelChoice>().SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
        if (row is null)
        {
            db.Add(row = new ChannelChoice { UserId = userId });
        }

        (row.Email, row.Sms, row.Zalo, row.UpdatedAt) = (email, sms, zalo, clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// For each applicant account among <paramref name="userIds"/>, the address to use on <paramref name="channel"/>, or
    /// null when they did not choose it or did not confirm the address. One read of choices and one of contacts.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, string?>> AddressesAsync(IReadOnlyCollection<Guid> userIds, SendChannel channel, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<Guid, string?>();
        }

        var ids = userIds.Distinct().ToList();
        var choices = await db.Set<ChannelChoice>().AsNoTracking().Where(c => ids.Contains(c.UserId)).ToDictionaryAsync(c => c.UserId, cancellationToken);
        var contacts = await accounts.ContactsAsync(ids, cancellationToken);
        return ids.ToDictionary(id => id, id =>
        {
            var choice = choices.GetValueOrDefault(id) ?? ChannelChoice.Default;
            var contact = contacts.GetValueOrDefault(id);
            return channel switch
            {
                SendChannel.Email when choice.Email => contact?.ConfirmedEmail,
                SendChannel.Sms when choice.Sms => contact?.ConfirmedPhone,
                SendChannel.Zalo when choice.Zalo => contact?.ConfirmedPhone,
                _ => null,
            };
        });
    }
}
