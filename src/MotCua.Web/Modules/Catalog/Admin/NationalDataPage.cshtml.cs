using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Audit.Public;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Catalog.Admin;

/// <summary>
/// "/quan-tri/du-lieu-quoc-gia": the national list of documents a procedure no longer asks for on paper because a
/// national database supplies them, as the province keeps it. Search by procedure code or words; add, correct and
/// remove lines; every change is audited and applies to the next application.
/// </summary>
[Authorize(Policy = Common.Web.AccessPolicies.ProvinceAdminPages)]
public sealed class NationalDataPageModel(MotCuaDbContext db, CatalogDirectory directory, AuditTrail audit, AccountDirectory accounts) : PageModel
{
    public const string Path = "/quan-tri/du-lieu-quoc-gia";
    public const int PageSize = 50;

    public IReadOnlyList<NationalDataReplacement> Lines { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public string? Query { get; private set; }
    public string? Message { get; private set; }

    /// <summary>The line being corrected; null when the form adds one.</summary>
    [BindProperty] public int? Id { get; set; }
    [BindProperty] public string? ProcedureCode { get; set; }
    [BindProperty] public string? DocumentReplaced { get; set; }
    [BindProperty] public string? NationalDatabase { get; set; }
    [BindProperty] public string? DatabaseOwner { get; set; }

    public async Task<IActionResult> OnGetAsync(string? q, int? trang, int? sua, string? xong, CancellationToken cancellationToken)
    {
        Message = xong;
        if (sua is int id)
        {
            if (await db.Set<NationalDataReplacement>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } line)
            {
                return Redirect(Path);
            }

            (Id, ProcedureCode, DocumentReplaced, NationalDatabase, DatabaseOwner) = (line.Id, line.ProcedureCode, line.DocumentReplaced, line.NationalDatabase, line.DatabaseOwner);
        }

        await LoadAsync(q, trang, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var code = TextRules.Normalize(ProcedureCode);
        var document = TextRules.Normalize(DocumentReplaced);
        var database = TextRules.Normalize(NationalDatabase);
        var owner = TextRules.Normalize(DatabaseOwner) ?? string.Empty;
        Check(nameof(ProcedureCode), code, NationalDataReplacement.ProcedureCodeLength, "Nhập mã thủ tục, ví dụ: 1.001193.");
        Check(nameof(DocumentReplaced), document, NationalDataReplacement.DocumentLength, "Nhập tên giấy tờ không phải nộp, ví dụ: Căn cước.");
        Check(nameof(NationalDatabase), database, NationalDataReplacement.DatabaseLength, "Nhập cơ sở dữ liệu cung cấp, ví dụ: Cơ sở dữ liệu quốc gia về dân cư.");
        if (TextRules.Problem(owner, NationalDataReplacement.OwnerLength) is { } ownerProblem)
        {
            ModelState.AddModelError(nameof(DatabaseOwner), ownerProblem);
        }

        var line = Id is int id ? await db.Set<NationalDataReplacement>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) : null;
        if (Id is not null && line is null)
        {
            return Redirect($"{Path}?xong={Uri.EscapeDataString("Dòng này vừa bị xóa ở nơi khác.")}");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(null, null, cancellationToken);
            return Page();
        }

        var who = (accounts.UserId(User), User.Identity?.Name ?? "?");
        if (line is null)
        {
            var name = await db.Set<Procedure>().AsNoTracking().Where(p => p.NationalCode == code || p.Code == code).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken)
                ?? await db.Set<NationalDataReplacement>().AsNoTracking().Where(r => r.ProcedureCode == code).Select(r => r.ProcedureName).FirstOrDefaultAsync(cancellationToken)
                ?? string.Empty;
            line = new NationalDataReplacement(code!, name, document!, database!, owner);
            db.Add(line);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(who.Item1, who.Item2, "catalog.national-data.add", $"national-data:{line.Id}", null, Snapshot(line));
        }
        else
        {
            var before = Snapshot(line);
            line.Change(code!, document!, database!, owner);
            audit.Record(who.Item1, who.Item2, "catalog.national-data.change", $"national-data:{line.Id}", before, Snapshot(line));
        }

        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate();
        return Redirect($"{Path}?q={Uri.EscapeDataString(line.ProcedureCode)}&xong={Uri.EscapeDataString($"Đã lưu: {line.ProcedureCode} — “{line.DocumentReplaced}” lấy từ {line.NationalDatabase}.")}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Set<NationalDataReplacement>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } line)
        {
            db.Remove(line);
            audit.Record(accounts.UserId(User), User.Identity?.Name ?? "?", "catalog.national-data.remove", $"national-data:{line.Id}", Snapshot(line), null);
            await db.SaveChangesAsync(cancellationToken);
            directory.Invalidate();
            return Redirect($"{Path}?q={Uri.EscapeDataString(line.ProcedureCode)}&xong={Uri.EscapeDataString($"Đã xóa: {line.ProcedureCode} — “{line.DocumentReplaced}”.")}");
        }

        return Redirect(Path);
    }

    private void Check(string field, string? value, int length, string missing)
    {
        if (value is null)
        {
            ModelState.AddModelError(field, missing);
        }
        else if (TextRules.Problem(value, length) is { } problem)
        {
            ModelState.AddModelError(field, problem);
        }
    }

    private static object Snapshot(NationalDataReplacement r) => new { r.ProcedureCode, r.DocumentReplaced, r.NationalDatabase, r.DatabaseOwner };

    /// <summary>The lines whose procedure code starts with the query, or whose procedure, document or database contains its words (without diacritics).</summary>
    private async Task LoadAsync(string? q, int? page, CancellationToken cancellationToken)
    {
        Query = TextRules.Normalize(q);
        PageNumber = Math.Max(1, page ?? 1);
        var all = await db.Set<NationalDataReplacement>().AsNoTracking().OrderBy(r => r.ProcedureCode).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var folded = VietnameseText.Fold(Query);
        var matching = Query is null ? all
            : all.Where(r => r.ProcedureCode.StartsWith(Query, StringComparison.OrdinalIgnoreCase)
                || VietnameseText.Fold($"{r.ProcedureName} {r.DocumentReplaced} {r.NationalDatabase}").Contains(folded, StringComparison.Ordinal)).ToList();
        Total = matching.Count;
        Lines = matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }
}
