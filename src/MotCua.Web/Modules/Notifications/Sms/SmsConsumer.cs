using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Options;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Identity.Public;
using MotCua.Web.Modules.Notifications.Domain;
using MotCua.Web.Modules.Notifications.Log;
using MotCua.Web.Modules.Notifications.Preferences;
using MotCua.Web.Modules.Notifications.Sending;

namespace MotCua.Web.Modules.Notifications.Sms;

/// <summary>
/// The SMS channel: a short text without diacritics by default (one 160-character segment), to the phone number the
/// application holds, through the HTTP gateway (the delivery id as the client reference, so the gateway can drop a
/// resend) or into the SMS log on the embedded default.
/// </summary>
internal sealed class SmsConsumer(IOptionsMonitor<SmsOptions> options, IHttpClientFactory http) : IOutboxBatchConsumer
{
    public const string ConsumerName = "sms";
    public const int Segment = 160;

    public string Name => ConsumerName;

    public bool Accepts(string messageType) =>
        (ApplicantEvent.IsTold(messageType) || messageType is ContactCodeMessage.Type or ResetCodeMessage.Type) && options.CurrentValue.Mode != SmsMode.Off;

    public Task DeliverAsync(OutboxWork work, IServiceProvider services, CancellationToken cancellationToken) =>
        OutboxBatch.DeliverOneAsync(this, work, services, cancellationToken);

    public async Task<IReadOnlyDictionary<long, string>> DeliverBatchAsync(IReadOnlyList<OutboxWork> works, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = options.CurrentValue;
        if (settings.Mode == SmsMode.Off)
        {
            return new Dictionary<long, string>();
        }

        var texts = (await EventBatch.PrepareAsync(works, services, SendChannel.Sms, cancellationToken))
            .Where(e => ApplicantNumbers.IsPhoneNumber(e.To))
            .Select(e => (e.Work.DeliveryId, To: Normalize(e.To), Text: Compose(e.Text, e.Message, settings)))
            .Concat(CodeTexts(works))
            .ToList();
        if (settings.Mode == SmsMode.Log)
        {
            await MessageLog.WriteManyAsync(services, texts, MessageLogEntry.Sms, cancellationToken);
            return new Dictionary<long, string>();
        }

        var client = http.CreateClient(ConsumerName);
        return await EventBatch.EachAsync(texts, t => t.DeliveryId, async t =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
            {
                Content = JsonContent.Create(new { to = t.To, text = t.Text, brandName = settings.BrandName, clientReference = $"delivery-{t.DeliveryId}" }),
            };
            if (!string.IsNullOrEmpty(settings.ApiKey))
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.ApiKey);
            }

            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
        }, cancellationToken);
    }

    /// <summary>Codes for the account holder's own phone: to confirm it, or to set a new password.</summary>
    private static IEnumerable<(long DeliveryId, string To, string Text)> CodeTexts(IEnumerable<OutboxWork> works)
    {
        foreach (var work in works)
        {
            if (work.Type == ContactCodeMessage.Type && ContactCodeMessage.Read(work.Payload) is { Channel: CodeChannels.Sms } confirm && ApplicantNumbers.IsPhoneNumber(confirm.To))
            {
                yield return (work.DeliveryId, Normalize(confirm.To), $"Ma xac nhan so dien thoai tren Cong Dich vu cong: {confirm.Code}. Hieu luc 15 phut. Khong dua ma nay cho ai.");
            }
            else if (work.Type == ResetCodeMessage.Type && ResetCodeMessage.Read(work.Payload) is { Channel: CodeChannels.Sms, Phone: { } phone } reset && ApplicantNumbers.IsPhoneNumber(phone))
            {
                yield return (work.DeliveryId, Normalize(phone), $"Ma dat lai mat khau tren Cong Dich vu cong: {reset.Code}. Hieu luc 15 phut. Khong dua ma nay cho ai.");
            }
        }
    }

    /// <summary>"HO SO DA DUOC TIEP NHAN"-style plain text: the title, the code and the date people act on, in one segment.</summary>
    public static string Compose(NotificationText text, ApplicantEvent message, SmsOptions settings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(settings);
        var date = message.Action == "apologize" ? message.NewDueAt : message.Action is "submit" or "receive" ? message.DueAt : null;
        var amount = message.Payment is { } payment ? " " + Common.Text.Money.Vnd(payment.Amount) : string.Empty;
        var line = $"{text.Title}{amount}: ho so {message.Code}." + (date is { } d ? $" Hen tra {d.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)}." : string.Empty);
        var plain = settings.Diacritics ? line : WithoutDiacritics(line);
        var limit = settings.Diacritics ? 70 : Segment;
        return plain.Length <= limit ? plain : plain[..(limit - 1)] + "…";
    }

    /// <summary>"Hồ sơ đã được tiếp nhận" → "Ho so da duoc tiep nhan": the letters kept, the marks dropped, đ as d.</summary>
    public static string WithoutDiacritics(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
            }
        }

        return plain.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>"0912 000 001" or "+84912000001" → "84912000001", as gateways take it.</summary>
    public static string Normalize(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.StartsWith('0') ? "84" + digits[1..] : digits;
    }
}
