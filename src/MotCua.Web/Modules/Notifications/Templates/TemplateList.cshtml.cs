using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Modules.Identity.Public;

namespace MotCua.Web.Modules.Notifications.Templates;

/// <summary>The province admin's list of notification wordings: each event the applicant hears of, default or the province's own.</summary>
[Authorize(Roles = Roles.ProvinceAdmin)]
public sealed class TemplateListModel(NotificationTemplates templates) : PageModel
{
    public const string Path = "/quan-tri/mau-thong-bao";

    public IReadOnlySet<string> Customized { get; private set; } = new HashSet<string>();

    public string? Message { get; private set; }

    public async Task OnGetAsync(string? luu, CancellationToken cancellationToken)
    {
        Customized = await templates.CustomizedAsync(cancellationToken);
        Message = luu is not null && TemplateCatalog.Find(luu) is { } saved ? $"Đã lưu mẫu “{saved.Event}”." : null;
    }
}
