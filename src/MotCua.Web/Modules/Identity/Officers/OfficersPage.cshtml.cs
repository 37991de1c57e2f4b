using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Identity.Officers;

/// <summary>"/quan-tri/can-bo": the officers an administrator manages, a form to add one, and a button to disable one.</summary>
[Authorize(Roles = Roles.ProvinceAdmin + "," + Roles.AgencyAdmin)]
public sealed class OfficersPageModel(OfficerAdmin officers, CatalogDirectory catalog) : PageModel
{
    public const string Path = "/quan-tri/can-bo";

    public IReadOnlyList<OfficerView> Officers { get; private set; } = [];

    public IReadOnlyDictionary<int, UnitCard> Units { get; private set; } = new Dictionary<int, UnitCard>();

    public string? Message { get; private set; }

    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public int? UnitId { get; set; }
    [BindProperty] public List<string> RoleNames { get; set; } = [];
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync(string? tao, bool khoa, string? chuyen, CancellationToken cancellationToken)
    {
        Message = tao is not null ? $"Đã tạo tài khoản {tao}."
            : khoa ? "Đã khóa tài khoản; mọi phiên đăng nhập của tài khoản đã kết thúc."
            : chuyen is not null ? $"Đã chuyển đơn vị công tác của {chuyen}; cán bộ đăng nhập lại để làm việc tại đơn vị mới." : null;
        return await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var created = await officers.CreateAsync(User, new NewOfficer(UserName, FullName, UnitId, RoleNames, string.IsNullOrWhiteSpace(Email) ? null : Email,
            string.IsNullOrEmpty(Password) ? null : Password), cancellationToken);
        if (created.Failure is { } failure)
        {
            Show(failure);
            return await LoadAsync(cancellationToken);
        }

        return Redirect($"{Path}?tao={Uri.EscapeDataString(created.Value!.UserName)}");
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid? officerId, int? toUnitId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (officerId is null)
        {
            ModelState.AddModelError("officerId", "Chọn cán bộ cần chuyển.");
            return await LoadAsync(cancellationToken);
        }

        var moved = await officers.MoveAsync(User, officerId.Value, toUnitId, cancellationToken);
        if (moved.Failure is { } failure)
        {
            ModelState.AddModelError(failure.Fields.Count > 0 ? "toUnitId" : string.Empty, failure.Headline);
            return await LoadAsync(cancellationToken);
        }

        return Redirect($"{Path}?chuyen={Uri.EscapeDataString(moved.Value!.UserName)}");
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var disabled = await officers.DisableAsync(User, id, cancellationToken);
        if (disabled.Failure is { } failure)
        {
            ModelState.AddModelError(string.Empty, failure.Message);
            return await LoadAsync(cancellationToken);
        }

        return Redirect($"{Path}?khoa=true");
    }

    private void Show(Failure failure)
    {
        foreach (var field in failure.Fields)
        {
            // The API's field names, as this form names its inputs.
            ModelState.AddModelError(field.Field == "roles" ? nameof(RoleNames) : char.ToUpperInvariant(field.Field[0]) + field.Field[1..], field.Message);
        }

        if (failure.Fields.Count == 0)
        {
            ModelState.AddModelError(string.Empty, failure.Message);
        }
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        var listed = await officers.ListAsync(User, cancellationToken);
        if (listed.Failure is not null)
        {
            return Forbid();
        }

        Officers = listed.Value!;
        Units = (await catalog.AllUnitsAsync(cancellationToken)).ToDictionary(u => u.Id);
        return Page();
    }
}
