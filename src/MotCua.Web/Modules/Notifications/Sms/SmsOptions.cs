using System.ComponentModel.DataAnnotations;

namespace MotCua.Web.Modules.Notifications.Sms;

public enum SmsMode
{
    /// <summary>Written to the SMS log the province admin reads (/quan-tri/tin-nhan): the embedded default.</summary>
    Log,

    /// <summary>Sent through the HTTP gateway at <see cref="SmsOptions.Url"/>.</summary>
    Http,

    /// <summary>No SMS channel on this instance.</summary>
    Off,
}

/// <summary>Section "Sms": the SMS channel through an HTTP gateway (brand-name SMS).</summary>
public sealed class SmsOptions : IValidatableObject
{
    public const string Section = "Sms";

    public SmsMode Mode { get; set; } = SmsMode.Log;

    /// <summary>The gateway's send address; MotCua POSTs JSON {to, text, brandName, clientReference}.</summary>
    public string? Url { get; set; }

    /// <summary>The registered sender name shown on the phone.</summary>
    [StringLength(11, MinimumLength = 1)]
    public string BrandName { get; set; } = "DICHVUCONG";

    /// <summary>Sent as "Authorization: Bearer …".</summary>
    public string? ApiKey { get; set; }

    /// <summary>Vietnamese with diacritics costs a Unicode SMS (70 characters a segment): off by default.</summary>
    public bool Diacritics { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == SmsMode.Http && !Uri.TryCreate(Url, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Sms:Url is missing or not an absolute address: Sms:Mode is Http, so name the gateway (Sms__Url).", [nameof(Url)]);
        }
    }
}
