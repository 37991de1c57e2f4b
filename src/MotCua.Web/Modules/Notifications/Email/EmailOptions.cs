using System.ComponentModel.DataAnnotations;

namespace MotCua.Web.Modules.Notifications.Email;

public enum EmailMode
{
    /// <summary>Each message is written as an .eml file to <see cref="EmailOptions.PickupFolder"/> (the embedded default).</summary>
    Pickup,

    /// <summary>Sent over SMTP to <see cref="EmailOptions.Host"/>.</summary>
    Smtp,

    /// <summary>No e-mail channel on this instance.</summary>
    Off,
}

public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it (port 587).</summary>
    StartTlsWhenAvailable,

    /// <summary>STARTTLS or nothing is sent.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>Plain text: only for a relay on this machine or in tests.</summary>
    None,
}

/// <summary>Section "Email": the e-mail channel.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    public EmailMode Mode { get; set; } = EmailMode.Pickup;

    /// <summary>Where .eml files go in Pickup mode; relative to the app's data folder when not absolute.</summary>
    public string PickupFolder { get; set; } = "mail";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTlsWhenAvailable;

    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender people see, e.g. "Cổng Dịch vụ công tỉnh An Bình &lt;khongtraloi@anbinh.gov.vn&gt;".</summary>
    [Required]
    public string From { get; set; } = "Cổng Dịch vụ công <khongtraloi@dichvucong.local>";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == EmailMode.Smtp && string.IsNullOrWhiteSpace(Host))
        {
            yield return new ValidationResult("Email:Host is missing: Email:Mode is Smtp, so name the SMTP server (Email__Host).", [nameof(Host)]);
        }

        if (!MimeKit.MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult($"Email:From “{From}” is not an e-mail address.", [nameof(From)]);
        }
    }
}
