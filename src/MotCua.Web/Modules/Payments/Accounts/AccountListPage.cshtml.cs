using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Payments.Domain;

namespace MotCua.Web.Modules.Payments.Accounts;

/// <summary>"/quan-tri/tai-khoan-thu-phi": the units the admin looks after, each with the account its fees go into, or none yet.</summary>
[Authorize(Roles = Roles.ProvinceAdmin + "," + Roles.AgencyAdmin)]
public sealed class AccountListPageModel(CollectingAccounts accounts) : PageModel
{
    public const string Path = "/quan-tri/tai-khoan-thu-phi";

    public IReadOnlyList<(UnitCard Unit, CollectingAccount? Account)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var list = await accounts.ListAsync(User, cancellationToken);
        if (list.Failure is not null)
        {
            return Forbid();
        }

        Units = list.Value!;
        return Page();
    }

    public string ProviderName(string provider) => accounts.ProviderName(provider);
}
