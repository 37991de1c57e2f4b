using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Domain;
using NodaTime;
using MotCua.Web.Common.Localization;

namespace MotCua.Web.Modules.Applications.Pages;

/// <summary>
/// How the applicant's pages show instants ("16:00 thứ Sáu, 27/11/2026", in English "16:00 Friday, 27/11/2026"), lists
/// of catalog words and labels inside sentences.
/// </summary>
public static class Show
{
    public static string Time(Instant instant) => PortalDates.When(instant.InZone(ApplicationAccess.Vietnam).LocalDateTime);

    public static string Time(Instant? instant) => instant is Instant i ? Time(i) : "—";

    /// <summary>Catalog words in a list ("Giấy chứng sinh …; Giấy chứng nhận kết hôn …"), each as <see cref="Say.Term"/> says it.</summary>
    public static IHtmlContent Terms(IStringLocalizer<Texts> texts, IEnumerable<string> words, string separator = "; ")
    {
        ArgumentNullException.ThrowIfNull(words);
        var html = new HtmlContentBuilder();
        foreach (var word in words)
        {
            if (html.Count > 0)
            {
                html.Append(separator);
            }

            html.AppendHtml(texts.Term(word));
        }

        return html;
    }

    /// <summary>A label written lower-case inside a sentence or a link ("Tờ khai" → "tờ khai", in English "form").</summary>
    public static string Lower(IStringLocalizer<Texts> texts, string label)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var text = texts[label].Value;
        return text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.CurrentCulture) + text[1..];
    }
}
