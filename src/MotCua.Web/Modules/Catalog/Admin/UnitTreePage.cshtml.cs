using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Exchange;
using MotCua.Web.Modules.Catalog.Units;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Catalog.Admin;

/// <summary>
/// "/quan-tri/don-vi": the province's unit tree for the province admin: every unit with its state (working, or merged
/// into a successor on a day), adding a unit, merging units into a successor and dissolving one, on the same use cases
/// as the API; the tree downloads as JSON.
/// </summary>
[Authorize(Policy = Common.Web.AccessPolicies.ProvinceAdminPages)]
public sealed class UnitTreePageModel(UnitTree tree, MotCuaDbContext db, AccountDirectory accounts) : PageModel
{
    public const string Path = "/quan-tri/don-vi";
    private const string Purpose = "unit-tree-import-file";

    /// <summary>What a checked tree file would do, before the admin confirms it.</summary>
    public UnitImportReport? TreeReport { get; private set; }

    /// <summary>The checked file, kept aside (protected key) for the confirming post.</summary>
    public string? TreePending { get; private set; }

    public IReadOnlyList<UnitView> Units { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Levels { get; private set; } = new Dictionary<string, string>();
    public string? Message { get; private set; }

    /// <summary>Which form the errors belong to ("create", "merge", "dissolve").</summary>
    public string? Failed { get; private set; }

    [BindProperty] public NewUnitInput Create { get; set; } = new();
    [BindProperty] public MergeInput Merge { get; set; } = new();
    [BindProperty] public DissolveInput Dissolve { get; set; } = new();

    public sealed class NewUnitInput
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? ShortName { get; set; }
        public UnitKind? Kind { get; set; }
        public string? Level { get; set; }
        public int? ParentId { get; set; }
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
    }

    public sealed class MergeInput
    {
        public List<int> UnitIds { get; set; } = [];
        public int? SuccessorId { get; set; }
        public string? EffectiveOn { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class DissolveInput
    {
        public int? UnitId { get; set; }
        public int? SuccessorId { get; set; }
        public int? ChildrenParentId { get; set; }
        public string? EffectiveOn { get; set; }
        public string? Reason { get; set; }
    }

    public async Task OnGetAsync(string? xong, CancellationToken cancellationToken)
    {
        Message = xong;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, [FromServices] UnitTreeFile files, CancellationToken cancellationToken)
    {
        var file = await files.ExportAsync(cancellationToken);
        return format == "xlsx"
            ? File(UnitTreeFile.ToExcel(file), ExcelCatalog.ContentType, "cay-don-vi.xlsx")
            : File(JsonSerializer.SerializeToUtf8Bytes(file, CatalogJson.Options), "application/json", "cay-don-vi.json");
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var c = Create;
        var created = await tree.CreateAsync(new NewUnit(c.Code, c.Name, c.ShortName, c.Kind, c.Level, c.ParentId, c.Address, c.Phone, c.Email), Actor(), cancellationToken);
        return await DoneAsync(created.Failure, "create", $"Đã thêm {created.Value?.Name}.", cancellationToken);
    }

    public async Task<IActionResult> OnPostMergeAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!TryDate(Merge.EffectiveOn, "Merge.EffectiveOn", out var on))
        {
            return await DoneAsync(null, "merge", null, cancellationToken);
        }

        var merged = await tree.MergeAsync(new UnitMerge(Merge.UnitIds, Merge.SuccessorId, on, Merge.Reason), Actor(), cancellationToken);
        return await DoneAsync(merged.Failure, "merge", merged.Value is { } r ? Summary("Đã sáp nhập", r) : null, cancellationToken);
    }

    public async Task<IActionResult> OnPostDissolveAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Dissolve.UnitId is not int id)
        {
            ModelState.AddModelError("Dissolve.UnitId", "Chọn đơn vị giải thể.");
            return await DoneAsync(null, "dissolve", null, cancellationToken);
        }

        if (!TryDate(Dissolve.EffectiveOn, "Dissolve.EffectiveOn", out var on))
        {
            return await DoneAsync(null, "dissolve", null, cancellationToken);
        }

        var dissolved = await tree.DissolveAsync(id, new UnitDissolve(Dissolve.SuccessorId, Dissolve.ChildrenParentId, on, Dissolve.Reason), Actor(), cancellationToken);
        return await DoneAsync(dissolved.Failure, "dissolve", dissolved.Value is { } r ? Summary("Đã giải thể", r) : null, cancellationToken);
    }

    /// <summary>"Kiểm tra tệp": a tree file (JSON or Excel) run as a dry run; nothing changes until it is confirmed.</summary>
    public async Task<IActionResult> OnPostCheckTreeAsync(IFormFile? treeFile, [FromServices] CheckedFiles checkedFiles, [FromServices] UnitTreeFile files, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (treeFile is null || treeFile.Length == 0)
        {
            ModelState.AddModelError("treeFile", "Chọn tệp cây đơn vị (.json hoặc .xlsx) để kiểm tra.");
        }
        else
        {
            var (kept, token) = await checkedFiles.KeepAsync(treeFile, Purpose, cancellationToken);
            if (await RunTreeAsync(kept, dryRun: true, checkedFiles, files, cancellationToken) is { } report)
            {
                (TreeReport, TreePending) = (report, token);
            }
        }

        Failed = "import";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostImportTreeAsync(string? pending, [FromServices] CheckedFiles checkedFiles, [FromServices] UnitTreeFile files, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (checkedFiles.Find(pending, Purpose) is not { } kept)
        {
            ModelState.AddModelError("treeFile", "Không tìm thấy tệp đã kiểm tra. Hãy chọn và kiểm tra lại tệp.");
        }
        else if (await RunTreeAsync(kept, dryRun: false, checkedFiles, files, cancellationToken) is { } report)
        {
            var message = $"Đã nhập cây đơn vị: thêm {report.Added.Count} đơn vị, thay đổi {report.Changed.Count} đơn vị"
                + (report.Refused.Count > 0 ? $", {report.Refused.Count} đơn vị bị từ chối." : ".");
            return Redirect($"{Path}?xong={Uri.EscapeDataString(message)}");
        }

        Failed = "import";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<UnitImportReport?> RunTreeAsync(CheckedFiles.Kept kept, bool dryRun, CheckedFiles checkedFiles, UnitTreeFile files, CancellationToken cancellationToken)
    {
        Result<UnitTreeFileContent> read;
        try
        {
            await using var stream = await checkedFiles.OpenAsync(kept, cancellationToken);
            read = await UnitTreeFile.ReadAsync(stream, kept.Excel, cancellationToken);
        }
        catch (IOException)
        {
            ModelState.AddModelError("treeFile", "Không đọc được tệp đã kiểm tra. Hãy chọn và kiểm tra lại tệp.");
            return null;
        }

        if (read.Failure is { } unreadable)
        {
            ModelState.AddModelError("treeFile", unreadable.Headline);
            return null;
        }

        var report = await files.ImportAsync(read.Value!, dryRun, Actor(), cancellationToken);
        if (report.Failure is { } failure)
        {
            ModelState.AddModelError("treeFile", failure.Headline);
            return null;
        }

        return report.Value;
    }

    private static string Summary(string what, Reorganised r) =>
        $"{what} {string.Join(", ", r.Ended.Select(u => u.Name))} vào {r.Successor.Name}: "
        + string.Join(", ", r.Moved.Select(m => $"{m.Value} {m.Key}")) + " chuyển sang đơn vị kế thừa"
        + (r.ProceduresChanged.Count > 0 ? $"; {r.ProceduresChanged.Count} thủ tục có phiên bản mới" : string.Empty)
        + (r.ProceduresNotChanged.Count > 0 ? $"; {r.ProceduresNotChanged.Count} thủ tục chưa cập nhật được, hãy sửa trong danh mục" : string.Empty) + ".";

    private async Task<IActionResult> DoneAsync(Failure? failure, string form, string? message, CancellationToken cancellationToken)
    {
        if (failure is null && message is not null)
        {
            return Redirect($"{Path}?xong={Uri.EscapeDataString(message)}");
        }

        if (failure is not null)
        {
            var prefix = form switch { "create" => "Create", "merge" => "Merge", _ => "Dissolve" };
            foreach (var field in failure.Fields)
            {
                var name = field.Field switch { "id" => "UnitId", var f => char.ToUpperInvariant(f[0]) + f[1..] };
                ModelState.AddModelError($"{prefix}.{name}", field.Message);
            }

            if (failure.Fields.Count == 0)
            {
                ModelState.AddModelError(string.Empty, failure.Message);
            }
        }

        Failed = form;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private bool TryDate(string? text, string key, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        ModelState.AddModelError(key, "Ngày không hợp lệ; chọn ngày theo dạng ngày/tháng/năm.");
        return false;
    }

    private UnitTree.Actor Actor() => new(accounts.UserId(User), User.Identity?.Name ?? "?");

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Units = await tree.ListAsync(cancellationToken);
        Levels = await db.Set<AdministrativeLevel>().AsNoTracking().OrderBy(l => l.Rank).ToDictionaryAsync(l => l.Code, l => l.Name, cancellationToken);
    }

    public static string KindName(UnitKind kind) => kind switch
    {
        UnitKind.PeopleCommittee => "Ủy ban nhân dân tỉnh",
        UnitKind.Department => "Sở, ngành",
        UnitKind.District => "Huyện, thị xã, thành phố",
        UnitKind.Office => "Phòng, ban, đơn vị trực thuộc",
        UnitKind.Commune => "Xã, phường, thị trấn",
        _ => "Trung tâm phục vụ hành chính công",
    };
}
