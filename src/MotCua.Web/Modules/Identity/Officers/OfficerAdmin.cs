using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Audit.Public;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Identity.Accounts;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Identity.Officers;

public sealed record NewOfficer(string? UserName, string? FullName, int? UnitId, IReadOnlyList<string>? Roles, string? Email, string? Password);

public sealed record CreatedOfficer(Guid Id, string UserName);

/// <summary>An officer as the administrators' list shows it.</summary>
public sealed record OfficerView(Guid Id, string UserName, string FullName, int? UnitId, IReadOnlyList<string> Roles, string? Email, bool Disabled);

/// <summary>
/// The province admin and each agency admin manage officer accounts within their own sub-tree of units, granting no
/// role above their own: an agency admin grants reception, specialist, leader and agency admin; only the province
/// admin grants province admin. Every change is audited in the same save.
/// </summary>
public sealed class OfficerAdmin(
    UserManager<AppUser> users,
    MotCuaDbContext db,
    CatalogDirectory catalog,
    AccountLifecycle lifecycle,
    PasswordReset.PasswordResets resets,
    AuditTrail audit,
    NodaTime.IClock clock)
{
    private static readonly string[] AgencyGrants = [Roles.Reception, Roles.Specialist, Roles.Leader, Roles.AgencyAdmin, Roles.Assistant];

    private sealed record Admin(AppUser User, bool Province, string UnitPath);

    public async Task<Result<IReadOnlyList<OfficerView>>> ListAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (await AdminAsync(principal, cancellationToken) is not { } admin)
        {
            return Failure.Forbidden("Chỉ quản trị cấp tỉnh hoặc quản trị cơ quan quản lý tài khoản cán bộ.");
        }

        var units = (await catalog.SubtreeAsync(admin.UnitPath, cancellationToken)).Select(u => u.Id).ToList();
        var officers = await users.Users.AsNoTracking()
            .Where(u => u.AccountType == AccountType.Officer && u.UnitId != null && units.Contains(u.UnitId.Value))
            .OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var ids = officers.Select(o => o.Id).ToList();
        var roles = await db.UserRoles.Where(r => ids.Contains(r.UserId))
            .Join(db.Roles, r => r.RoleId, role => role.Id, (r, role) => new { r.UserId, role.Name })
            .ToListAsync(cancellationToken);
        // Disabled = locked for good (AccountLifecycle.DisableAsync); a lock after failed sign-ins ends within minutes.
        var forGood = clock.GetCurrentInstant().ToDateTimeOffset().AddYears(100);
        return officers.Select(o => new OfficerView(o.Id, o.UserName!, o.FullName, o.UnitId,
            roles.Where(r => r.UserId == o.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(), o.Email,
            o.LockoutEnd is { } end && end > forGood)).ToList();
    }

    public async Task<Result<CreatedOfficer>> CreateAsync(ClaimsPrincipal principal, NewOfficer input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await AdminAsync(principal, cancellationToken) is not { } admin)
        {
            return Failure.Forbidden("Chỉ quản trị cấp tỉnh hoặc quản trị cơ quan tạo tài khoản cán bộ.");
        }

        var userName = TextRules.Normalize(input.UserName);
        var fullName = TextRules.Normalize(input.FullName);
        var email = TextRules.Normalize(input.Email);
        var roles = (input.Roles ?? []).Select(r => r?.Trim() ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
        var unit = input.UnitId is int unitId ? await catalog.UnitAsync(unitId, cancellationToken) : null;
        (string Field, string? Message)[] problems =
        [
            ("userName", userName is null ? "Nhập tên đăng nhập của cán bộ." : TextRules.Problem(userName, TextLimits.UserName)
                ?? (userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') ? null : "Tên đăng nhập chỉ gồm chữ cái không dấu, chữ số và . - _")),
            ("fullName", fullName is null ? "Nhập họ tên cán bộ." : TextRules.Problem(fullName, TextLimits.PersonName)),
            ("unitId", unit is null ? "Chọn đơn vị công tác có trong cây đơn vị." : null),
            ("roles", roles.Count == 0 ? $"Chọn ít nhất một vai trò: {string.Join(", ", AgencyGrants)}{(admin.Province ? ", " + Roles.ProvinceAdmin : "")}."
                : roles.FirstOrDefault(r => !Roles.Officer.Contains(r)) is { } unknown ? $"Không có vai trò “{unknown}”. Vai trò của cán bộ: {string.Join(", ", Roles.Officer)}." : null),
            ("email", email is null ? null : TextRules.Problem(email, TextLimits.Email) ?? (ApplicantNumbers.IsEmail(email) ? null : "Thư điện tử không đúng dạng, ví dụ ten@anbinh.gov.vn.")),
            ("password", input.Password is null && email is null ? "Nhập mật khẩu ban đầu, hoặc thư điện tử để cán bộ tự đặt mật khẩu." : null),
        ];
        if (problems.Any(p => p.Message is not null))
        {
            return Failure.Invalid("Thông tin tài khoản cán bộ chưa hợp lệ.", problems);
        }

        if (!unit!.IsWithin(admin.UnitPath))
        {
            return Failure.Forbidden("Đơn vị này nằm ngoài phạm vi bạn quản lý.");
        }

        if (!admin.Province && roles.Any(r => !AgencyGrants.Contains(r)))
        {
            return Failure.Forbidden("Quản trị cơ quan không cấp được vai trò cao hơn vai trò của mình (quản trị cấp tỉnh).");
        }

        var user = new AppUser
        {
            UserName = userName,
            FullName = fullName!,
            AccountType = AccountType.Officer,
            UnitId = unit.Id,
            Email = email,
            EmailConfirmed = email is not null, // entered by the administrator from the agency's directory
        };
        var created = input.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return Failure.Invalid("Không tạo được tài khoản.", created.Errors.Select(e => (
                e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "email",
                (string?)e.Description)).ToArray());
        }

        foreach (var role in roles)
        {
            await users.AddToRoleAsync(user, role);
        }

        audit.Record(admin.User.Id, admin.User.UserName!, "officer.create", $"officer:{user.Id}", null,
            new { user.UserName, user.FullName, unit = unit.Code, roles, user.Email, firstPassword = input.Password is null ? "set by the officer from the e-mailed code" : "given" });
        await db.SaveChangesAsync(cancellationToken);
        if (input.Password is null)
        {
            // The officer sets the first password with the code e-mailed to them ("Quên mật khẩu" → "Đặt lại").
            await resets.RequestAsync(user.UserName!, CodeChannels.Email, cancellationToken);
        }

        return new CreatedOfficer(user.Id, user.UserName!);
    }

    public async Task<Result<OfficerView>> DisableAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken)
    {
        if (await AdminAsync(principal, cancellationToken) is not { } admin)
        {
            return Failure.Forbidden("Chỉ quản trị cấp tỉnh hoặc quản trị cơ quan khóa tài khoản cán bộ.");
        }

        var officer = await users.FindByIdAsync(id.ToString());
        var unit = officer?.UnitId is int unitId ? await catalog.UnitAsync(unitId, cancellationToken) : null;
        if (officer is null || officer.AccountType != AccountType.Officer || unit is null || !unit.IsWithin(admin.UnitPath))
        {
            return Failure.NotFound("Không có tài khoản cán bộ này trong phạm vi bạn quản lý.");
        }

        var roles = (await users.GetRolesAsync(officer)).ToList();
        if (officer.Id == admin.User.Id)
        {
            return Failure.Conflict("Không tự khóa tài khoản của mình; hãy nhờ một quản trị khác.");
        }

        if (!admin.Province && roles.Contains(Roles.ProvinceAdmin))
        {
            return Failure.Forbidden("Quản trị cơ quan không khóa được tài khoản quản trị cấp tỉnh.");
        }

        await lifecycle.DisableAsync(officer, cancellationToken);
        audit.Record(admin.User.Id, admin.User.UserName!, "officer.disable", $"officer:{officer.Id}", new { officer.UserName, disabled = false }, new { officer.UserName, disabled = true });
        await db.SaveChangesAsync(cancellationToken);
        return new OfficerView(officer.Id, officer.UserName!, officer.FullName, officer.UnitId, roles, officer.Email, Disabled: true);
    }

    /// <summary>
    /// Moves an officer to another unit within the administrator's sub-tree; their roles apply at the new unit. Their
    /// sessions end, so the next sign-in works the new unit's files and nothing of the old one stays open.
    /// </summary>
    public async Task<Result<OfficerView>> MoveAsync(ClaimsPrincipal principal, Guid id, int? unitId, CancellationToken cancellationToken)
    {
        if (await AdminAsync(principal, cancellationToken) is not { } admin)
        {
            return Failure.Forbidden("Chỉ quản trị cấp tỉnh hoặc quản trị cơ quan chuyển đơn vị công tác của cán bộ.");
        }

        var officer = await users.FindByIdAsync(id.ToString());
        var from = officer?.UnitId is int current ? await catalog.UnitAsync(current, cancellationToken) : null;
        if (officer is null || officer.AccountType != AccountType.Officer || from is null || !from.IsWithin(admin.UnitPath))
        {
            return Failure.NotFound("Không có tài khoản cán bộ này trong phạm vi bạn quản lý.");
        }

        var to = unitId is int target ? await catalog.UnitAsync(target, cancellationToken) : null;
        if (to is null)
        {
            return Failure.Invalid("Đơn vị mới chưa hợp lệ.", ("unitId", "Chọn đơn vị công tác mới có trong cây đơn vị."));
        }

        if (!to.IsWithin(admin.UnitPath))
        {
            return Failure.Forbidden("Đơn vị mới nằm ngoài phạm vi bạn quản lý.");
        }

        var roles = (await users.GetRolesAsync(officer)).ToList();
        if (officer.Id == admin.User.Id)
        {
            return Failure.Conflict("Không tự chuyển đơn vị của mình; hãy nhờ quản trị cấp trên.");
        }

        if (!admin.Province && roles.Contains(Roles.ProvinceAdmin))
        {
            return Failure.Forbidden("Quản trị cơ quan không chuyển được tài khoản quản trị cấp tỉnh.");
        }

        if (to.Id == from.Id)
        {
            return Failure.Conflict($"Cán bộ đã công tác tại {to.Name}.");
        }

        officer.UnitId = to.Id;
        var updated = await users.UpdateAsync(officer);
        if (!updated.Succeeded)
        {
            return Failure.Conflict("Không lưu được thay đổi; hãy thử lại.");
        }

        await lifecycle.EndSessionsAsync(officer, "moved", cancellationToken);
        audit.Record(admin.User.Id, admin.User.UserName!, "officer.move", $"officer:{officer.Id}",
            new { officer.UserName, unit = from.Code }, new { officer.UserName, unit = to.Code });
        await db.SaveChangesAsync(cancellationToken);
        return new OfficerView(officer.Id, officer.UserName!, officer.FullName, officer.UnitId, roles, officer.Email, Disabled: false);
    }

    /// <summary>The caller when they administer officers: the province admin over the whole tree, an agency admin over their unit's sub-tree.</summary>
    private async Task<Admin?> AdminAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || user.AccountType != AccountType.Officer || user.UnitId is not int unitId)
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        var province = roles.Contains(Roles.ProvinceAdmin);
        if (!province && !roles.Contains(Roles.AgencyAdmin))
        {
            return null;
        }

        var unit = await catalog.UnitAsync(unitId, cancellationToken);
        var path = province ? "/" : unit?.Path;
        return path is null ? null : new Admin(user, province, path);
    }
}
