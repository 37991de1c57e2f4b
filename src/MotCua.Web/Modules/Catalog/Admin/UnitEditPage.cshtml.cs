using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Units;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Catalog.Admin;

/// <summary>
/// "/quan-tri/don-vi/{id}": one unit for the province admin: rename it and correct its contacts, put it under another
/// parent (everything below it and its applications follow), and read its history of changes.
/// </summary>
[Authorize(Policy = Common.Web.AccessPolicies.ProvinceAdminPages)]
public sealed class UnitEditPageModel(UnitTree tree, MotCuaDbContext db, AccountDirectory accounts, Payments.Public.UnitPaymentAccounts paymentAccounts) : PageModel
{
    /// <summary>The account the unit's fees are collected into; null when none is declared.</summary>
    public Payments.Public.UnitPaymentAccount? PaymentAccount { get; private set; }

    public UnitView Unit { get; private set; } = null!;
    public IReadOnlyList<UnitView> Parents { get; private set; } = [];
    public IReadOnlyList<UnitChange> History { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Names { get; private set; } = new Dictionary<int, string>();
    public string? Message { get; private set; }

    [BindProperty] public UnitEdit Edit { get; set; } = new(null, null, null, null, null);
    [BindProperty] public int? ParentId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string? xong, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Message = xong;
        Edit = new UnitEdit(Unit.Name, Unit.ShortName, Unit.Address, Unit.Phone, Unit.Email);
        ParentId = Unit.ParentId;
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var edited = await tree.EditAsync(id, Edit, Actor(), cancellationToken);
        return await DoneAsync(id, edited.Failure, "Edit", () => $"Đã lưu thông tin {Unit.Name}.", cancellationToken);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var moved = await tree.MoveAsync(id, new UnitMove(ParentId, Reason), Actor(), cancellationToken);
        return await DoneAsync(id, moved.Failure, null, () => $"Đã chuyển {Unit.Name} về dưới {Names.GetValueOrDefault(Unit.ParentId ?? 0)}.", cancellationToken);
    }

    /// <param name="prefix">The form's field prefix ("Edit"); null for the move form, whose fields have none.</param>
    /// <param name="message">What to say after success, read from the unit as it is now.</param>
    private async Task<IActionResult> DoneAsync(int id, Failure? failure, string? prefix, Func<string> message, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (failure is null)
        {
            return Redirect($"{UnitTreePageModel.Path}/{id}?xong={Uri.EscapeDataString(message())}");
        }

        // The other form shows the unit as it is.
        if (prefix is null)
        {
            Edit = new UnitEdit(Unit.Name, Unit.ShortName, Unit.Address, Unit.Phone, Unit.Email);
        }
        else
        {
            ParentId = Unit.ParentId;
        }

        foreach (var field in failure.Fields)
        {
            var name = char.ToUpperInvariant(field.Field[0]) + field.Field[1..];
            ModelState.AddModelError(prefix is null ? name : $"{prefix}.{name}", field.Message);
        }

        if (failure.Fields.Count == 0)
        {
            ModelState.AddModelError(string.Empty, failure.Message);
        }

        return Page();
    }

    private UnitTree.Actor Actor() => new(accounts.UserId(User), User.Identity?.Name ?? "?");

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var units = await tree.ListAsync(cancellationToken);
        if (units.SingleOrDefault(u => u.Id == id) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Names = units.ToDictionary(u => u.Id, u => u.Name);
        Parents = units.Where(u => u.EndedOn is null && !u.Path.StartsWith(unit.Path, StringComparison.Ordinal)).ToList();
        PaymentAccount = await paymentAccounts.ForUnitAsync(id, cancellationToken);
        History = await db.Set<UnitChange>().AsNoTracking().Where(c => c.UnitId == id || c.SuccessorId == id)
            .OrderByDescending(c => c.Id).Take(100).ToListAsync(cancellationToken);
        return true;
    }

    public static string KindName(UnitChangeKind kind) => kind switch
    {
        UnitChangeKind.Create => "Thêm mới",
        UnitChangeKind.Edit => "Sửa thông tin",
        UnitChangeKind.Move => "Chuyển đơn vị cấp trên",
        UnitChangeKind.Merge => "Sáp nhập",
        _ => "Giải thể",
    };
}
