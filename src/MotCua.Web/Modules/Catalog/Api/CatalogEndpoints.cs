using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Search;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Catalog.Api;

public sealed record UnitDto(int Id, string Code, string Name, string Level, string Kind, int? ParentId);

public sealed record ProcedureSummaryDto(
    string Code,
    string? NationalCode,
    string Name,
    string Field,
    string Level,
    IReadOnlyList<int> UnitIds,
    OnlineLevel OnlineLevel,
    bool OnlineOnly,
    bool PostalAllowed,
    decimal ProcessingDays);

public sealed record ProcedureListDto(IReadOnlyList<ProcedureSummaryDto> Items, int Total, int Page, int PageSize);

public sealed record ProcessingTimeDto(decimal Value, TimeUnit Unit);

/// <param name="FormReplaces">The online e-form is this document: an online applicant does not upload it.</param>
public sealed record DocumentDto(string Name, int Originals, int Copies, bool Required, bool VaultAllowed, string? Note, bool FormReplaces);

/// <param name="Kind">Duty (lệ phí) or Charge (phí).</param>
public sealed record FeeDto(string Name, long Amount, long OnlineAmount, string? Note, FeeKind Kind);

/// <param name="Percent">The share waived: 100 = free, 50 = half.</param>
/// <param name="AppliesTo">Only Duty (lệ phí) or only Charge (phí); null = both.</param>
public sealed record FeeExemptionDto(string Category, int Percent, string? LegalBasis, FeeKind? AppliesTo);

public sealed record WorkflowStepDto(int Order, string Name, StepRole Role, string? UnitCode, decimal Share);

public sealed record ProcedureDto(
    string Code,
    string? NationalCode,
    string Name,
    string Field,
    string Level,
    IReadOnlyList<int> UnitIds,
    string? HandledBy,
    string? ExternalUrl,
    IReadOnlyList<ApplicantType> ApplicantTypes,
    IReadOnlyList<string> LegalBasis,
    string? Conditions,
    IReadOnlyList<DocumentDto> Documents,
    decimal ProcessingDays,
    ProcessingTimeDto Processing,
    decimal? OnlineProcessingDays,
    ProcessingTimeDto? OnlineProcessing,
    IReadOnlyList<FeeDto> Fees,
    string ResultType,
    OnlineLevel OnlineLevel,
    bool OnlineOnly,
    bool PostalAllowed,
    JsonNode? FormSchema,
    JsonNode? FormUi,
    IReadOnlyList<WorkflowStepDto> Workflow,
    int Version,
    PaymentTiming PaymentDue,
    IReadOnlyList<FeeExemptionDto> FeeExemptions)
{
    public static ProcedureDto From(Procedure p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new ProcedureDto(
            p.Code,
            p.NationalCode,
            p.Name,
            p.Field,
            p.LevelCode,
            p.Units.Select(u => u.UnitId).Order().ToList(),
            p.HandledBy,
            p.ExternalUrl,
            p.ApplicantTypes,
            p.LegalBasis,
            p.Conditions,
            p.Documents.Select(d => new DocumentDto(d.Name, d.Originals, d.Copies, d.Required, d.VaultAllowed, d.Note, d.FormReplaces)).ToList(),
            p.Processing.InWorkingDays,
            new ProcessingTimeDto(p.Processing.Value, p.Processing.Unit),
            p.OnlineProcessing?.InWorkingDays,
            p.OnlineProcessing is null ? null : new ProcessingTimeDto(p.OnlineProcessing.Value, p.OnlineProcessing.Unit),
            p.Fees.Select(f => new FeeDto(f.Name, f.Amount, f.AmountFor(online: true), f.Note, f.Kind)).ToList(),
            p.ResultType,
            p.OnlineLevel,
            p.OnlineOnly,
            p.PostalAllowed,
            p.Form is null ? null : JsonNode.Parse(p.Form.SchemaJson),
            p.Form is null ? null : JsonNode.Parse(p.Form.UiJson),
            p.Workflow.Select((s, i) => new WorkflowStepDto(i + 1, s.Name, s.Role, s.UnitCode, s.Share)).ToList(),
            p.Version,
            p.PaymentDue,
            p.FeeExemptions.Select(e => new FeeExemptionDto(e.Category, e.Percent, e.LegalBasis, e.AppliesTo)).ToList());
    }
}

internal static class CatalogEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/units", ListUnits).WithName("ListUnits").WithSummary("Cây đơn vị hành chính: tỉnh, sở, huyện, xã");
        api.MapGet("/procedures", ListProcedures).WithName("ListProcedures")
            .WithSummary("Tìm thủ tục (có dấu hoặc không dấu), lọc theo đơn vị, lĩnh vực, cấp, mức độ trực tuyến");
        api.MapGet("/procedures/{code}", GetProcedure).WithName("GetProcedure").WithSummary("Toàn bộ thông tin một thủ tục");
    }

    private static async Task<Ok<List<UnitDto>>> ListUnits(MotCuaDbContext db, CancellationToken cancellationToken)
    {
        var units = await db.Set<Unit>().AsNoTracking()
            .OrderBy(u => u.Path)
            .Select(u => new UnitDto(u.Id, u.Code, u.Name, u.LevelCode, u.Kind.ToString(), u.ParentId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(units);
    }

    private static async Task<Results<Ok<ProcedureListDto>, ProblemHttpResult>> ListProcedures(
        ProcedureSearch search,
        string? q,
        int? unitId,
        string? field,
        string? level,
        string? onlineLevel,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        OnlineLevel? parsedLevel = null;
        string? levelError = null;
        if (!string.IsNullOrWhiteSpace(onlineLevel))
        {
            if (Common.Text.EnumNames.TryParse<OnlineLevel>(onlineLevel, out var l, ignoreCase: true))
            {
                parsedLevel = l;
            }
            else
            {
                levelError = "Mức độ trực tuyến phải là Info, Partial hoặc Full.";
            }
        }

        var pageNumber = page ?? 1;
        var size = pageSize ?? 20;
        if (levelError is not null || pageNumber is < 1 or > 10_000 || size is < 1 or > ProcedureQuery.MaxPageSize || q?.Length > 200)
        {
            return Problems.Validation("Tham số tìm kiếm không hợp lệ.",
                ("onlineLevel", levelError),
                ("page", pageNumber is < 1 or > 10_000 ? "Số trang phải từ 1 đến 10000." : null),
                ("pageSize", size is < 1 or > ProcedureQuery.MaxPageSize ? $"Số thủ tục mỗi trang phải từ 1 đến {ProcedureQuery.MaxPageSize}." : null),
                ("q", q?.Length > 200 ? "Từ khóa tìm kiếm dài quá 200 ký tự." : null));
        }

        var result = await search.SearchAsync(new ProcedureQuery(q, unitId, field, level, parsedLevel, pageNumber, size), cancellationToken);
        var items = result.Items.Select(p => new ProcedureSummaryDto(
            p.Code, p.NationalCode, p.Name, p.Field, p.LevelCode, p.UnitIds, p.OnlineLevel, p.OnlineOnly, p.PostalAllowed, p.ProcessingDays)).ToList();
        return TypedResults.Ok(new ProcedureListDto(items, result.Total, pageNumber, size));
    }

    private static async Task<Results<Ok<ProcedureDto>, ProblemHttpResult>> GetProcedure(string code, MotCuaDbContext db, CancellationToken cancellationToken)
    {
        var procedure = await db.Set<Procedure>().AsNoTracking().Include(p => p.Units)
            .SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        return procedure is null
            ? Problems.NotFound($"Không có thủ tục mã {code} trong danh mục.")
            : TypedResults.Ok(ProcedureDto.From(procedure));
    }
}
