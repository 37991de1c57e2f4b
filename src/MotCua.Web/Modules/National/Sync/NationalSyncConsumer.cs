using System.Text.Json;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Payments.Public;

namespace MotCua.Web.Modules.National.Sync;

/// <summary>
/// The national portal's consumer of the outbox: every history line of an application, and every payment of one,
/// brings the portal up to date with that application. A failed push is tried again by the outbox with growing pauses.
/// </summary>
internal sealed class NationalSyncConsumer : IOutboxConsumer
{
    public const string ConsumerName = "national-portal";

    public string Name => ConsumerName;

    public bool Accepts(string messageType) => messageType is ApplicationEventMessage.Type or PaymentEventMessage.Type;

    public async Task DeliverAsync(OutboxWork work, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(services);
        string code;
        try
        {
            code = work.Type == PaymentEventMessage.Type ? PaymentEventMessage.Read(work.Payload).Code : ApplicationEventMessage.Read(work.Payload).Code;
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException("Unreadable message: " + e.Message, e);
        }

        await services.GetRequiredService<NationalSyncService>().SyncAsync(code, cancellationToken);
    }
}
