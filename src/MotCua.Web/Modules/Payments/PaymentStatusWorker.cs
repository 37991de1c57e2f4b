using Microsoft.Extensions.Options;

namespace MotCua.Web.Modules.Payments;

/// <summary>
/// Repairs payments whose gateway notice never came (a lost IPN, a gateway that was down): every
/// <see cref="PaymentOptions.QueryEverySeconds"/> it asks the gateway about pending payments (querydr). Safe on several
/// nodes at once: a payment settles once, whoever saves first.
/// </summary>
public sealed class PaymentStatusWorker(IServiceScopeFactory scopes, IOptions<PaymentOptions> options, ILogger<PaymentStatusWorker> logger) : BackgroundService
{
    private const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.QueryEverySeconds;
        if (every == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(every));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PaymentService>().CheckPendingAsync(Batch, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Checking pending payments at their gateways failed; trying again in {Seconds} s", every);
            }
        }
    }
}
