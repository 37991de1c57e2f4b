using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.EForms.Public;

namespace MotCua.Web.Modules.Catalog.Seed;

/// <summary>Loads the demo province (units and procedures) from demo-province.json; FORMAT.md describes the file, whose procedures are catalog exchange records.</summary>
internal sealed class DemoProvinceSeed(MotCuaDbContext db, IWebHostEnvironment environment, Search.CatalogCache catalog, Public.CatalogDirectory directory) : IDatabaseSeeder
{
    public int Order => 10;

    public bool DemoOnly => true;

    public static string DefaultFile => Path.Combine(AppContext.BaseDirectory, "Modules", "Catalog", "Seed", "demo-province.json");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Unit>().AnyAsync(cancellationToken))
        {
            return;
        }

        var file = File.Exists(DefaultFile)
            ? DefaultFile
            : Path.Combine(environment.ContentRootPath, "Modules", "Catalog", "Seed", "demo-province.json");
        await using var stream = File.OpenRead(file);
        var data = await JsonSerializer.DeserializeAsync<SeedFile>(stream, Exchange.CatalogJson.Options, cancellationToken)
            ?? throw new InvalidDataException("demo-province.json is empty.");
        await LoadAsync(db, data, cancellationToken);
        catalog.Invalidate();
        directory.Invalidate();
    }

    internal static async Task LoadAsync(MotCuaDbContext db, SeedFile data, CancellationToken cancellationToken)
    {
        var levels = data.Levels.ToDictionary(l => l.Code, l => new AdministrativeLevel(l.Code, l.Name, l.Rank));
        db.Set<AdministrativeLevel>().AddRange(levels.Values);

        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var u in data.Units)
        {
            var parent = u.Parent is null ? null : units[u.Parent];
            var unit = new Unit(u.Code, u.Name, u.Kind, levels[u.Level], parent);
            unit.SetContact(u.Address, u.Phone, u.Email);
            unit.SetPlace(u.Place, u.AreaName);
            units.Add(u.Code, unit);
        }

        db.Set<Unit>().AddRange(units.Values);
        await db.SaveChangesAsync(cancellationToken);

        var unitIds = units.ToDictionary(u => u.Key, u => u.Value.Id, StringComparer.Ordinal);
        var knownLevels = levels.Keys.ToHashSet(StringComparer.Ordinal);
        var knownUnits = units.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var p in data.Procedures)
        {
            if (Exchange.ProcedureRecords.Problems(p, knownLevels, knownUnits) is { Count: > 0 } problems)
            {
                throw new InvalidDataException($"Procedure {p.Code} of the seed: {string.Join(" ", problems)}");
            }

            db.Set<Procedure>().Add(Exchange.ProcedureRecords.Create(p, unitIds));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal sealed record SeedFile(IReadOnlyList<LevelRow> Levels, IReadOnlyList<UnitRow> Units, IReadOnlyList<Exchange.ProcedureRecord> Procedures);

    internal sealed record LevelRow(string Code, string Name, int Rank);

    internal sealed record UnitRow(string Code, string Name, UnitKind Kind, string Level, string? Parent, string? Address, string? Phone, string? Email, string? Place = null, string? AreaName = null);
}
