using System.Globalization;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.EForms.Public;

namespace MotCua.Web.Modules.Catalog.Units;

/// <summary>The working communes and wards of the tree, each with its province, in Vietnamese alphabetical order.</summary>
public sealed class TreeAddressPlaces(CatalogDirectory directory) : IAddressPlaces
{
    private static readonly StringComparer Vietnamese = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var units = await directory.AllUnitsAsync(cancellationToken);
        var province = units.FirstOrDefault(u => u.ParentId is null)?.AreaName;
        return units.Where(u => u.LevelCode == "commune" && !u.Ended && !string.IsNullOrWhiteSpace(u.AreaName))
            .Select(u => province is null ? u.AreaName : $"{u.AreaName}, {province}")
            .Distinct(StringComparer.Ordinal)
            .Order(Vietnamese)
            .ToList();
    }
}
