using System.Text;

namespace MotCua.Web.Common.Text;

/// <summary>
/// How long each kind of text people type may be. The columns are mapped with these lengths and every input is checked
/// against them before it reaches the database, so SQLite (which stores any length) and PostgreSQL (which refuses)
/// behave the same.
/// </summary>
public static class TextLimits
{
    public const int PersonName = 200;
    public const int Address = 400;

    /// <summary>The applicant's e-mail as the application keeps it (RFC 5321 allows 254; no one in the catalog needs more).</summary>
    public const int Email = 200;

    public const int Phone = 20;
    public const int UserName = 100;
    public const int Note = 2000;
    public const int LegalBasis = 1000;
    public const int DocumentName = 600;
    public const int FileName = 255;

    /// <summary>One answer of an e-form.</summary>
    public const int FormValue = 4000;

    /// <summary>A search box.</summary>
    public const int Query = 200;

    /// <summary>An identifier in a route or query (application code, procedure code, slip kind).</summary>
    public const int Code = 64;
}

/// <summary>Which characters text from outside may carry.</summary>
public static class TextRules
{
    /// <summary>
    /// Control characters (other than tab and line breaks), Unicode noncharacters such as U+FFFE and unpaired surrogates
    /// are never part of what a person typed; PostgreSQL refuses NUL outright. Such text is refused, not cleaned.
    /// </summary>
    public static bool IsClean(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ')
            {
                if (c is not ('\t' or '\n' or '\r'))
                {
                    return false;
                }
            }
            else if (c is >= '\u007F' and <= '\u009F' || c is >= '\uFDD0' and <= '\uFDEF' || c is '\uFFFE' or '\uFFFF')
            {
                return false;
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                // U+nFFFE and U+nFFFF of the other planes are noncharacters too.
                var scalar = char.ConvertToUtf32(c, text[i + 1]);
                if ((scalar & 0xFFFE) == 0xFFFE)
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsClean(string? text) => text is null || IsClean(text.AsSpan());

    /// <summary>The message people see for text that is refused by <see cref="IsClean(string?)"/>.</summary>
    public const string UncleanMessage = "Có ký tự không hợp lệ (ký tự điều khiển hoặc không in được). Hãy gõ lại nội dung này.";

    /// <summary>Null when the text is acceptable as one field of at most <paramref name="maxLength"/> characters; otherwise why not.</summary>
    public static string? Problem(string? text, int maxLength)
    {
        if (text is null)
        {
            return null;
        }

        if (!IsClean(text))
        {
            return UncleanMessage;
        }

        return text.Length > maxLength ? TooLong(maxLength) : null;
    }

    /// <summary>"Dài quá 2.000 ký tự.": the message for text longer than its field.</summary>
    public static string TooLong(int maxLength) =>
        string.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), $"Dài quá {maxLength:N0} ký tự.");

    /// <summary>Trimmed and in Unicode NFC, as MotCua stores what people type; null for blank text.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return IsClean(trimmed) && !trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed.Normalize(NormalizationForm.FormC) : trimmed;
    }
}
