using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Common.Errors;
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
            .WithSummary("Các chỉ số của đơn vị và các đơn vị trực thuộc trong kỳ (from, to: yyyy-MM-dd, tính cả hai ngày, giờ Việt Nam; mặc định từ đầu tháng đến hôm nay); value là phần trăm");
        group.MapGet("/indicators/definitions", Definitions).WithName("GetIndicatorDefinitions")
            .WithSummary("Định nghĩa các chỉ số: mỗi cách tính (variant) là một tử số và một mẫu số; chosen là cách tỉnh đang dùng");
    }

    private static async Task<Results<Ok<IReadOnlyList<IndicatorValue>>, ProblemHttpResult>> Indicators(
        int? unitId, string? from, string? to, ClaimsPrincipal user, IndicatorReport report, CancellationToken cancellationToken)
    {
        var sheet = await report.SheetAsync(user, unitId, from, to, cancellationToken);
        return sheet.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(sheet.Value!.Indicators);
    }

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
