using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Modules.Indicators.Exports;

namespace MotCua.Web.Modules.Indicators.Pages;

/// <summary>
/// "/can-bo/xuat-bao-cao/{id}": how far a background export got; the page reloads itself every 2 seconds while it runs
/// (no JavaScript needed) and offers the file once it is done. Only whoever asked (or the province admin) sees it.
/// </summary>
[Authorize]
public sealed class ExportJobPageModel(ExportJobs exports) : PageModel
{
    public ExportJob Job { get; private set; } = null!;

    public (string UnitName, NodaTime.LocalDate From, NodaTime.LocalDate To)? Subject { get; private set; }

    public bool InProgress => Job.State is ExportState.Queued or ExportState.Running;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await exports.FindAsync(User, id, cancellationToken) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        Subject = await exports.SubjectAsync(job, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await exports.FindAsync(User, id, cancellationToken) is not { State: ExportState.Done } job)
        {
            return NotFound();
        }

        return File(await exports.OpenAsync(job, cancellationToken), job.ContentType ?? "application/octet-stream", job.FileName);
    }
}
