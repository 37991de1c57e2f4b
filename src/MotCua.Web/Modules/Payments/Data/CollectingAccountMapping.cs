using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Modules.Payments.Domain;

namespace MotCua.Web.Modules.Payments.Data;

internal sealed class CollectingAccountMapping : IEntityTypeConfiguration<CollectingAccount>
{
    public void Configure(EntityTypeBuilder<CollectingAccount> b)
    {
        b.ToTable("payment_collecting_accounts");
        b.HasKey(a => a.UnitId);
        b.Property(a => a.UnitId).ValueGeneratedNever();
        b.Property(a => a.BankKey).HasMaxLength(CollectingAccountRules.BankNameMaxLength);
        b.Property(a => a.BankName).HasMaxLength(CollectingAccountRules.BankNameMaxLength);
        b.Property(a => a.AccountNumber).HasMaxLength(CollectingAccountRules.LongestNumber);
        b.Property(a => a.AccountHolder).HasMaxLength(CollectingAccountRules.HolderMaxLength);
        b.Property(a => a.Provider).HasMaxLength(30);
        b.Property(a => a.DeclaredBy).HasMaxLength(256);
        b.Property(a => a.Version).IsConcurrencyToken();

        // One account, one unit: a shared account is refused here too when two admins race.
        b.HasIndex(a => new { a.BankKey, a.AccountNumber }).IsUnique();
    }
}

internal sealed class CollectingAccountChangeMapping : IEntityTypeConfiguration<CollectingAccountChange>
{
    public void Configure(EntityTypeBuilder<CollectingAccountChange> b)
    {
        b.ToTable("payment_collecting_account_changes");
        b.HasKey(c => c.Id);
        b.Property(c => c.By).HasMaxLength(256);
        foreach (var bank in new[] { nameof(CollectingAccountChange.OldBankName), nameof(CollectingAccountChange.NewBankName) })
        {
            b.Property(bank).HasMaxLength(CollectingAccountRules.BankNameMaxLength);
        }

        foreach (var number in new[] { nameof(CollectingAccountChange.OldAccountNumber), nameof(CollectingAccountChange.NewAccountNumber) })
        {
            b.Property(number).HasMaxLength(CollectingAccountRules.LongestNumber);
        }

        foreach (var holder in new[] { nameof(CollectingAccountChange.OldAccountHolder), nameof(CollectingAccountChange.NewAccountHolder) })
        {
            b.Property(holder).HasMaxLength(CollectingAccountRules.HolderMaxLength);
        }

        b.Property(c => c.OldProvider).HasMaxLength(30);
        b.Property(c => c.NewProvider).HasMaxLength(30);
        b.HasIndex(c => new { c.UnitId, c.At });
    }
}
