using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Notifications.Domain;
using MotCua.Web.Modules.Notifications.Log;
using MotCua.Web.Modules.Notifications.Sms;

namespace MotCua.Web.Modules.Notifications.Zalo;

/// <summary>
/// The Zalo channel: a ZNS template message to the phone number the application holds, with the code, the procedure,
/// the title, the text and the date as template parameters. The delivery id travels as ZNS's tracking_id, so a resend
/// after a crash is recognisable. On the embedded default the message goes to the message log instead.
/// </summary>
internal sealed class ZaloConsumer(IOptionsMonitor<ZaloOptions> options, IHttpClientFactory http) : IOutboxConsumer
{
    public const string ConsumerName = "zalo";

    public string Name => ConsumerName;

    public bool Accepts(string messageType) => messageType == ApplicationEventMessage.Type && options.CurrentValue.Mode != ZaloMode.Off;

    public async Task DeliverAsync(OutboxWork work, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(services);
        var settings = options.CurrentValue;
        var message = ApplicationEventMessage.Read(work.Payload);
        if (settings.Mode == ZaloMode.Off || await services.GetRequiredService<Templates.NotificationTemplates>().TextForAsync(message, cancellationToken) is not { } text)
        {
            return;
        }

        var contact = await services.GetRequiredService<ApplicantContacts>().ForAsync(message.Code, cancellationToken);
        if (contact?.Phone is not { } phone || !ApplicantNumbers.IsPhoneNumber(phone))
        {
            return;
        }

        var to = SmsConsumer.Normalize(phone);
        var data = TemplateData(text, message);
        if (settings.Mode == ZaloMode.Log)
        {
            await MessageLog.WriteAsync(services, work.DeliveryId, MessageLogEntry.Zalo, to, $"{text.Title}: {text.Body}", cancellationToken);
            return;
        }

        if (settings.TemplateFor(message.Action) is not { } templateId)
        {
            return; // no approved template for this event: Zalo would refuse a free text
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = JsonContent.Create(new { phone = to, template_id = templateId, template_data = data, tracking_id = $"delivery-{work.DeliveryId}" }),
        };
        request.Headers.Add("access_token", settings.AccessToken);
        using var response = await http.CreateClient(ConsumerName).SendAsync(request, cancellationToken);
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
    }

    /// <summary>The template's parameters: every approved MotCua template uses these names.</summary>
    public static Dictionary<string, string> TemplateData(NotificationText text, ApplicationEventMessage message)
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
