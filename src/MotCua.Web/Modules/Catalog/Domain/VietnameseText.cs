using System.Globalization;
using System.Text;

namespace MotCua.Web.Modules.Catalog.Domain;

/// <summary>Folds Vietnamese text for search: no diacritics, lower case, words separated by one space.</summary>
public static class VietnameseText
{
    /// <summary>"Đăng ký  khai-sinh" → "dang ky khai sinh".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // đ/Đ carry no combining mark: they must be mapped by hand.
            var mapped = c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c);
            if (char.IsLetterOrDigit(mapped))
            {
                if (pendingSpace && folded.Length > 0)
                {
                    folded.Append(' ');
                }

                folded.Append(mapped);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return folded.ToString();
    }

    /// <summary>The distinct folded words of a query, in the order typed.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Lower case in NFC, diacritics kept: to reward a query typed with the right accents.</summary>
    public static string LowerKeepingMarks(string? text) =>
        (text ?? string.Empty).Normalize(NormalizationForm.FormC).ToLower(CultureInfo.GetCultureInfo("vi-VN"));
}
