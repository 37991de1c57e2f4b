using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MotCua.Web.Common.Persistence;

/// <summary>
/// Lets `dotnet ef` build the context for either provider:
/// `dotnet ef migrations add Name --project src/MotCua.Migrations.Postgres --startup-project src/MotCua.Web -- --provider Postgres`
/// (scripts/add-migration.sh does both).
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MotCuaDbContext>
{
    public MotCuaDbContext CreateDbContext(string[] args)
    {
        var provider = args.SkipWhile(a => a != "--provider").Skip(1).FirstOrDefault() ?? "Sqlite";
        var database = Enum.Parse<DatabaseProvider>(provider, ignoreCase: true) == DatabaseProvider.Postgres
            ? new DatabaseOptions(DatabaseProvider.Postgres, "Host=localhost;Database=motcua_design", SeedDemo: false)
            : new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=design.db", SeedDemo: false);
        var options = new DbContextOptionsBuilder<MotCuaDbContext>();
        DatabaseSetup.Configure(options, database);
        return new MotCuaDbContext(options.Options);
    }
}
