using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Applications.Pages;

/// <summary>
/// The officers' back-office pages: signed in with the cookie, and an officer account, or 403 (the error page, at
/// the same address). The caller is loaded once per request, with the unit sub-tree their roles reach.
/// </summary>
[Authorize]
public abstract class OfficerPageModel(ApplicationAccess access) : PageModel
{
    protected ApplicationAccess Access { get; } = access;

    public Caller Caller { get; private set; } = null!;

    /// <summary>Confirmation of the last action, shown once after the redirect (post/redirect/get).</summary>
    [TempData]
    public string? Banner { get; set; }

    public bool IsReception => Caller.Actor.Roles.Contains(Catalog.Public.StepRole.Reception);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var caller = await Access.CallerAsync(User, HttpContext.RequestAborted);
        if (caller is null)
        {
            context.Result = Challenge();
            return;
        }

        if (!caller.IsOfficer)
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return;
        }

        Caller = caller;
        await next();
    }
}
