using System.ComponentModel.DataAnnotations;

namespace MotCua.Web.Modules.Notifications.Zalo;

public enum ZaloMode
{
    /// <summary>Written to the message log the province admin reads (/quan-tri/tin-nhan): the embedded default.</summary>
    Log,

    /// <summary>Sent as Zalo Notification Service (ZNS) template messages to <see cref="ZaloOptions.Url"/>.</summary>
    Http,

    /// <summary>No Zalo channel on this instance.</summary>
    Off,
}

/// <summary>
/// Section "Zalo": template messages through Zalo's ZNS API from the province's Official Account. Each event needs a
/// template approved by Zalo; <see cref="TemplateIds"/> names it per action ("receive", "request-supplement", …) and
/// <see cref="DefaultTemplateId"/> serves the rest. An event without a template is not sent on Zalo.
/// </summary>
public sealed class ZaloOptions : IValidatableObject
{
    public const string Section = "Zalo";

    public ZaloMode Mode { get; set; } = ZaloMode.Log;

    public string Url { get; set; } = "https://business.openapi.zalo.me/message/template";

    /// <summary>The Official Account's access token, sent as the "access_token" header.</summary>
    public string? AccessToken { get; set; }

    public Dictionary<string, string> TemplateIds { get; set; } = new(StringComparer.Ordinal);

    [StringLength(64)]
    public string? DefaultTemplateId { get; set; }

    public string? TemplateFor(string action) => TemplateIds.GetValueOrDefault(action) ?? DefaultTemplateId;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == ZaloMode.Http && !Uri.TryCreate(Url, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Zalo:Url is not an absolute address (Zalo__Url).", [nameof(Url)]);
        }

        if (Mode == ZaloMode.Http && string.IsNullOrWhiteSpace(AccessToken))
        {
            yield return new ValidationResult("Zalo:AccessToken is missing: Zalo:Mode is Http, so give the Official Account's access token (Zalo__AccessToken).", [nameof(AccessToken)]);
        }
    }
}
