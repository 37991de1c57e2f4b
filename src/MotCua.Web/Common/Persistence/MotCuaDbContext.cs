using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Identity.Accounts;

namespace MotCua.Web.Common.Persistence;

/// <summary>The one context of MotCua; each module maps its own types in its Data/ folder.</summary>
public sealed class MotCuaDbContext(DbContextOptions<MotCuaDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<AdministrativeLevel> Levels => Set<AdministrativeLevel>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Procedure> Procedures => Set<Procedure>();

    /// <summary>Data-protection keys live in the database so every node reads the same cookies and tokens.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<NodaTime.Instant>().HaveConversion<InstantConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MotCuaDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // Materialized paths compare byte by byte whatever the database's collation, so a sub-tree is one index
            // range (UnitScope). SQLite compares bytes already.
            builder.Entity<Unit>().Property(u => u.Path).UseCollation("C");
            builder.Entity<Modules.Applications.Domain.Application>().Property(a => a.UnitPath).UseCollation("C");
            builder.Entity<Modules.Applications.Domain.Application>().Property(a => a.CurrentUnitPath).UseCollation("C");
        }
    }
}
