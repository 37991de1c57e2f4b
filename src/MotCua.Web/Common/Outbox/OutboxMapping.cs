using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Web.Common.Outbox;

internal sealed class OutboxMapping : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.Property(m => m.Type).HasMaxLength(100);
        b.HasIndex(m => new { m.ProcessedAt, m.Id });
    }
}
