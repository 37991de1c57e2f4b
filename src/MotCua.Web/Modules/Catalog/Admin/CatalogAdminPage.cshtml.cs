using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Common.Storage;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Catalog.Api;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Exchange;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Catalog.Admin;

/// <summary>
/// "/quan-tri/danh-muc": the province admin's catalog. A catalog file is checked first (nothing saved: what would be
/// added, changed or refused, and why), kept aside, and loaded only when the admin confirms; the whole catalog and a
/// sample file can be downloaded in the same format.
/// </summary>
[Authorize(Policy = Common.Web.AccessPolicies.ProvinceAdminPages)]
[RequestSizeLimit(CatalogAdminEndpoints.MaxImportBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = CatalogAdminEndpoints.MaxImportBytes + (1024 * 1024))]
public sealed class CatalogAdminPageModel(
    MotCuaDbContext db,
    CatalogImport import,
    CatalogExport export,
    CheckedFiles checkedFiles,
    AccountDirectory accounts) : PageModel
{
    public const string Path = "/quan-tri/danh-muc";
    private const string Purpose = "catalog-import-file";

    public sealed record Row(string Code, string Name, string Field, string Level, int Version, DateOnly? Waiting);

    public IReadOnlyList<Row> Procedures { get; private set; } = [];

    public int Total { get; private set; }

    public ImportReport? Report { get; private set; }

    /// <summary>The checked file, kept aside (protected key) for the confirming post.</summary>
    public string? Pending { get; private set; }

    public string? Message { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public async Task OnGetAsync(int? them, int? sua, int? tuchoi, CancellationToken cancellationToken)
    {
        if (them is not null || sua is not null)
        {
            Message = $"Đã nhập danh mục: thêm {them ?? 0} thủ tục, thay đổi {sua ?? 0} thủ tục" + (tuchoi > 0 ? $", {tuchoi} thủ tục bị từ chối." : ".");
        }

        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCheckAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Chọn tệp danh mục (.json hoặc .xlsx) để kiểm tra.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        var (kept, token) = await checkedFiles.KeepAsync(file, Purpose, cancellationToken);
        if (await RunAsync(kept, dryRun: true, cancellationToken) is { } report)
        {
            Report = report;
            Pending = token;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string? pending, CancellationToken cancellationToken)
    {
        if (checkedFiles.Find(pending, Purpose) is not { } key)
        {
            ModelState.AddModelError("file", "Không tìm thấy tệp đã kiểm tra. Hãy chọn và kiểm tra lại tệp.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (await RunAsync(key, dryRun: false, cancellationToken) is not { } report)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"{Path}?them={report.Added.Count}&sua={report.Changed.Count}&tuchoi={report.Refused.Count}");
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var file = await export.RunAsync(cancellationToken);
        return format == "xlsx"
            ? File(ExcelCatalog.Write(file), ExcelCatalog.ContentType, $"danh-muc-thu-tuc-{file.ExportedAt:yyyy-MM-dd}.xlsx")
            : File(JsonSerializer.SerializeToUtf8Bytes(file, CatalogJson.Options), "application/json", $"danh-muc-thu-tuc-{file.ExportedAt:yyyy-MM-dd}.json");
    }

    public IActionResult OnGetSampleExcel()
    {
        var sample = JsonSerializer.Deserialize<CatalogFile>(System.IO.File.ReadAllText(SampleFile), CatalogJson.Options)!;
        return File(ExcelCatalog.Write(sample), ExcelCatalog.ContentType, "danh-muc-mau.xlsx");
    }

    public IActionResult OnGetSample() =>
        PhysicalFile(SampleFile, "application/json", "danh-muc-mau.json");

    public static string SampleFile => System.IO.Path.Combine(AppContext.BaseDirectory, "Modules", "Catalog", "Exchange", "Samples", "catalog-sample.json");

    private async Task<ImportReport?> RunAsync(CheckedFiles.Kept kept, bool dryRun, CancellationToken cancellationToken)
    {
        Common.Errors.Result<CatalogFile> read;
        try
        {
            await using var stream = await checkedFiles.OpenAsync(kept, cancellationToken);
            read = await CatalogAdminEndpoints.ReadAsync(stream, kept.Excel, cancellationToken);
        }
        catch (IOException)
        {
            ModelState.AddModelError("file", "Không đọc được tệp đã kiểm tra. Hãy chọn và kiểm tra lại tệp.");
            return null;
        }

        if (read.Failure is { } unreadable)
        {
            ModelState.AddModelError("file", unreadable.Headline);
            return null;
        }

        var report = await import.RunAsync(read.Value!, dryRun, accounts.UserId(User), User.Identity?.Name ?? "?", cancellationToken);
        if (report.Failure is { } failure)
        {
            ModelState.AddModelError("file", failure.Headline);
            return null;
        }

        return report.Value;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var query = db.Set<Procedure>().AsNoTracking();
        if (TextRules.Problem(Q, TextLimits.Query) is null && !string.IsNullOrWhiteSpace(Q))
        {
            var folded = VietnameseText.Fold(Q.Trim());
            query = query.Where(p => p.SearchText.Contains(folded));
        }

        Total = await db.Set<Procedure>().CountAsync(cancellationToken);
        var rows = await query.OrderBy(p => p.Field).ThenBy(p => p.Name).Take(200)
            .Select(p => new { p.Id, p.Code, p.Name, p.Field, p.OnlineLevel, p.Version }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var waiting = await db.Set<ProcedureVersion>().AsNoTracking().Where(v => v.InForceAt == null && ids.Contains(v.ProcedureId))
            .GroupBy(v => v.ProcedureId).Select(g => new { g.Key, From = g.Min(v => v.EffectiveFrom) }).ToDictionaryAsync(g => g.Key, g => g.From, cancellationToken);
        Procedures = rows.Select(r => new Row(r.Code, r.Name, r.Field, Public.CatalogLabels.OnlineLevel(r.OnlineLevel), r.Version,
            waiting.TryGetValue(r.Id, out var from) ? from : null)).ToList();
    }
}
