using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Applications.Import;

/// <summary>
/// "/quan-tri/nhap-ho-so": the province admin uploads the former system's applications (a .jsonl file) and sees what
/// was imported, skipped and refused, line by line. The same import as POST /api/v1/imports/applications.
/// </summary>
[Authorize(Policy = Common.Web.AccessPolicies.ProvinceAdminPages)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ImportPageModel(ApplicationImport import, AccountDirectory accounts) : PageModel
{
    public const string Path = "/quan-tri/nhap-ho-so";

    /// <summary>A browser upload is kept on disk while it is read; larger files go through the API or the command.</summary>
    public const long MaxUploadBytes = 1024L * 1024 * 1024;

    public ImportSummary? Summary { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            ModelState.AddModelError("file", "Chọn tệp hồ sơ (.jsonl) để nhập.");
            return Page();
        }

        if (file.Length == 0)
        {
            ModelState.AddModelError("file", "Tệp đã chọn không có nội dung; chọn tệp JSON Lines có ít nhất một hồ sơ.");
            return Page();
        }

        await using var stream = file.OpenReadStream();
        Summary = await import.RunAsync(stream, accounts.UserId(User), User.Identity?.Name ?? "?", cancellationToken);
        if (Summary is { Imported: 0, Skipped: 0, Refused: 0 })
        {
            Summary = null;
            ModelState.AddModelError("file", "Tệp đã chọn không có dòng hồ sơ nào; chọn tệp JSON Lines có ít nhất một hồ sơ.");
        }

        return Page();
    }
}
