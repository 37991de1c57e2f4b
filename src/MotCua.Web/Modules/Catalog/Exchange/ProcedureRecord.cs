using System.Text.Json;
using System.Text.Json.Serialization;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Catalog.Exchange;

/// <summary>
/// The catalog exchange file ("motcua.catalog.v1", docs/catalog-format.md): what the export gives, what the import
/// takes, and what a national procedure-database export is mapped to. The demo seed's procedures have the same shape.
/// </summary>
public sealed record CatalogFile(IReadOnlyList<ProcedureRecord> Procedures, string? Format = null, DateTimeOffset? ExportedAt = null)
{
    public const string FormatName = "motcua.catalog.v1";
}

/// <summary>One procedure with all its terms; units are named by their national agency identifier.</summary>
/// <param name="EffectiveFrom">The day the terms apply from (Vietnam time); null = from today.</param>
/// <param name="Version">The version number, as the export writes it; ignored on import.</param>
/// <param name="ChangeNote">Why the terms change ("Nghị quyết số 12/2026/NQ-HĐND"), kept with the version.</param>
public sealed record ProcedureRecord(
    string Code,
    string Name,
    string Field,
    string Level,
    IReadOnlyList<string> Units,
    IReadOnlyList<ApplicantType> ApplicantTypes,
    IReadOnlyList<string> LegalBasis,
    IReadOnlyList<DocumentRecord> Documents,
    TimeRecord Processing,
    IReadOnlyList<FeeRecord> Fees,
    string ResultType,
    OnlineLevel OnlineLevel,
    string? NationalCode = null,
    string? HandledBy = null,
    string? ExternalUrl = null,
    string? Conditions = null,
    TimeRecord? OnlineProcessing = null,
    bool OnlineOnly = false,
    bool PostalAllowed = false,
    FormRecord? Form = null,
    IReadOnlyList<StepRecord>? Workflow = null,
    DateOnly? EffectiveFrom = null,
    int? Version = null,
    string? ChangeNote = null,
    PaymentTiming PaymentDue = PaymentTiming.AfterProcessing,
    IReadOnlyList<ExemptionRecord>? Exemptions = null)
{
    /// <summary>The terms alone, for telling whether a record changes anything: no date, version or note.</summary>
    [JsonIgnore]
    public ProcedureRecord Terms => this with { EffectiveFrom = null, Version = null, ChangeNote = null, Workflow = Workflow ?? [], Exemptions = Exemptions ?? [] };
}

/// <param name="FormReplaces">The online e-form is this document (the declaration, tờ khai): not asked as an upload online.</param>
public sealed record DocumentRecord(string Name, int Originals, int Copies, bool Required, bool VaultAllowed = false, string? Note = null, bool FormReplaces = false);

public sealed record TimeRecord(decimal Value, TimeUnit Unit);

/// <param name="OnlineAmount">What an online application pays; null = the same as the amount.</param>
/// <param name="Kind">Phí (Charge) or lệ phí (Duty); files written before kinds existed read as lệ phí.</param>
public sealed record FeeRecord(string Name, long Amount, long? OnlineAmount = null, string? Note = null, FeeKind Kind = FeeKind.Duty);

/// <summary>Applicants who pay less or nothing: the category as the law words it, the share waived (1–100), the legal basis.</summary>
/// <param name="AppliesTo">Only phí (Charge) or only lệ phí (Duty); null = both.</param>
public sealed record ExemptionRecord(string Category, int Percent, string? LegalBasis = null, FeeKind? AppliesTo = null);

/// <summary>The e-form: a JSON Schema and its layout hints, as the portal renders them.</summary>
public sealed record FormRecord(JsonElement Schema, JsonElement Ui);

/// <param name="Unit">The unit that performs the step (inter-unit transfer); null = the unit that received the application.</param>
public sealed record StepRecord(string Name, StepRole Role, string? Unit, decimal Share);

/// <summary>How catalog files are read and written: camelCase, enums by name, unknown and missing keys refused.</summary>
public static class CatalogJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The record as one canonical string (compact, same key order), to compare two versions.</summary>
    public static string Canonical<T>(T value) => JsonSerializer.Serialize(value, Compact);

    private static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };
}
