using System.Text.Json;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Payments.Public;

namespace MotCua.Web.Modules.Indicators.Rollups;

/// <summary>
/// The statistics' consumer of the outbox: each application or payment event brings the counters of its application up
/// to date. A batch with several events of one application counts it once; a repeated message finds nothing to change.
/// </summary>
internal sealed class IndicatorConsumer : IOutboxBatchConsumer
{
    public const string ConsumerName = "indicators";

    public string Name => ConsumerName;

    public bool Accepts(string messageType) => messageType is ApplicationEventMessage.Type or PaymentEventMessage.Type or ApplicationsImportedMessage.Type;

    public Task DeliverAsync(OutboxWork work, IServiceProvider services, CancellationToken cancellationToken) =>
        OutboxBatch.DeliverOneAsync(this, work, services, cancellationToken);

    public async Task<IReadOnlyDictionary<long, string>> DeliverBatchAsync(IReadOnlyList<OutboxWork> works, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(works);
        ArgumentNullException.ThrowIfNull(services);
        var failures = new Dictionary<long, string>();
        var byCode = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var rollup = services.GetRequiredService<IndicatorRollup>();
        foreach (var work in works)
        {
            if (work.Type == ApplicationsImportedMessage.Type)
            {
                await CountImportedAsync(rollup, work, failures, cancellationToken);
                continue;
            }

            try
            {
                var code = work.Type == PaymentEventMessage.Type ? PaymentEventMessage.Read(work.Payload).Code : ApplicationEventMessage.Read(work.Payload).Code;
                (byCode.TryGetValue(code, out var list) ? list : byCode[code] = []).Add(work.DeliveryId);
            }
            catch (JsonException e)
            {
                failures[work.DeliveryId] = "Unreadable message: " + e.Message;
            }
        }

        foreach (var (code, deliveries) in byCode)
        {
            try
            {
                await rollup.CountAsync(code, cancellationToken);
            }
            catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException)
            {
                foreach (var id in deliveries)
                {
                    failures[id] = e.Message;
                }
            }
        }

        return failures;
    }

    /// <summary>A batch of imported applications, counted together.</summary>
    private static async Task CountImportedAsync(IndicatorRollup rollup, OutboxWork work, Dictionary<long, string> failures, CancellationToken cancellationToken)
    {
        try
        {
            await rollup.CountManyAsync(ApplicationsImportedMessage.Read(work.Payload).Codes, cancellationToken);
        }
        catch (JsonException e)
        {
            failures[work.DeliveryId] = "Unreadable message: " + e.Message;
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException)
        {
            failures[work.DeliveryId] = e.Message;
        }
    }
}
