using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace MotCua.Web.Common.Localization;

/// <summary>
/// Messages the modules write in Vietnamese (a refusal, a check that failed, a notice), shown in the reader's language.
/// A fixed message is its own key. A message built from parts ("Nhập họ tên người nộp.", "Không thể “phê duyệt kết
/// quả” khi hồ sơ đang ở trạng thái “Mới tiếp nhận”.") matches a key with placeholders ("Nhập {0}.") and each part is
/// translated in turn, so the domain keeps one language and only the page that shows a message asks for English.
/// Vietnamese readers get the message untouched; one that no key matches stays Vietnamese.
/// </summary>
public static partial class Say
{
    private const int DeepestPart = 3;
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(Regex Pattern, string Text)>> Patterns = new(StringComparer.Ordinal);

    /// <summary>The message in the current language.</summary>
    public static string Message(this IStringLocalizer<Texts> texts, string? vietnamese)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (string.IsNullOrEmpty(vietnamese) || !Texts.IsEnglish)
        {
            return vietnamese ?? string.Empty;
        }

        return Translate(texts, vietnamese, 0) ?? vietnamese;
    }

    /// <summary>
    /// A word from the catalog or the seed (an e-form's question or choice, a unit level): English where the resources
    /// hold it, otherwise the Vietnamese, marked lang="vi" on an English page so a screen reader says it in Vietnamese.
    /// </summary>
    public static IHtmlContent Term(this IStringLocalizer<Texts> texts, string? vietnamese)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (string.IsNullOrEmpty(vietnamese) || !Texts.IsEnglish)
        {
            return new HtmlContentBuilder().Append(vietnamese ?? string.Empty);
        }

        var english = texts[vietnamese];
        return english.ResourceNotFound ? Texts.Vi(vietnamese) : new HtmlContentBuilder().Append(english.Value);
    }

    /// <summary>The text of <see cref="Term"/> without markup (for an attribute or an option).</summary>
    public static string TermText(this IStringLocalizer<Texts> texts, string? vietnamese)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return string.IsNullOrEmpty(vietnamese) || !Texts.IsEnglish ? vietnamese ?? string.Empty : texts[vietnamese].Value;
    }

    /// <summary>
    /// A sentence with data in it, as HTML: the sentence translated, each part put where its placeholder is, as given
    /// (an <see cref="IHtmlContent"/> such as <see cref="Texts.Vi"/>) or as text; all encoded when the page is written.
    /// </summary>
    public static IHtmlContent Html(this IStringLocalizer<Texts> texts, string vietnamese, params object?[] parts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(parts);
        var sentence = texts[vietnamese].Value;
        var html = new HtmlContentBuilder();
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(sentence))
        {
            html.Append(sentence[at..placeholder.Index]);
            var index = int.Parse(placeholder.Value[1..^1], CultureInfo.InvariantCulture);
            switch (index < parts.Length ? parts[index] : null)
            {
                case IHtmlContent content:
                    html.AppendHtml(content);
                    break;
                case { } part:
                    html.Append(Convert.ToString(part, CultureInfo.CurrentCulture));
                    break;
            }

            at = placeholder.Index + placeholder.Length;
        }

        return html.Append(sentence[at..]);
    }

    private static string? Translate(IStringLocalizer<Texts> texts, string vietnamese, int depth)
    {
        var exact = texts[vietnamese];
        if (!exact.ResourceNotFound)
        {
            return exact.Value;
        }

        // A part written lower-case inside a sentence ("Nhập họ tên …") may be kept capitalised as a label ("Họ tên").
        if (depth > 0 && vietnamese.Length > 1 && char.IsLower(vietnamese[0]))
        {
            var label = texts[char.ToUpper(vietnamese[0], Vietnamese) + vietnamese[1..]];
            if (!label.ResourceNotFound)
            {
                return char.ToLower(label.Value[0], CultureInfo.InvariantCulture) + label.Value[1..];
            }
        }

        if (depth >= DeepestPart)
        {
            return null;
        }

        foreach (var (pattern, text) in PatternsFor(texts))
        {
            var match = pattern.Match(vietnamese);
            if (match.Success)
            {
                var parts = new object[match.Groups.Count - 1];
                for (var i = 0; i < parts.Length; i++)
                {
                    var part = match.Groups["p" + i.ToString(CultureInfo.InvariantCulture)].Value;
                    parts[i] = Translate(texts, part, depth + 1) ?? part;
                }

                return string.Format(CultureInfo.CurrentCulture, text, parts);
            }
        }

        return null;
    }

    /// <summary>Keys with placeholders, longest fixed text first so the most specific sentence wins.</summary>
    private static IReadOnlyList<(Regex Pattern, string Text)> PatternsFor(IStringLocalizer<Texts> texts) =>
        Patterns.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => texts.GetAllStrings(includeParentCultures: false)
            .Where(s => Placeholder().IsMatch(s.Name))
            .OrderByDescending(s => Placeholder().Replace(s.Name, string.Empty).Length)
            .Select(s => (new Regex("^" + Placeholder().Replace(Regex.Escape(s.Name).Replace(@"\{", "{", StringComparison.Ordinal), m => $"(?<p{m.Value[1..^1]}>.+?)") + "$",
                RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(50)), s.Value))
            .ToList());

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo(Texts.Vietnamese);

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
