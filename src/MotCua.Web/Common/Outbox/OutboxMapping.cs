using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Web.Common.Outbox;

internal sealed class OutboxMapping : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.Property(m => m.Type).HasMaxLength(100);
        b.HasMany(m => m.Deliveries).WithOne().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxDeliveryMapping : IEntityTypeConfiguration<OutboxDelivery>
{
    public void Configure(EntityTypeBuilder<OutboxDelivery> b)
    {
        b.ToTable("outbox_deliveries");
        b.Property(d => d.Consumer).HasMaxLength(50);
        b.Property(d => d.State).HasConversion<string>().HasMaxLength(12);
        b.Property(d => d.LeaseOwner).HasMaxLength(100);
        b.Property(d => d.LastError).HasMaxLength(2000);
        b.HasIndex(d => new { d.MessageId, d.Consumer }).IsUnique();

        // What the workers look for: due work by state and time.
        b.HasIndex(d => new { d.State, d.NextAttemptAt });
        b.HasIndex(d => new { d.State, d.LeaseUntil });
    }
}
