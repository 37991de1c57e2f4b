using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MotCua.Web.Common.Outbox;
using MotCua.Web.Common.Web;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Notifications.Domain;
using MotCua.Web.Modules.Notifications.Preferences;
using MotCua.Web.Modules.Notifications.Sending;

namespace MotCua.Web.Modules.Notifications.Email;

/// <summary>
/// The e-mail channel: each application event the applicant should hear of, to the address the application holds,
/// over SMTP (MailKit) or into a pickup folder. The delivery id is the Message-ID, so a message sent again after a
/// crash between sending and marking is the same message to the receiver.
/// </summary>
internal sealed class EmailConsumer(IOptionsMonitor<EmailOptions> options, IOptions<PortalOptions> portal, IWebHostEnvironment environment) : IOutboxBatchConsumer
{
    public const string ConsumerName = "email";

    public string Name => ConsumerName;

    public bool Accepts(string messageType) =>
        (ApplicantEvent.IsTold(messageType) || messageType is Identity.Public.ResetCodeMessage.Type or Identity.Public.ContactCodeMessage.Type)
        && options.CurrentValue.Mode != EmailMode.Off;

    public Task DeliverAsync(OutboxWork work, IServiceProvider services, CancellationToken cancellationToken) =>
        OutboxBatch.DeliverOneAsync(this, work, services, cancellationToken);

    /// <summary>Composes the batch's mails (the applicants' addresses read at once) and sends them over one SMTP connection.</summary>
    public async Task<IReadOnlyDictionary<long, string>> DeliverBatchAsync(IReadOnlyList<OutboxWork> works, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(works);
        ArgumentNullException.ThrowIfNull(services);
        var settings = options.CurrentValue;
        if (settings.Mode == EmailMode.Off)
        {
            return new Dictionary<long, string>();
        }

        var mails = new List<(long DeliveryId, MimeMessage Mail)>();
        foreach (var work in works.Where(w => w.Type == Identity.Public.ResetCodeMessage.Type))
        {
            if (ComposeResetCode(work, settings) is { } mail)
            {
                mails.Add((work.DeliveryId, mail));
            }
        }

        foreach (var work in works.Where(w => w.Type == Identity.Public.ContactCodeMessage.Type))
        {
            if (ComposeContactCode(work, settings) is { } mail)
            {
                mails.Add((work.DeliveryId, mail));
            }
        }

        foreach (var e in await EventBatch.PrepareAsync(works, services, SendChannel.Email, cancellationToken))
        {
            // No address to write to: the portal inbox still has it.
            if (MailboxAddress.TryParse(e.To, out var to))
            {
                to.Name = e.Name;
                mails.Add((e.Work.DeliveryId, Compose(e.Work, e.Text, e.Message, to, settings)));
            }
        }

        if (mails.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        if (settings.Mode == EmailMode.Pickup)
        {
            var folder = Path.IsPathRooted(settings.PickupFolder) ? settings.PickupFolder : Path.Combine(environment.ContentRootPath, "data", settings.PickupFolder);
            Directory.CreateDirectory(folder);
            foreach (var (deliveryId, mail) in mails)
            {
                // Named by delivery: a retry overwrites the same file. Written aside and moved in, so whoever reads the
                // folder never sees half a message.
                var final = Path.Combine(folder, $"{deliveryId:D10}.eml");
                var partial = final + $".{Guid.NewGuid():N}.tmp";
                await mail.WriteToAsync(partial, cancellationToken);
                File.Move(partial, final, overwrite: true);
            }

            return new Dictionary<long, string>();
        }

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(settings.Host!, settings.Port, settings.Security switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        }, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }

        var failures = new Dictionary<long, string>();
        foreach (var (deliveryId, mail) in mails)
        {
            try
            {
                await smtp.SendAsync(mail, cancellationToken);
            }
            catch (SmtpCommandException e)
            {
                // The server refused this one (a bad address, say): the others still go.
                failures[deliveryId] = $"SMTP refused the message: {e.StatusCode} {e.Message}";
            }
        }

        await smtp.DisconnectAsync(quit: true, cancellationToken);
        return failures;
    }

    private MimeMessage? ComposeContactCode(OutboxWork work, EmailOptions settings)
    {
        var confirm = Identity.Public.ContactCodeMessage.Read(work.Payload);
        if (confirm.Channel != Identity.Public.CodeChannels.Email || !MailboxAddress.TryParse(confirm.To, out var to))
        {
            return null;
        }

        return NewMail(work, settings, to, $"Mã xác nhận thư điện tử: {confirm.Code}", $"""
            Mã xác nhận thư điện tử của tài khoản Cổng Dịch vụ công là: {confirm.Code}

            Nhập mã này tại {portal.Value.Url("/tai-khoan/xac-nhan/thu-dien-tu")} trước {confirm.ExpiresAt:HH:mm} ngày {confirm.ExpiresAt:dd/MM/yyyy}.
            Sau khi xác nhận, thông báo về hồ sơ của bạn sẽ được gửi tới địa chỉ này. Nếu bạn không yêu cầu, hãy bỏ qua thư này.
            """);
    }

    private MimeMessage? ComposeResetCode(OutboxWork work, EmailOptions settings)
    {
        var reset = Identity.Public.ResetCodeMessage.Read(work.Payload);
        if (reset is null || reset.Channel == Identity.Public.CodeChannels.Sms || !MailboxAddress.TryParse(reset.Email, out var to))
        {
            return null;
        }

        return NewMail(work, settings, to, $"Mã xác nhận đặt lại mật khẩu: {reset.Code}", $"""
            Mã xác nhận để đặt lại mật khẩu tài khoản Cổng Dịch vụ công của bạn là: {reset.Code}

            Mã dùng được đến {reset.ExpiresAt:HH:mm} ngày {reset.ExpiresAt:dd/MM/yyyy}, tại {portal.Value.Url("/quen-mat-khau/dat-lai")}.
            Nếu bạn không yêu cầu đặt lại mật khẩu, hãy bỏ qua thư này; mật khẩu của bạn không thay đổi.
            """);
    }

    private MimeMessage Compose(OutboxWork work, NotificationText text, ApplicantEvent message, MailboxAddress to, EmailOptions settings) =>
        NewMail(work, settings, to, $"{text.Title} – hồ sơ {message.Code}", $"""
            Kính gửi {to.Name},

            {text.Body}

            Xem hồ sơ: {portal.Value.Url("/ho-so/" + Uri.EscapeDataString(message.Code))}

            Đây là thư tự động của Cổng Dịch vụ công; vui lòng không trả lời thư này.
            """);

    /// <summary>Every mail: the configured sender, plain text, and the delivery id as its Message-ID.</summary>
    private MimeMessage NewMail(OutboxWork work, EmailOptions settings, MailboxAddress to, string subject, string body)
    {
        var mail = new MimeMessage
        {
            Subject = subject,
            MessageId = $"delivery-{work.DeliveryId}@{portal.Value.BaseUri.Host}",
            Body = new TextPart("plain") { Text = body },
        };
        mail.From.Add(MailboxAddress.Parse(settings.From));
        mail.To.Add(to);
        return mail;
    }
}
