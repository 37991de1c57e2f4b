using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Localization;

namespace MotCua.Web.Common.Localization;

/// <summary>
/// The portal's words. The key is the Vietnamese text itself, so Vietnamese needs no resource and a text not yet
/// translated shows in Vietnamese; <c>Texts.en.resx</c> beside this file holds English. Slips stay Vietnamese, as the
/// law requires, and never go through here.
/// </summary>
public sealed class Texts
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en";

    /// <summary>Whether this request reads English (otherwise Vietnamese).</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English;

    /// <summary>
    /// Data written in Vietnamese (a unit's or a procedure's name, an applicant's answer): as it is on a Vietnamese page,
    /// inside &lt;span lang="vi"&gt; on an English one so a screen reader says it in Vietnamese.
    /// </summary>
    public static IHtmlContent Vi(string? text) =>
        IsEnglish && !string.IsNullOrEmpty(text) ? new VietnameseData(text) : new HtmlContentBuilder().Append(text ?? string.Empty);

    /// <summary>Encoded when written, with the page's own encoder (which leaves Vietnamese letters as they are).</summary>
    private sealed class VietnameseData(string text) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            ArgumentNullException.ThrowIfNull(writer);
            ArgumentNullException.ThrowIfNull(encoder);
            writer.Write("<span lang=\"vi\">");
            encoder.Encode(writer, text);
            writer.Write("</span>");
        }
    }

    /// <summary>"vi" on an English page, for an element that holds Vietnamese data (lang="@Texts.ViLang"); none otherwise.</summary>
    public static string? ViLang => IsEnglish ? "vi" : null;

    /// <summary>How long the language a person picked is remembered (the culture cookie).</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromDays(365);

    /// <summary>
    /// "?culture=en" (or "?culture=vi-VN") switches the language and remembers it in the culture cookie, so every
    /// next page speaks it too. The browser's own language is not asked: Vietnamese comes first.
    /// </summary>
    public static void Remember(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var asked = context.Request.Query["culture"].ToString();
        if (asked is Vietnamese or English)
        {
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(asked)),
                new CookieOptions { MaxAge = Remembered, IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });
        }
    }

    /// <summary>The address of this page in the other language (its query kept, the culture switched).</summary>
    public static string SwitchTo(HttpRequest request, string culture)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query.Where(q => q.Key != "culture")
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"))
            .Append($"culture={culture}");
        return $"{request.PathBase}{request.Path}?{string.Join('&', query)}";
    }
}
