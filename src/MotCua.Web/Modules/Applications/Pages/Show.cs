using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using MotCua.Web.Modules.Applications.Access;
using MotCua.Web.Modules.Applications.Domain;
using NodaTime;
using MotCua.Web.Common.Localization;

namespace MotCua.Web.Modules.Applications.Pages;

/// <summary>
/// How the applicant's pages show instants ("16:00 thứ Sáu, 27/11/2026", in English "16:00 Friday, 27/11/2026") and
/// Vietnamese data: on an English page marked lang="vi" (<see cref="Texts.Vi"/>, <see cref="Say.Term"/>,
/// <see cref="Say.Html"/>); on a Vietnamese page written as the page writes any text, character for character.
/// </summary>
public static partial class Show
{
    public static string Time(Instant instant) => PortalDates.When(instant.InZone(ApplicationAccess.Vietnam).LocalDateTime);

    public static string Time(Instant? instant) => instant is Instant i ? Time(i) : "—";

    /// <summary>Data written in Vietnamese: a unit's or a procedure's name, an answer, a note.</summary>
    public static IHtmlContent Vi(string? text) => Texts.IsEnglish ? Texts.Vi(text) : new HtmlContentBuilder().Append(text);

    /// <summary>A word from the catalog (an e-form's question or choice): English where the resources hold it.</summary>
    public static IHtmlContent Term(IStringLocalizer<Texts> texts, string? word) =>
        Texts.IsEnglish ? texts.Term(word) : new HtmlContentBuilder().Append(word);

    /// <summary>Catalog words in a list ("Giấy chứng sinh …; Giấy chứng nhận kết hôn …"), each as <see cref="Term"/> says it.</summary>
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

            html.AppendHtml(Term(texts, word));
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

    /// <summary>A sentence with data or markup in it ("{0}", "{1}" …: each part text, or HTML such as <see cref="Vi"/>).</summary>
    public static IHtmlContent Html(IStringLocalizer<Texts> texts, string vietnamese, params object?[] parts)
    {
        ArgumentNullException.ThrowIfNull(vietnamese);
        ArgumentNullException.ThrowIfNull(parts);
        if (Texts.IsEnglish)
        {
            return texts.Html(vietnamese, parts);
        }

        var html = new HtmlContentBuilder();
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(vietnamese))
        {
            html.Append(vietnamese[at..placeholder.Index]);
            var part = parts[int.Parse(placeholder.Groups[1].Value, CultureInfo.InvariantCulture)];
            if (part is IHtmlContent content)
            {
                html.AppendHtml(content);
            }
            else
            {
                html.Append(Convert.ToString(part, CultureInfo.CurrentCulture));
            }

            at = placeholder.Index + placeholder.Length;
        }

        return html.Append(vietnamese[at..]);
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
