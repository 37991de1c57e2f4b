using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Identity.Accounts;

namespace MotCua.Web.Common.Persistence;

/// <summary>The one context of MotCua; each module maps its own types in its Data/ folder.</summary>
public sealed class MotCuaDbContext(DbContextOptions<MotCuaDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
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
        ByteOrder.Apply(builder, Database.IsNpgsql());
    }
}
