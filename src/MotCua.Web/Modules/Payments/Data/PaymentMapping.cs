using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Modules.Payments.Domain;

namespace MotCua.Web.Modules.Payments.Data;

internal sealed class PaymentMapping : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.ToTable("payments");
        b.HasKey(p => p.Id);
        b.Property(p => p.OrderRef).HasMaxLength(34);
        b.HasIndex(p => p.OrderRef).IsUnique();
        b.Property(p => p.ApplicationCode).HasMaxLength(40);
        b.HasIndex(p => p.ApplicationId);
        b.Property(p => p.Provider).HasMaxLength(30);
        b.Property(p => p.Description).HasMaxLength(255);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(p => p.GatewayTransactionNo).HasMaxLength(40);
        b.Property(p => p.BankCode).HasMaxLength(20);
        b.Property(p => p.ResponseCode).HasMaxLength(4);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Property(p => p.Method).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.RecordedBy).HasMaxLength(200);
        b.Property(p => p.RefundedBy).HasMaxLength(200);
        b.Property(p => p.RefundReason).HasMaxLength(2000);
        b.OwnsMany(p => p.Items, i => i.ToJson("Items"));
        b.Navigation(p => p.Items).HasField("_items");
        b.Property(p => p.AccountBank).HasMaxLength(CollectingAccountRules.BankNameMaxLength);
        b.Property(p => p.AccountNumber).HasMaxLength(CollectingAccountRules.LongestNumber);
        b.Property(p => p.AccountHolder).HasMaxLength(CollectingAccountRules.HolderMaxLength);

        // A receipt number is given once per unit and year; the index makes a second one impossible on both databases.
        b.HasIndex(p => new { p.UnitId, p.ReceiptYear, p.ReceiptNumber }).IsUnique();
        b.HasIndex(p => new { p.UnitId, p.PaidAt });

        // Reconciliation reads a unit's payments by day; the status worker looks for pending ones past their time.
        b.HasIndex(p => new { p.UnitId, p.CreatedAt });
        b.HasIndex(p => new { p.Status, p.ExpiresAt });
    }
}
