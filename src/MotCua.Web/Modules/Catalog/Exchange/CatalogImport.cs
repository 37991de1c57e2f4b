using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Audit.Public;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Versions;
using MotCua.Web.Modules.EForms.Public;

namespace MotCua.Web.Modules.Catalog.Exchange;

/// <param name="Changes">For a change, the parts that differ ("phí, lệ phí", "thời hạn giải quyết", …).</param>
public sealed record ImportedProcedure(string Code, string Name, DateOnly EffectiveFrom, IReadOnlyList<string> Changes);

public sealed record RefusedProcedure(string Code, string Message);

/// <summary>What an import did, or with <see cref="DryRun"/> would do: nothing is saved on a dry run.</summary>
public sealed record ImportReport(bool DryRun, IReadOnlyList<ImportedProcedure> Added, IReadOnlyList<ImportedProcedure> Changed, IReadOnlyList<RefusedProcedure> Refused, int Unchanged);

/// <summary>
/// Loads a catalog file: a code not in the catalog is added (version 1, in force at once), a known code whose terms
/// differ gets a new version from its date, the same terms change nothing, and a record that breaks a rule is refused
/// with the reason while the others go ahead. Everything accepted is saved together, with its audit entries.
/// </summary>
public sealed class CatalogImport(MotCuaDbContext db, CatalogVersions versions, AuditTrail audit, FormValidation forms)
{
    public const int MaxProcedures = 5_000;

    private static readonly (string Key, string Label)[] Parts =
    [
        ("nationalCode", "mã quốc gia"), ("name", "tên thủ tục"), ("field", "lĩnh vực"), ("level", "cấp thực hiện"),
        ("units", "cơ quan thực hiện"), ("handledBy", "nơi thực hiện"), ("externalUrl", "địa chỉ thực hiện bên ngoài"),
        ("applicantTypes", "đối tượng thực hiện"), ("legalBasis", "căn cứ pháp lý"), ("conditions", "điều kiện thực hiện"),
        ("documents", "thành phần hồ sơ"), ("processing", "thời hạn giải quyết"), ("onlineProcessing", "thời hạn giải quyết trực tuyến"),
        ("fees", "phí, lệ phí"), ("resultType", "kết quả thực hiện"), ("onlineLevel", "mức độ trực tuyến"),
        ("onlineOnly", "chỉ nhận trực tuyến"), ("postalAllowed", "bưu chính công ích"), ("form", "biểu mẫu điện tử"), ("workflow", "quy trình nội bộ"),
    ];

    public async Task<Result<ImportReport>> RunAsync(CatalogFile file, bool dryRun, Guid? actorId, string actorName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Format is { } format && format != CatalogFile.FormatName)
        {
            return Failure.Invalid("Tệp không đúng định dạng danh mục.", ("format", $"Định dạng \"{format}\" không được hỗ trợ; cần \"{CatalogFile.FormatName}\"."));
        }

        if (file.Procedures.Count is 0 or > MaxProcedures)
        {
            return Failure.Invalid("Tệp không có thủ tục nào để nhập.", ("procedures", $"Tệp phải có từ 1 đến {MaxProcedures:N0} thủ tục."));
        }

        var levels = (await db.Set<AdministrativeLevel>().Select(l => l.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var allUnits = await db.Set<Unit>().AsNoTracking().Select(u => new { u.Code, u.Id, u.EndedOn }).ToListAsync(cancellationToken);
        var unitIds = allUnits.ToDictionary(u => u.Code, u => u.Id, StringComparer.Ordinal);

        // A merged or dissolved unit no longer handles anything: a record naming it is refused.
        var unitCodes = allUnits.Where(u => u.EndedOn is null).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        // Only the procedures the file names: a one-procedure edit reads one procedure, not the catalog.
        var named = file.Procedures.Select(p => p.Code?.Trim() ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
        var existing = await db.Set<Procedure>().Include(p => p.Units).Where(p => named.Contains(p.Code))
            .ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken);
        var latest = await versions.LatestAsync(existing.Values.Select(p => p.Id).ToList(), cancellationToken);
        var today = versions.Today;

        var added = new List<ImportedProcedure>();
        var changed = new List<ImportedProcedure>();
        var refused = new List<RefusedProcedure>();
        var unchanged = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in file.Procedures)
        {
            var code = record.Code?.Trim() ?? string.Empty;
            if (!seen.Add(code))
            {
                refused.Add(new RefusedProcedure(code, "Mã thủ tục xuất hiện nhiều lần trong tệp; chỉ lần đầu được xét."));
                continue;
            }

            var problems = ProcedureRecords.Problems(record, levels, unitCodes).ToList();
            if (problems.Count == 0 && await SampleProblemAsync(record, existing.GetValueOrDefault(code)) is { } sampleProblem)
            {
                problems.Add(sampleProblem);
            }

            if (problems.Count > 0)
            {
                refused.Add(new RefusedProcedure(code, string.Join(" ", problems)));
                continue;
            }

            if (!existing.TryGetValue(code, out var procedure))
            {
                if (record.EffectiveFrom > today)
                {
                    refused.Add(new RefusedProcedure(code, "Thủ tục mới có hiệu lực ngay khi nhập; ngày áp dụng trong tương lai chỉ dùng cho thay đổi của thủ tục đã có."));
                    continue;
                }

                var effective = record.EffectiveFrom ?? today;
                added.Add(new ImportedProcedure(code, record.Name, effective, []));
                if (!dryRun)
                {
                    procedure = ProcedureRecords.Create(record, unitIds);
                    db.Add(procedure);
                    versions.Add(procedure, record, 1, effective, actorName, unitIds);
                    audit.Record(actorId, actorName, "catalog.procedure.add", $"procedure:{code}", null, record.Terms);
                }

                continue;
            }

            var before = latest.TryGetValue(procedure.Id, out var last) ? last : null;
            var baseline = before?.Record ?? ProcedureRecords.From(procedure, unitIds.ToDictionary(u => u.Value, u => u.Key));
            var differences = Differences(baseline.Terms, record.Terms);
            if (differences.Count == 0)
            {
                unchanged++;
                continue;
            }

            var from = record.EffectiveFrom is { } date && date > today ? date : today;
            if (CatalogVersions.OrderProblem(before, from) is { } orderProblem)
            {
                refused.Add(new RefusedProcedure(code, orderProblem));
                continue;
            }

            changed.Add(new ImportedProcedure(code, record.Name, from, differences.Select(d => d.Label).ToList()));
            if (!dryRun)
            {
                versions.Add(procedure, record, (before?.Number ?? procedure.Version) + 1, from, actorName, unitIds);
                audit.Record(actorId, actorName, "catalog.procedure.change", $"procedure:{code}",
                    new { version = before?.Number ?? procedure.Version, changes = Slice(differences, d => d.Before) },
                    new { effectiveFrom = from, changes = Slice(differences, d => d.After) });
            }
        }

        if (!dryRun && (added.Count > 0 || changed.Count > 0))
        {
            audit.Record(actorId, actorName, "catalog.import", "catalog", null,
                new { added = added.Count, changed = changed.Count, refused = refused.Count, unchanged });
            await db.SaveChangesAsync(cancellationToken);
            versions.Invalidate();
        }

        return new ImportReport(dryRun, added, changed, refused, unchanged);
    }

    private sealed record Difference(string Key, string Label, JsonNode? Before, JsonNode? After);

    private static List<Difference> Differences(ProcedureRecord before, ProcedureRecord after)
    {
        var a = JsonSerializer.SerializeToNode(before, CatalogJson.Options)!.AsObject();
        var b = JsonSerializer.SerializeToNode(after, CatalogJson.Options)!.AsObject();
        return Parts.Where(p => !JsonNode.DeepEquals(a[p.Key], b[p.Key]))
            .Select(p => new Difference(p.Key, p.Label, a[p.Key]?.DeepClone(), b[p.Key]?.DeepClone())).ToList();
    }

    private static JsonObject Slice(List<Difference> differences, Func<Difference, JsonNode?> side)
    {
        var slice = new JsonObject();
        foreach (var d in differences)
        {
            slice[d.Key] = side(d)?.DeepClone();
        }

        return slice;
    }

    /// <summary>
    /// One procedure edited on a back-office page, saved as its new version: the version's effective day, or why not
    /// in Vietnamese (a broken rule, or nothing that differs from the latest version: <paramref name="unchanged"/>).
    /// </summary>
    public async Task<(DateOnly? EffectiveFrom, string? Problem)> SaveEditAsync(ProcedureRecord record, Guid? actorId, string actorName, string unchanged, CancellationToken cancellationToken)
    {
        var report = await RunAsync(new CatalogFile([record]), dryRun: false, actorId, actorName, cancellationToken);
        if (report.Failure is { } failure)
        {
            return (null, failure.Headline);
        }

        if (report.Value!.Refused.FirstOrDefault() is { } refused)
        {
            return (null, refused.Message);
        }

        return report.Value.Changed.FirstOrDefault() is { } changed ? (changed.EffectiveFrom, null) : (null, unchanged);
    }

    /// <summary>
    /// A new or changed e-form must accept a correctly filled sample of itself, or no one could complete it. A form the
    /// file leaves as it is is not checked again (the quality report lists old forms that fail).
    /// </summary>
    private async Task<string?> SampleProblemAsync(ProcedureRecord record, Procedure? current)
    {
        if (record.Form is not { } form)
        {
            return null;
        }

        if (current?.Form is { } old
            && JsonNode.DeepEquals(JsonNode.Parse(old.SchemaJson), JsonNode.Parse(form.Schema.GetRawText()))
            && JsonNode.DeepEquals(JsonNode.Parse(string.IsNullOrWhiteSpace(old.UiJson) ? "{}" : old.UiJson), JsonNode.Parse(form.Ui.GetRawText())))
        {
            return null;
        }

        var definition = new FormDefinition(form.Schema.GetRawText(), form.Ui.GetRawText());
        var errors = await forms.ValidateAsync(definition, FormSamples.Filled(definition));
        return errors.Count == 0 ? null : $"Biểu mẫu điện tử không nhận một tờ khai mẫu điền đúng, nên không ai điền được: {string.Join(" ", errors.Values.Take(3))}";
    }
}
