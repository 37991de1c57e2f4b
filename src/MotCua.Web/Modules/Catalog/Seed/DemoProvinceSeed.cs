using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.EForms.Public;

namespace MotCua.Web.Modules.Catalog.Seed;

/// <summary>Loads the demo province (units and procedures) from demo-province.json; FORMAT.md describes the file.</summary>
internal sealed class DemoProvinceSeed(MotCuaDbContext db, IWebHostEnvironment environment, Search.CatalogCache catalog, Public.CatalogDirectory directory) : IDatabaseSeeder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

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
        var data = await JsonSerializer.DeserializeAsync<SeedFile>(stream, Json, cancellationToken)
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

        foreach (var p in data.Procedures)
        {
            var procedure = new Procedure(p.Code, p.NationalCode, p.Name, p.Field, levels[p.Level].Code);
            procedure.DescribeWho(p.Units.Select(code => units[code].Id), p.HandledBy, p.ExternalUrl, p.ApplicantTypes);
            procedure.DescribeWhat(
                p.LegalBasis,
                p.Conditions,
                p.Documents.Select(d => new RequiredDocument(d.Name, d.Originals, d.Copies, d.Required, d.VaultAllowed, d.Note)),
                p.ResultType);
            procedure.SetTimeAndFees(
                new ProcessingTime(p.Processing.Value, p.Processing.Unit),
                p.OnlineProcessing is null ? null : new ProcessingTime(p.OnlineProcessing.Value, p.OnlineProcessing.Unit),
                p.Fees.Select(f => new Fee(f.Name, f.Amount, f.OnlineAmount, f.Note)));
            procedure.OfferOnline(
                p.OnlineLevel,
                p.OnlineOnly,
                p.PostalAllowed,
                p.Form is null ? null : new FormDefinition(p.Form.Schema.GetRawText(), p.Form.Ui.GetRawText()));
            procedure.DefineWorkflow(p.Workflow.Select(s =>
            {
                if (s.Unit is not null && !units.ContainsKey(s.Unit))
                {
                    throw new InvalidDataException($"Workflow of {p.Code} names unknown unit {s.Unit}.");
                }

                return new WorkflowStep(s.Name, s.Role, s.Unit, s.Share);
            }));
            db.Set<Procedure>().Add(procedure);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal sealed record SeedFile(IReadOnlyList<LevelRow> Levels, IReadOnlyList<UnitRow> Units, IReadOnlyList<ProcedureRow> Procedures);

    internal sealed record LevelRow(string Code, string Name, int Rank);

    internal sealed record UnitRow(string Code, string Name, UnitKind Kind, string Level, string? Parent, string? Address, string? Phone, string? Email, string? Place = null, string? AreaName = null);

    internal sealed record ProcedureRow(
        string Code,
        string? NationalCode,
        string Name,
        string Field,
        string Level,
        IReadOnlyList<string> Units,
        string? HandledBy,
        string? ExternalUrl,
        IReadOnlyList<ApplicantType> ApplicantTypes,
        IReadOnlyList<string> LegalBasis,
        string? Conditions,
        IReadOnlyList<DocumentRow> Documents,
        TimeRow Processing,
        TimeRow? OnlineProcessing,
        IReadOnlyList<FeeRow> Fees,
        string ResultType,
        OnlineLevel OnlineLevel,
        bool OnlineOnly,
        bool PostalAllowed,
        FormRow? Form,
        IReadOnlyList<StepRow> Workflow);

    internal sealed record DocumentRow(string Name, int Originals, int Copies, bool Required, bool VaultAllowed, string? Note);

    internal sealed record TimeRow(decimal Value, TimeUnit Unit);

    internal sealed record FeeRow(string Name, long Amount, long? OnlineAmount, string? Note);

    internal sealed record FormRow(JsonElement Schema, JsonElement Ui);

    internal sealed record StepRow(string Name, StepRole Role, string? Unit, decimal Share);
}
