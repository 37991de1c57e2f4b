using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Text;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Identity.Accounts;

internal sealed class AppUserMapping : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(TextLimits.PersonName);
        b.Property(u => u.AccountType).HasConversion<string>().HasMaxLength(16);
        b.Property(u => u.IdentityNumber).HasMaxLength(12);
        b.HasIndex(u => u.IdentityNumber).IsUnique();
        b.Property(u => u.TaxCode).HasMaxLength(14);
        b.HasIndex(u => u.TaxCode).IsUnique();
        b.Property(u => u.NationalIdentitySubject).HasMaxLength(100);
        b.HasIndex(u => u.NationalIdentitySubject).IsUnique();
        b.Property(u => u.Representative).HasMaxLength(TextLimits.PersonName);
        b.Property(u => u.Address).HasMaxLength(TextLimits.Address);
        b.ReferencesUnit(u => u.UnitId);
    }
}
