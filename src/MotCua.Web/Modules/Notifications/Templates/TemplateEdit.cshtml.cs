using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Common.Text;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Notifications.Domain;

namespace MotCua.Web.Modules.Notifications.Templates;

/// <summary>One wording: edit, preview with a sample application, save after the check of its syntax and variables, or go back to the default.</summary>
[Authorize(Roles = Roles.ProvinceAdmin)]
public sealed class TemplateEditModel(NotificationTemplates templates) : PageModel
{
    public TemplateEntry Entry { get; private set; } = null!;

    public bool Custom { get; private set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Body { get; set; }

    public NotificationText? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (TemplateCatalog.Find(key) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        (Title, Body, Custom) = await templates.WordingAsync(key, cancellationToken);
        Preview = templates.Preview(Title, Body);
        return Page();
    }

    /// <summary>Shows what the typed wording says for a sample application; saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string key, CancellationToken cancellationToken) =>
        await CheckedAsync(key, save: false, cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(string key, CancellationToken cancellationToken) =>
        await CheckedAsync(key, save: true, cancellationToken);

    public async Task<IActionResult> OnPostResetAsync(string key, CancellationToken cancellationToken)
    {
        if (TemplateCatalog.Find(key) is null)
        {
            return NotFound();
        }

        await templates.ResetAsync(key, User.Identity?.Name ?? "?", cancellationToken);
        return Redirect($"{TemplateListModel.Path}?luu={Uri.EscapeDataString(key)}");
    }

    private async Task<IActionResult> CheckedAsync(string key, bool save, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (TemplateCatalog.Find(key) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        Custom = (await templates.CustomizedAsync(cancellationToken)).Contains(key);
        Title = TextRules.Normalize(Title);
        Body = Body?.Replace("\r\n", "\n", StringComparison.Ordinal).Normalize(System.Text.NormalizationForm.FormC).Trim();
        var problems = NotificationTemplates.Check(Title, Body);
        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError(field, message);
        }

        if (problems.Count > 0)
        {
            return Page();
        }

        if (!save)
        {
            Preview = templates.Preview(Title!, Body!);
            return Page();
        }

        await templates.SaveAsync(key, Title!, Body!, User.Identity?.Name ?? "?", cancellationToken);
        return Redirect($"{TemplateListModel.Path}?luu={Uri.EscapeDataString(key)}");
    }
}
