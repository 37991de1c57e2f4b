using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace MotCua.Web.Common.Persistence;

/// <summary>
/// Finds migrations in a provider's migrations assembly without the [DbContext] attribute.
/// The migrations projects reference EF Core only, not this host, so the host can reference them
/// (see docs/adr/0002-migrations-per-provider.md); scripts/add-migration.sh strips the attribute.
/// </summary>
#pragma warning disable EF1001 // MigrationsAssembly is internal API; pinned by the central package version.
internal sealed class ProviderMigrationsAssembly(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= Assembly.DefinedTypes
        .Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract && t.GetCustomAttribute<MigrationAttribute>() is not null)
        .Select(t => (Id: t.GetCustomAttribute<MigrationAttribute>()!.Id, Type: t))
        .OrderBy(m => m.Id, StringComparer.Ordinal)
        .ToDictionary(m => m.Id, m => m.Type);

    public override ModelSnapshot? ModelSnapshot => _snapshot ??= Assembly.DefinedTypes
        .Where(t => t.IsSubclassOf(typeof(ModelSnapshot)) && !t.IsAbstract)
        .Select(t => (ModelSnapshot)Activator.CreateInstance(t.AsType())!)
        .FirstOrDefault();
}
#pragma warning restore EF1001
