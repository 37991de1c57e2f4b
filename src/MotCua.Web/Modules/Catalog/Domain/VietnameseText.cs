using System.Globalization;
using System.Text;

namespace MotCua.Web.Modules.Catalog.Domain;

/// <summary>
/// Folds Vietnamese text for search: no diacritics (so the old and new tone placements, hoà/hòa and thuỷ/thủy, meet),
/// lower case, words separated by one space, and a syllable's final i/y written one way (kí/ký, kì/kỳ, lí/lý, quí/quý).
/// </summary>
public static class VietnameseText
{
    /// <summary>"Đăng ký  khai-sinh" → "dang ki khai sinh".</summary>
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

        SpellFinalY(folded);
        return folded.ToString();
    }

    /// <summary>
    /// A word ending in y straight after a consonant (ky, ly, my, sy, ty, quy, or y alone) ends in i instead: both
    /// spellings are in use and people type either. "tay", "thuy", "huy" keep their y, which is part of a vowel pair.
    /// </summary>
    private static void SpellFinalY(StringBuilder folded)
    {
        for (var i = 0; i < folded.Length; i++)
        {
            if (folded[i] != 'y' || (i + 1 < folded.Length && folded[i + 1] != ' '))
            {
                continue;
            }

            var start = i == 0 || folded[i - 1] == ' ';
            var afterConsonant = !start && char.IsAsciiLetter(folded[i - 1]) && !IsVowel(folded[i - 1]);
            var afterQu = i >= 2 && folded[i - 1] == 'u' && folded[i - 2] == 'q';
            if (start || afterConsonant || afterQu)
            {
                folded[i] = 'i';
            }
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>The distinct folded words of a query, in the order typed.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Lower case in NFC, diacritics kept: to reward a query typed with the right accents.</summary>
    public static string LowerKeepingMarks(string? text) =>
        (text ?? string.Empty).Normalize(NormalizationForm.FormC).ToLower(CultureInfo.GetCultureInfo("vi-VN"));
}
