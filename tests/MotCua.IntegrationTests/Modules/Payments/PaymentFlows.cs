using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Modules.Payments.Gateways.Sandbox;
using static MotCua.IntegrationTests.Modules.Applications.LifecycleApi;

namespace MotCua.IntegrationTests.Modules.Payments;

/// <summary>The steps of paying a fee that receipts and reconciliation start from.</summary>
internal static class PaymentFlows
{
    private const string SandboxPage = "/sandbox/vnpay/paymentv2/vpcpay.html";

    /// <summary>A birth registration received at the ward and waiting for a fee of <paramref name="amount"/> đồng.</summary>
    public static async Task<string> AwaitingPaymentAsync(MotCuaApp app, long amount)
    {
        var code = await SubmitBirthAsync(app, await app.ApiClientFor("citizen1"), "Biên Lai");
        await ActOkAsync(await app.ApiClientFor("reception1"), code, new { action = "receive" });
        await ActOkAsync(await app.ApiClientFor("specialist1"), code, new { action = "request-payment", amount, note = "Lệ phí" });
        return code;
    }

    /// <summary>The citizen starts paying online: the payment's id and its order reference at the gateway.</summary>
    public static async Task<(Guid Id, string OrderRef, Uri Redirect)> StartAsync(MotCuaApp app, string code)
    {
        using var response = await (await app.ApiClientFor("citizen1")).PostAsync(new Uri($"/api/v1/applications/{code}/payments", UriKind.Relative), null);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        var redirect = new Uri(body.GetProperty("redirectUrl").GetString()!);
        return (body.GetProperty("paymentId").GetGuid(), QueryHelpers.ParseQuery(redirect.Query)["vnp_TxnRef"].ToString(), redirect);
    }

    /// <summary>Paid on the sandbox's page: its notice reaches the portal, and the payment is paid.</summary>
    public static async Task<(Guid Id, string OrderRef)> PaidOnlineAsync(MotCuaApp app, string code)
    {
        var (id, orderRef, redirect) = await StartAsync(app, code);
        using var payer = app.Pages();
        using var approved = await payer.SubmitAsync(redirect.PathAndQuery,
            new Dictionary<string, string> { ["SignedRequest"] = redirect.Query.TrimStart('?'), ["Bank"] = "NCB" }, SandboxPage + "?handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        return (id, orderRef);
    }

    /// <summary>Reception takes the fee at the desk.</summary>
    public static async Task<Guid> PaidAtDeskAsync(MotCuaApp app, string code, string method = "Cash", HttpClient? reception = null)
    {
        reception ??= await app.ApiClientFor("reception1");
        using var taken = await reception.PostAsJsonAsync($"/api/v1/applications/{code}/payments/counter", new { method });
        var body = await taken.ReadJsonAsync();
        Assert.True(taken.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>What the sandbox gateway recorded for an order, written as if the payer had finished there (its notice lost).</summary>
    public static async Task GatewayRecordsAsync(MotCuaApp app, string orderRef, long amount, bool paid = true)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCua.Web.Common.Persistence.MotCuaDbContext>();
        db.Add(new SandboxTransaction(MotCuaApp.SandboxMerchant, orderRef, amount, paid ? "14" + orderRef[^6..] : "0", paid ? "00" : "24", paid ? "00" : "02", "NCB",
            "Thanh toan le phi", NodaTime.SystemClock.Instance.GetCurrentInstant()));
        await db.SaveChangesAsync();
    }
}
