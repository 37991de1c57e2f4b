using MotCua.Web.Modules.Payments.Gateways.Sandbox;

namespace MotCua.Web.Modules.Payments;

public static class PaymentsModule
{
    public static WebApplicationBuilder AddPayments(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PaymentGateways>();
        builder.Services.AddSingleton<Common.Web.IFormTargets, GatewayFormTargets>();
        builder.Services.AddScoped<PaymentService>();
        builder.Services.AddScoped<Receipts.ReceiptNumbers>();
        builder.Services.AddScoped<Receipts.ReceiptService>();
        builder.Services.AddScoped<Reconciliation.ReconciliationService>();
        builder.Services.AddScoped<Accounts.CollectingAccounts>();
        builder.Services.AddScoped<Public.UnitPaymentAccounts>();
        builder.Services.AddScoped<Public.PaymentFigures>();
        builder.Services.AddScoped<Common.Persistence.IDatabaseSeeder, Accounts.DemoCollectingAccounts>();
        builder.Services.AddSingleton<Common.Outbox.IOutboxSource, Events.PaymentOutboxSource>();
        builder.Services.AddHttpClient(SandboxGateway.NoticeClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHttpClient(Gateways.VnPay.VnPayGateway.ApiClient, client => client.Timeout = TimeSpan.FromSeconds(15));
        builder.Services.AddScoped<SandboxGateway>();
        builder.Services.AddHostedService<PaymentStatusWorker>();
        return builder;
    }

    public static WebApplication MapPayments(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Api.PaymentEndpoints.Map(app);
        Receipts.ReceiptEndpoints.Map(app);
        Reconciliation.ReconciliationEndpoints.Map(app);
        Accounts.AccountEndpoints.Map(app);

        // The sandbox gateway's merchant API (querydr, and the day's statement for reconciliation), beside its payment
        // page; absent when the sandbox is off.
        app.MapPost("/sandbox/vnpay/merchant_webapi/api/transaction", async (HttpRequest request, SandboxGateway sandbox, CancellationToken cancellationToken) =>
            sandbox.Enabled ? Results.Json(await sandbox.QueryAsync(await SandboxRequestAsync(request, cancellationToken), cancellationToken)) : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/sandbox/vnpay/merchant_webapi/api/statement", async (HttpRequest request, SandboxGateway sandbox, CancellationToken cancellationToken) =>
            sandbox.Enabled ? Results.Json(await sandbox.StatementAsync(await SandboxRequestAsync(request, cancellationToken), cancellationToken)) : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>A merchant's JSON request to the sandbox's API; an unreadable one is empty (and answered "97").</summary>
    private static async Task<Dictionary<string, string?>> SandboxRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFromJsonAsync<Dictionary<string, string?>>(cancellationToken) ?? [];
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return [];
        }
    }
}
