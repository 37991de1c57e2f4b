using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace MotCua.Web.Modules.National.Data;

/// <summary>
/// A nonce the national portal signed a request with: kept for <see cref="Simulators.NationalPortal.NationalPortalProtocol.NonceLifetime"/>
/// so the same request sent again is refused, on whichever node it arrives.
/// </summary>
public sealed class InboundNonce
{
    public string Nonce { get; set; } = string.Empty;
    public Instant SeenAt { get; set; }
}

internal sealed class InboundNonceMapping : IEntityTypeConfiguration<InboundNonce>
{
    public void Configure(EntityTypeBuilder<InboundNonce> b)
    {
        b.ToTable("national_inbound_nonces");
        b.HasKey(n => n.Nonce);
        b.Property(n => n.Nonce).HasMaxLength(64);
        b.HasIndex(n => n.SeenAt);
    }
}
