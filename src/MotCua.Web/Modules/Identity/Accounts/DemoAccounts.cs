using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Identity.Accounts;

/// <summary>The demo accounts of the embedded default (README lists them). Password for all: MotCua@2026.</summary>
internal sealed class DemoAccounts(CatalogDirectory catalog, UserManager<AppUser> users, StartupNotes notes) : IDatabaseSeeder
{
    public const string Password = "MotCua@2026";

    /// <summary>The ward where the demo officers sit.</summary>
    public const string OfficerUnitCode = "000.01.00.H99";

    public const string ProvinceUnitCode = "000.00.00.H99";

    public int Order => 20;

    public bool DemoOnly => true;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        notes.Add($"Tỉnh mẫu An Bình đã được nạp. Tài khoản mẫu, mật khẩu {Password}: citizen1, citizen2, business1 (người nộp), reception1, specialist1, leader1 (cán bộ), admin (quản trị) — danh sách đầy đủ trong README.md, mục “Run it”.");
        notes.Add($"The demo province (An Bình) is seeded. Demo accounts, password {Password}: citizen1, citizen2, business1 (applicants), reception1, specialist1, leader1 (officers), admin — listed in README.md under “Run it”.");
        if (await users.FindByNameAsync("admin") is not null)
        {
            return;
        }

        var ward = await catalog.UnitAsync(OfficerUnitCode, cancellationToken)
            ?? throw new InvalidOperationException($"Demo unit {OfficerUnitCode} is missing from the demo province.");
        var province = await catalog.UnitAsync(ProvinceUnitCode, cancellationToken)
            ?? throw new InvalidOperationException($"Demo unit {ProvinceUnitCode} is missing from the demo province.");

        await Create("citizen1", "Nguyễn Văn An", AccountType.Citizen, Roles.Citizen, identityNumber: "001090000001", phone: "0912000001");
        await Create("citizen2", "Trần Thị Bình", AccountType.Citizen, Roles.Citizen, identityNumber: "001190000002", phone: "0912000002");
        await Create("business1", "Công ty TNHH Thương mại An Bình Xanh", AccountType.Business, Roles.Business, taxCode: "0109000001", phone: "0243000001");
        await Create("reception1", "Lê Thị Thu", AccountType.Officer, Roles.Reception, unitId: ward.Id);
        await Create("specialist1", "Phạm Minh Quân", AccountType.Officer, Roles.Specialist, unitId: ward.Id);
        await Create("leader1", "Hoàng Văn Hải", AccountType.Officer, Roles.Leader, unitId: ward.Id);
        await Create("admin", "Quản trị hệ thống tỉnh", AccountType.Officer, Roles.ProvinceAdmin, unitId: province.Id);
    }

    private async Task Create(string userName, string fullName, AccountType type, string role,
        string? identityNumber = null, string? taxCode = null, string? phone = null, int? unitId = null)
    {
        var user = new AppUser
        {
            UserName = userName,
            FullName = fullName,
            AccountType = type,
            IdentityNumber = identityNumber,
            TaxCode = taxCode,
            PhoneNumber = phone,
            PhoneNumberConfirmed = phone is not null,
            Email = $"{userName}@demo.anbinh.gov.vn",
            EmailConfirmed = true,
            UnitId = unitId,
            Representative = type == AccountType.Business ? "Nguyễn Thị Mai" : null,
            Address = type == AccountType.Officer ? null : "Số 12 đường Trần Phú, phường An Phú, tỉnh An Bình",
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
