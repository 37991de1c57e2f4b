using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Web.Common.Persistence;

namespace MotCua.Web.Common.Layout;

/// <summary>The name the portal shows in its header: the root unit of the tree (the province).</summary>
public sealed class PortalInfo(MotCuaDbContext db, IMemoryCache cache)
{
    public async Task<string> ProvinceNameAsync()
    {
        var name = await cache.GetOrCreateAsync("portal:province-name", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            var root = await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Id)
                .Select(u => u.Name).FirstOrDefaultAsync();
            return root is null ? null : ShortName(root);
        });
        return name ?? "Cổng Dịch vụ công";
    }

    /// <summary>"Ủy ban nhân dân tỉnh An Bình" → "tỉnh An Bình".</summary>
    private static string ShortName(string unitName)
    {
        foreach (var prefix in new[] { "Ủy ban nhân dân ", "UBND " })
        {
            if (unitName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return unitName[prefix.Length..];
            }
        }

        return unitName;
    }
}

public static class Money
{
    /// <summary>12000 → "12.000 đồng"; 0 → "Miễn phí".</summary>
    public static string Vnd(long amount) =>
        amount == 0 ? "Miễn phí" : amount.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + " đồng";
}

public static class Labels
{
    public static string OnlineLevel(MotCua.Web.Modules.Catalog.Domain.OnlineLevel level) => level switch
    {
        MotCua.Web.Modules.Catalog.Domain.OnlineLevel.Full => "Trực tuyến toàn trình",
        MotCua.Web.Modules.Catalog.Domain.OnlineLevel.Partial => "Trực tuyến một phần",
        _ => "Chỉ cung cấp thông tin",
    };

    public static string Level(string levelCode) => levelCode switch
    {
        "province" => "Cấp tỉnh",
        "district" => "Cấp huyện",
        "commune" => "Cấp xã",
        _ => levelCode,
    };
}
