using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Common.Errors;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Payments.Domain;

namespace MotCua.Web.Modules.Payments.Accounts;

/// <summary>
/// "/quan-tri/tai-khoan-thu-phi/{unitId}": one unit's collecting account: the bank, the number, the holder (the unit as
/// the bank registers it) and the provider that collects, with every earlier value below.
/// </summary>
[Authorize(Roles = Roles.ProvinceAdmin + "," + Roles.AgencyAdmin)]
public sealed class UnitAccountPageModel(CollectingAccounts accounts) : PageModel
{
    public UnitAccount Current { get; private set; } = null!;
    public IReadOnlyList<ProviderChoice> Providers => accounts.Providers;
    public string? Message { get; private set; }

    [BindProperty] public string? BankCode { get; set; }
    [BindProperty] public string? BankName { get; set; }
    [BindProperty] public string? AccountNumber { get; set; }
    [BindProperty] public string? AccountHolder { get; set; }
    [BindProperty] public string? Provider { get; set; }

    public async Task<IActionResult> OnGetAsync(int unitId, string? xong, CancellationToken cancellationToken)
    {
        var found = await accounts.ForAdminAsync(User, unitId, cancellationToken);
        if (Refused(found.Failure) is { } refused)
        {
            return refused;
        }

        Current = found.Value!;
        Message = xong;
        if (Current.Account is { } a)
        {
            BankCode = VietnameseBanks.Find(a.BankKey)?.Code ?? VietnameseBanks.Other;
            BankName = BankCode == VietnameseBanks.Other ? a.BankName : null;
            (AccountNumber, AccountHolder, Provider) = (a.AccountNumber, a.AccountHolder, a.Provider);
        }
        else
        {
            (BankCode, AccountHolder, Provider) = (VietnameseBanks.StateTreasury, Current.Unit.Name, accounts.DefaultProvider ?? (Providers.Count == 1 ? Providers[0].Name : null));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int unitId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var declared = await accounts.DeclareAsync(User, unitId, new AccountDeclaration(BankCode, BankName, AccountNumber, AccountHolder, Provider), cancellationToken);
        if (declared.Failure is { Kind: FailureKind.Invalid or FailureKind.Conflict } failure)
        {
            var again = await accounts.ForAdminAsync(User, unitId, cancellationToken);
            if (Refused(again.Failure) is { } refusedAgain)
            {
                return refusedAgain;
            }

            Current = again.Value!;
            foreach (var field in failure.Fields)
            {
                ModelState.AddModelError(char.ToUpperInvariant(field.Field[0]) + field.Field[1..], field.Message);
            }

            if (failure.Fields.Count == 0)
            {
                ModelState.AddModelError(string.Empty, failure.Message);
            }

            return Page();
        }

        if (Refused(declared.Failure) is { } refused)
        {
            return refused;
        }

        return Redirect($"{AccountListPageModel.Path}/{unitId}?xong={Uri.EscapeDataString($"Đã lưu tài khoản thu phí, lệ phí của {declared.Value!.Unit.Name}.")}");
    }

    public string ProviderName(string? provider) => provider is null ? string.Empty : accounts.ProviderName(provider);

    private IActionResult? Refused(Failure? failure) => failure?.Kind switch
    {
        null => null,
        FailureKind.NotFound => NotFound(),
        _ => Forbid(),
    };
}
