using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Modules.Payments.Domain;
using NodaTime;

namespace MotCua.Web.Modules.Payments.Accounts;

/// <summary>A unit's collecting account as the API shows it to its admins: no merchant code, no secret.</summary>
public sealed record PaymentAccountView(
    int UnitId, string UnitCode, string UnitName, PaymentAccountDetails? Account, IReadOnlyList<PaymentAccountChangeView> History, IReadOnlyList<ProviderChoice> Providers);

/// <param name="BankCode">The bank's code (KBNN, VCB, …), or KHAC for a bank named in free text.</param>
public sealed record PaymentAccountDetails(
    string BankCode, string BankName, string AccountNumber, string AccountHolder, string Provider, string ProviderName, DateTimeOffset DeclaredAt, string DeclaredBy);

public sealed record PaymentAccountChangeView(
    DateTimeOffset At, string By, string? OldBankName, string? OldAccountNumber, string? OldAccountHolder, string? OldProvider,
    string NewBankName, string NewAccountNumber, string NewAccountHolder, string NewProvider);

/// <param name="BankCode">KBNN, VCB, CTG, BIDV, VBA, MB, TCB, ACB, VPB, LPB, STB, or KHAC with <paramref name="BankName"/>.</param>
public sealed record PaymentAccountInput(string? BankCode, string? BankName, string? AccountNumber, string? AccountHolder, string? Provider);

internal static class AccountEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1/units/{unitId:int}/payment-account").WithTags("Thanh toán").RequireAuthorization(Identity.IdentityModule.ApiPolicy);
        api.MapGet(string.Empty, Get).WithName("GetUnitPaymentAccount")
            .WithSummary("Tài khoản thu phí, lệ phí của đơn vị và cổng thanh toán thu hộ, kèm lịch sử thay đổi (quản trị cấp tỉnh, quản trị cơ quan)");
        api.MapPut(string.Empty, Put).WithName("SetUnitPaymentAccount")
            .WithSummary("Khai báo hoặc sửa tài khoản thu phí, lệ phí của đơn vị: ngân hàng, số tài khoản, chủ tài khoản (tên đơn vị), cổng thanh toán");
    }

    private static async Task<Results<Ok<PaymentAccountView>, ProblemHttpResult>> Get(int unitId, ClaimsPrincipal user, CollectingAccounts accounts, CancellationToken cancellationToken)
    {
        var found = await accounts.ForAdminAsync(user, unitId, cancellationToken);
        return found.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(View(found.Value!, accounts));
    }

    private static async Task<Results<Ok<PaymentAccountView>, ProblemHttpResult>> Put(
        int unitId, PaymentAccountInput input, ClaimsPrincipal user, CollectingAccounts accounts, CancellationToken cancellationToken)
    {
        var declared = await accounts.DeclareAsync(user, unitId,
            new AccountDeclaration(input.BankCode, input.BankName, input.AccountNumber, input.AccountHolder, input.Provider), cancellationToken);
        return declared.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(View(declared.Value!, accounts));
    }

    private static PaymentAccountView View(UnitAccount u, CollectingAccounts accounts) => new(
        u.Unit.Id, u.Unit.Code, u.Unit.Name,
        u.Account is { } a
            ? new PaymentAccountDetails(VietnameseBanks.Find(a.BankKey)?.Code ?? VietnameseBanks.Other, a.BankName, a.AccountNumber, a.AccountHolder, a.Provider,
                accounts.ProviderName(a.Provider), Local(a.DeclaredAt), a.DeclaredBy)
            : null,
        u.History.Select(c => new PaymentAccountChangeView(Local(c.At), c.By, c.OldBankName, c.OldAccountNumber, c.OldAccountHolder, c.OldProvider,
            c.NewBankName, c.NewAccountNumber, c.NewAccountHolder, c.NewProvider)).ToList(),
        accounts.Providers);

    private static DateTimeOffset Local(Instant at) => at.InZone(Common.Text.VietnameseDates.Zone).ToDateTimeOffset();
}
