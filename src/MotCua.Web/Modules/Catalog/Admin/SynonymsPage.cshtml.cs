using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Audit.Public;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Search;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Catalog.Admin;

/// <summary>
/// "/quan-tri/tu-dong-nghia": the words and abbreviations citizens type when they look for a procedure ("cccd",
/// "sổ đỏ", "hộ khẩu") and what the catalog calls it. Search reads a query's term as its meaning; every change is audited.
/// </summary>
[Authorize(Policy = Common.Web.AccessPolicies.ProvinceAdminPages)]
public sealed class SynonymsPageModel(MotCuaDbContext db, CatalogCache cache, AuditTrail audit, AccountDirectory accounts) : PageModel
{
    public const string Path = "/quan-tri/tu-dong-nghia";

    public IReadOnlyList<SearchSynonym> Synonyms { get; private set; } = [];
    public string? Message { get; private set; }

    [BindProperty] public string? Term { get; set; }
    [BindProperty] public string? Meaning { get; set; }

    public async Task OnGetAsync(string? xong, CancellationToken cancellationToken)
    {
        Message = xong;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var term = TextRules.Normalize(Term);
        var meaning = TextRules.Normalize(Meaning);
        if (term is null || VietnameseText.Fold(term).Length == 0)
        {
            ModelState.AddModelError(nameof(Term), "Nhập từ người dân hay gõ, ví dụ: cccd.");
        }
        else if (TextRules.Problem(term, SearchSynonym.TermLength) is { } termProblem)
        {
            ModelState.AddModelError(nameof(Term), termProblem);
        }
        else if (VietnameseText.Fold(term) is var folded && await db.Set<SearchSynonym>().AnyAsync(s => s.FoldedTerm == folded, cancellationToken))
        {
            ModelState.AddModelError(nameof(Term), $"“{term}” đã có trong danh sách; xóa dòng cũ trước nếu muốn đổi nghĩa.");
        }

        if (meaning is null || VietnameseText.Fold(meaning).Length == 0)
        {
            ModelState.AddModelError(nameof(Meaning), "Nhập từ trong tên thủ tục, ví dụ: căn cước.");
        }
        else if (TextRules.Problem(meaning, SearchSynonym.MeaningLength) is { } meaningProblem)
        {
            ModelState.AddModelError(nameof(Meaning), meaningProblem);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var synonym = new SearchSynonym(term!, meaning!);
        db.Add(synonym);
        audit.Record(accounts.UserId(User), User.Identity?.Name ?? "?", "catalog.synonym.add", $"synonym:{synonym.FoldedTerm}", null, new { synonym.Term, synonym.Meaning });
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return Redirect($"{Path}?xong={Uri.EscapeDataString($"Đã thêm “{synonym.Term}” → “{synonym.Meaning}”.")}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Set<SearchSynonym>().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } synonym)
        {
            db.Remove(synonym);
            audit.Record(accounts.UserId(User), User.Identity?.Name ?? "?", "catalog.synonym.remove", $"synonym:{synonym.FoldedTerm}", new { synonym.Term, synonym.Meaning }, null);
            await db.SaveChangesAsync(cancellationToken);
            cache.Invalidate();
            return Redirect($"{Path}?xong={Uri.EscapeDataString($"Đã xóa “{synonym.Term}”.")}");
        }

        return Redirect(Path);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Synonyms = (await db.Set<SearchSynonym>().AsNoTracking().ToListAsync(cancellationToken)).OrderBy(s => s.FoldedTerm, StringComparer.Ordinal).ToList();
}
