using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Notifications.Domain;
using MotCua.Web.Modules.Notifications.Log;
using MotCua.Web.Modules.Notifications.Preferences;
using MotCua.Web.Modules.Notifications.Sending;
using MotCua.Web.Modules.Notifications.Sms;

namespace MotCua.Web.Modules.Notifications.Zalo;

/// <summary>
/// The Zalo channel: a ZNS template message to the phone number the application holds, with the code, the procedure,
/// the title, the text and the date as template parameters. The delivery id travels as ZNS's tracking_id, so a resend
/// after a crash is recognisable. On the embedded default the message goes to the message log instead.
/// </summary>
internal sealed class ZaloConsumer(IOptionsMonitor<ZaloOptions> options, IHttpClientFactory http) : IOutboxBatchConsumer
{
    public const string ConsumerName = "zalo";

    public string Name => ConsumerName;

    public bool Accepts(string messageType) => ApplicantEvent.IsTold(messageType) && options.CurrentValue.Mode != ZaloMode.Off;

    public Task DeliverAsync(OutboxWork work, IServiceProvider services, CancellationToken cancellationToken) =>
        OutboxBatch.DeliverOneAsync(this, work, services, cancellationToken);

    public async Task<IReadOnlyDictionary<long, string>> DeliverBatchAsync(IReadOnlyList<OutboxWork> works, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = options.CurrentValue;
        if (settings.Mode == ZaloMode.Off)
        {
            return new Dictionary<long, string>();
        }

        var events = (await EventBatch.PrepareAsync(works, services, SendChannel.Zalo, cancellationToken))
            .Where(e => ApplicantNumbers.IsPhoneNumber(e.To))
            .ToList();
        if (settings.Mode == ZaloMode.Log)
        {
            await MessageLog.WriteManyAsync(services, events.Select(e => (e.Work.DeliveryId, SmsConsumer.Normalize(e.To), $"{e.Text.Title}: {e.Text.Body}")).ToList(),
                MessageLogEntry.Zalo, cancellationToken);
            return new Dictionary<long, string>();
        }

        // Zalo refuses a free text: an event without an approved template is not sent on Zalo.
        var client = http.CreateClient(ConsumerName);
        return await EventBatch.EachAsync(events.Where(e => settings.TemplateFor(e.Message.Action) is not null), e => e.Work.DeliveryId, async e =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
            {
                Content = JsonContent.Create(new
                {
                    phone = SmsConsumer.Normalize(e.To),
                    template_id = settings.TemplateFor(e.Message.Action),
                    template_data = TemplateData(e.Text, e.Message),
                    tracking_id = $"delivery-{e.Work.DeliveryId}",
                }),
            };
            request.Headers.Add("access_token", settings.AccessToken);
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Zalo answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            // ZNS answers 200 with {"error": 0} on success and a negative code otherwise (expired token, quota, template).
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (answer.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Number && error.GetInt32() != 0)
            {
                var why = answer.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
                throw new HttpRequestException($"Zalo refused the message: error {error.GetInt32()} {why}");
            }
        }, cancellationToken);
    }

    /// <summary>The template's parameters: every approved MotCua template uses these names.</summary>
    public static Dictionary<string, string> TemplateData(NotificationText text, ApplicantEvent message)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(message);
        var date = message.Action == "apologize" ? message.NewDueAt : message.DueAt;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ma_ho_so"] = message.Code,
            ["ten_thu_tuc"] = message.ProcedureName,
            ["tieu_de"] = text.Title,
            ["noi_dung"] = text.Body,
            ["han_tra"] = date is { } d ? d.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) : string.Empty,
        };
    }
}
