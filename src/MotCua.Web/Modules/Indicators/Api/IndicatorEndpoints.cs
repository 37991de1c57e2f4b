using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Indicators.Domain;

namespace MotCua.Web.Modules.Indicators.Api;

/// <summary>One variant of an indicator as the definitions list shows it, with the sets it divides.</summary>
public sealed record DefinitionView(string Id, string Name, string Variant, bool Chosen, string Numerator, string NumeratorMeaning, string Denominator, string DenominatorMeaning, string Description);

internal static class IndicatorEndpoints
{
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Chỉ số").RequireAuthorization(Identity.IdentityModule.ApiPolicy);
        group.MapGet("/indicators", Indicators).WithName("GetIndicators")
            .WithSummary("Các chỉ số của đơn vị và các đơn vị trực thuộc trong kỳ (from, to: yyyy-MM-dd, tính cả hai ngày, giờ Việt Nam; mặc định từ đầu tháng đến hôm nay; hoặc period: 2026-11, 2026-Q4, 2026 theo ngày chốt số liệu Indicators:CutOffDay); value là phần trăm");
        group.MapGet("/indicators/definitions", Definitions).WithName("GetIndicatorDefinitions")
            .WithSummary("Định nghĩa các chỉ số: mỗi cách tính (variant) là một tử số và một mẫu số; chosen là cách tỉnh đang dùng");
        group.MapGet("/indicators/ranking", RankingOf).WithName("GetIndicatorRanking")
            .WithSummary("Xếp hạng các đơn vị trực thuộc đơn vị (unitId) theo mục tiêu trong kỳ: mỗi chỉ số có mục tiêu tối đa 10 điểm theo tỷ lệ đạt, mỗi mục tiêu không đạt bị trừ điểm (Indicators:MissedTargetDeduction)");
        group.MapGet("/indicators/report", Workbook).WithName("GetIndicatorReport")
            .WithSummary("Các chỉ số của đơn vị và từng đơn vị trực thuộc trong kỳ, cùng xếp hạng, dạng Excel (đơn vị, chỉ số, giá trị, mục tiêu, mức)");
        group.MapGet("/indicators/report.pdf", Pdf).WithName("GetIndicatorReportPdf")
            .WithSummary("Báo cáo kết quả thực hiện các chỉ số của đơn vị và từng đơn vị trực thuộc trong kỳ, cùng xếp hạng, dạng PDF (A4 ngang)");
        group.MapGet("/index766", Index766Of).WithName("GetIndex766")
            .WithSummary("Bộ chỉ số phục vụ người dân, doanh nghiệp theo Quyết định 766/QĐ-TTg của đơn vị trong kỳ: nhóm, chỉ số, tử số, mẫu số, điểm và xếp loại; chỉ số chưa có số liệu không tính vào điểm có thể đạt (measurable), score là điểm quy về thang 100");
        group.MapGet("/indicators/trend", TrendOf).WithName("GetIndicatorTrend")
            .WithSummary("Các chỉ số theo từng tháng báo cáo (theo ngày chốt số liệu), months tháng (1–36, mặc định 12) đến hết tháng chứa ngày to");
        group.MapGet("/indicators/applications", ApplicationsOf).WithName("GetIndicatorApplications")
            .WithSummary("Các hồ sơ được đếm trong một tập số liệu (set, ví dụ applications.received.online) của đơn vị và kỳ: số hồ sơ theo thủ tục, và từng trang 20 hồ sơ (procedure để lọc một thủ tục)");
        group.MapGet("/indicators/handling", Handling).WithName("GetHandlingReport")
            .WithSummary("Báo cáo tình hình giải quyết thủ tục hành chính (mẫu 06a) theo lĩnh vực của đơn vị và các đơn vị trực thuộc trong kỳ (from, to hoặc period như /indicators): nhận giải quyết (tổng số = từ kỳ trước chuyển sang + mới tiếp nhận trực tuyến, trực tiếp, bưu chính), đã giải quyết (trước hạn, đúng hạn, quá hạn), đang giải quyết cuối kỳ (trong hạn, quá hạn)");
        group.MapGet("/indicators/handling.xlsx", HandlingFile(HandlingDocuments.Xlsx)).WithName("GetHandlingReportWorkbook")
            .WithSummary("Báo cáo tình hình giải quyết thủ tục hành chính dạng Excel");
        group.MapGet("/indicators/handling.pdf", HandlingFile(HandlingDocuments.Pdf)).WithName("GetHandlingReportPdf")
            .WithSummary("Báo cáo tình hình giải quyết thủ tục hành chính dạng PDF (A4 ngang)");
        group.MapGet("/targets/gap", GapOf).WithName("GetTargetGap")
            .WithSummary("Khoảng cách đến mục tiêu của đơn vị cho một chỉ số trong kỳ: cần thêm bao nhiêu, các thủ tục giúp thu hẹp, và hồ sơ đến hạn trong một ngày làm việc chưa ở bước cuối");
        group.MapGet("/targets", Targets).WithName("GetIndicatorTargets")
            .WithSummary("Mục tiêu đặt cho đơn vị và các đơn vị trực thuộc (unitId; mặc định cả phạm vi của bạn)");
        var admin = app.MapGroup("/api/v1").WithTags("Chỉ số").RequireAuthorization(Common.Web.AccessPolicies.ProvinceAdminApi);
        admin.MapPost("/targets", SetTarget).WithName("SetIndicatorTarget")
            .WithSummary("Đặt mục tiêu của đơn vị cho một chỉ số trong một kỳ (kind: Rate là tỷ lệ phần trăm, Count là số lượng so với tử số); đặt lại cùng đơn vị, chỉ số và kỳ thì thay mục tiêu cũ. Mục tiêu áp dụng cho cả các đơn vị trực thuộc chưa có mục tiêu riêng");
        admin.MapGet("/targets/template", Template).WithName("GetIndicatorTargetTemplate")
            .WithSummary("Tệp Excel mẫu để nhập mục tiêu: mỗi dòng một mục tiêu (mã đơn vị, mã chỉ số, từ ngày, đến ngày, loại, mục tiêu)");
        admin.MapPost("/targets/import", Import).WithName("ImportIndicatorTargets")
            .WithSummary("Nhập mục tiêu từ tệp Excel theo mẫu: mọi dòng hợp lệ thì lưu cả, có dòng sai thì báo từng dòng và không lưu gì")
            .Accepts<IFormFile>(IndicatorExcel.ContentType).WithBodyLimit(5 * 1024 * 1024);
        admin.MapDelete("/targets/{id:long}", RemoveTarget).WithName("RemoveIndicatorTarget").WithSummary("Bỏ một mục tiêu");
    }

    private static async Task<Results<Ok<IReadOnlyList<IndicatorValue>>, ProblemHttpResult>> Indicators(
        int? unitId, string? from, string? to, string? period, ClaimsPrincipal user, IndicatorReport report, CancellationToken cancellationToken)
    {
        var sheet = await report.SheetAsync(user, unitId, from, to, cancellationToken, period);
        return sheet.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(sheet.Value!.Indicators);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Pdf(
        int? unitId, string? from, string? to, string? period, ClaimsPrincipal user, IndicatorReport report, CancellationToken cancellationToken)
    {
        var pdf = await report.PdfAsync(user, unitId, from, to, cancellationToken, period);
        return pdf.Failure is { } failure ? failure.ToProblem() : TypedResults.File(pdf.Value.Content, pdf.Value.ContentType, pdf.Value.FileName);
    }

    private static async Task<Results<Ok<Index766Sheet>, ProblemHttpResult>> Index766Of(
        int? unitId, string? from, string? to, string? period, ClaimsPrincipal user, Index766Report index, CancellationToken cancellationToken)
    {
        var sheet = await index.SheetAsync(user, unitId, from, to, period, cancellationToken);
        return sheet.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(sheet.Value!);
    }

    private static async Task<Results<Ok<IReadOnlyList<TrendPoint>>, ProblemHttpResult>> TrendOf(
        int? unitId, string? to, int? months, ClaimsPrincipal user, IndicatorReport report, CancellationToken cancellationToken)
    {
        if (months is < 1 or > 36)
        {
            return Failure.Invalid("Số tháng chưa hợp lệ.", ("months", "Chọn từ 1 đến 36 tháng.")).ToProblem();
        }

        var asked = await report.ChooseAsync(user, unitId, to, to, cancellationToken);
        if (asked.Failure is { } failure)
        {
            return failure.ToProblem();
        }

        return TypedResults.Ok(await report.TrendAsync(asked.Value!.Unit, asked.Value.To, months ?? 12, cancellationToken));
    }

    private static async Task<Results<Ok<FigureApplications>, ProblemHttpResult>> ApplicationsOf(
        int? unitId, string? from, string? to, string? period, string? set, string? procedure, int? page, ClaimsPrincipal user, IndicatorDrillDown drillDown, CancellationToken cancellationToken)
    {
        var figure = await drillDown.OpenAsync(user, unitId, from, to, period, set, procedure, Math.Clamp(page ?? 1, 1, 100_000), cancellationToken);
        return figure.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(figure.Value!);
    }

    private static async Task<Results<Ok<HandlingSheet>, ProblemHttpResult>> Handling(
        int? unitId, string? from, string? to, string? period, ClaimsPrincipal user, HandlingReport report, CancellationToken cancellationToken)
    {
        var sheet = await report.SheetAsync(user, unitId, from, to, cancellationToken, period);
        return sheet.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(sheet.Value!);
    }

    private static Func<int?, string?, string?, string?, ClaimsPrincipal, HandlingReport, NodaTime.IClock, CancellationToken, Task<Results<FileContentHttpResult, ProblemHttpResult>>> HandlingFile(string format) =>
        async (unitId, from, to, period, user, report, clock, cancellationToken) =>
        {
            var sheet = await report.SheetAsync(user, unitId, from, to, cancellationToken, period);
            if (sheet.Failure is { } failure)
            {
                return failure.ToProblem();
            }

            var (content, contentType, fileName) = await report.RenderAsync(sheet.Value!, format, clock.GetCurrentInstant(), cancellationToken);
            return TypedResults.File(content, contentType, fileName);
        };

    private static async Task<Results<Ok<IReadOnlyList<RankedUnit>>, ProblemHttpResult>> RankingOf(
        int? unitId, string? from, string? to, string? period, ClaimsPrincipal user, IndicatorReport report, CancellationToken cancellationToken)
    {
        var ranking = await report.RankingAsync(user, unitId, from, to, cancellationToken, period);
        return ranking.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(ranking.Value!);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Workbook(
        int? unitId, string? from, string? to, string? period, ClaimsPrincipal user, IndicatorReport report, CancellationToken cancellationToken)
    {
        var workbook = await report.WorkbookAsync(user, unitId, from, to, cancellationToken, period);
        return workbook.Failure is { } failure ? failure.ToProblem() : TypedResults.File(workbook.Value.Content, workbook.Value.ContentType, workbook.Value.FileName);
    }

    private static async Task<Results<Ok<TargetGap>, ProblemHttpResult>> GapOf(
        int? unitId, string? indicator, string? from, string? to, string? period, ClaimsPrincipal user, TargetGaps gaps, CancellationToken cancellationToken)
    {
        var gap = await gaps.GapAsync(user, unitId, indicator, from, to, cancellationToken, period);
        return gap.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(gap.Value!);
    }

    private static async Task<Results<Ok<IReadOnlyList<TargetView>>, ProblemHttpResult>> Targets(
        int? unitId, ClaimsPrincipal user, IndicatorReport report, IndicatorTargets targets, Catalog.Public.CatalogDirectory catalog, CancellationToken cancellationToken)
    {
        if (await report.ScopeAsync(user, cancellationToken) is not { } scope)
        {
            return Failure.Forbidden("Chỉ cán bộ và quản trị viên xem được các chỉ số.").ToProblem();
        }

        var unit = unitId is int id ? await catalog.UnitAsync(id, cancellationToken) : null;
        if (unitId is not null && (unit is null || !unit.IsWithin(scope)))
        {
            return Failure.NotFound("Không có đơn vị này trong phạm vi của bạn.").ToProblem();
        }

        var units = await catalog.SubtreeAsync(unit?.Path ?? scope, cancellationToken);
        return TypedResults.Ok(await targets.ListAsync(units.Select(u => u.Id).ToList(), cancellationToken));
    }

    private static async Task<Results<Created<TargetView>, ProblemHttpResult>> SetTarget(
        TargetInput? input, ClaimsPrincipal user, IndicatorTargets targets, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            return Problems.Validation("Mục tiêu chưa hợp lệ.", ("unitId", "Gửi mục tiêu dạng JSON: unitId, indicator, from, to, kind, value."));
        }

        var set = await targets.SetAsync(user, input, cancellationToken);
        return set.Failure is { } failure ? failure.ToProblem() : TypedResults.Created($"/api/v1/targets/{set.Value!.Id}", set.Value);
    }

    private static async Task<FileContentHttpResult> Template(Catalog.Public.CatalogDirectory catalog, NodaTime.IClock clock, CancellationToken cancellationToken)
    {
        var root = await catalog.RootAsync(cancellationToken);
        var year = clock.GetCurrentInstant().InZone(Common.Text.VietnameseDates.Zone).Year;
        return TypedResults.File(TargetWorkbook.Template(root?.Code ?? "000.00.00.H99", year), IndicatorExcel.ContentType, "mau-muc-tieu.xlsx");
    }

    /// <summary>The imported count: {imported}.</summary>
    public sealed record TargetImport(int Imported);

    private static async Task<Results<Ok<TargetImport>, ProblemHttpResult>> Import(HttpRequest request, ClaimsPrincipal user, IndicatorTargets targets, CancellationToken cancellationToken)
    {
        if (request.ContentType?.StartsWith(IndicatorExcel.ContentType, StringComparison.OrdinalIgnoreCase) != true)
        {
            return Problems.UnsupportedMediaType("Tệp mục tiêu phải là bảng tính Excel theo mẫu (Content-Type: " + IndicatorExcel.ContentType + ").");
        }

        // The workbook reader is synchronous: the body (at most 5 MB) is read into memory first.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        if (TargetWorkbook.Read(buffer) is not { } rows)
        {
            return Problems.Validation("Không đọc được tệp mục tiêu.", ("file", $"Dùng tệp mẫu (GET /api/v1/targets/template): trang \"{TargetWorkbook.Sheet}\" với các cột của mẫu."));
        }

        var imported = await targets.ImportAsync(user, rows, cancellationToken);
        return imported.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(new TargetImport(imported.Value));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveTarget(long id, IndicatorTargets targets, CancellationToken cancellationToken) =>
        await targets.RemoveAsync(id, cancellationToken) ? TypedResults.NoContent() : Failure.NotFound("Không có mục tiêu này.").ToProblem();

    private static async Task<Results<Ok<IReadOnlyList<DefinitionView>>, ProblemHttpResult>> Definitions(
        ClaimsPrincipal user, IndicatorReport report, Microsoft.Extensions.Options.IOptions<IndicatorOptions> options, CancellationToken cancellationToken)
    {
        if (await report.ScopeAsync(user, cancellationToken) is null)
        {
            return Failure.Forbidden("Chỉ cán bộ và quản trị viên xem được các chỉ số.").ToProblem();
        }

        IReadOnlyList<DefinitionView> views = IndicatorDefinitions.All.Select(d => new DefinitionView(
            d.Id, d.Name, d.Variant, IndicatorDefinitions.Find(d.Id, options.Value.VariantOf(d.Id)) == d,
            d.Numerator, CountableSets.All[d.Numerator], d.Denominator, CountableSets.All[d.Denominator], d.Description)).ToList();
        return TypedResults.Ok(views);
    }
}
