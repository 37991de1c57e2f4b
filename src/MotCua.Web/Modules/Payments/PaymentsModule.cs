using MotCua.Web.Modules.Payments.Gateways.Sandbox;

namespace MotCua.Web.Modules.Payments;

public static class PaymentsModule
{
    public static WebApplicationBuilder AddPayments(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PaymentGateways>();
        builder.Services.AddScoped<PaymentService>();
        builder.Services.AddHttpClient(SandboxGateway.NoticeClient, client => client.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddScoped<SandboxGateway>();
        return builder;
    }

    public static WebApplication MapPayments(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Api.PaymentEndpoints.Map(app);
        return app;
    }
}
