using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Modules.Identity.Accounts;
using NodaTime;

namespace MotCua.Web.Modules.Identity.Sessions;

public enum SessionKind
{
    /// <summary>A browser signed in with the auth cookie.</summary>
    Page,

    /// <summary>A bearer token from POST /api/v1/auth/token.</summary>
    Api,
}

/// <summary>
/// One sign-in, kept on the server: the cookie or token carries its id, and a request is served only while the session
/// is open. Signing out, a password change, locking or deleting the account end sessions at once, on every node.
/// </summary>
public sealed class AccountSession
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public SessionKind Kind { get; set; }
    public Instant CreatedAt { get; set; }

    /// <summary>The latest moment the session may be used, whatever the cookie or token says.</summary>
    public Instant ExpiresAt { get; set; }

    /// <summary>Signed in through the national identity (VNeID, level 2): who signs in is known for sure.</summary>
    public bool IdentityVerified { get; set; }

    public Instant? EndedAt { get; set; }

    /// <summary>Why it ended: signed-out, password-changed, locked, deleted.</summary>
    public string? EndReason { get; set; }
}

internal sealed class AccountSessionMapping : IEntityTypeConfiguration<AccountSession>
{
    public void Configure(EntityTypeBuilder<AccountSession> b)
    {
        b.ToTable("account_sessions");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(8);
        b.Property(s => s.EndReason).HasMaxLength(32);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.UserId);
    }
}
