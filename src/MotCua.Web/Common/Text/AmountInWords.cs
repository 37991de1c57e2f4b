using System.Text;

namespace MotCua.Web.Common.Text;

/// <summary>
/// An amount of money written out in Vietnamese, as receipts and invoices carry it ("Số tiền bằng chữ"):
/// 50 000 → "Năm mươi nghìn đồng", 1 005 → "Một nghìn không trăm linh năm đồng", 21 → "Hai mươi mốt đồng".
/// </summary>
public static class AmountInWords
{
    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

    /// <summary>Names of the groups of three digits below a billion, from the right.</summary>
    private static readonly string[] Scales = ["", "nghìn", "triệu"];

    private static readonly long[] ScaleValues = [1, 1_000, 1_000_000];

    private const long Billion = 1_000_000_000;

    /// <summary>"Năm mươi nghìn đồng": the number in words, capitalised, then "đồng".</summary>
    public static string Dong(long amount)
    {
        var words = Number(amount);
        return char.ToUpperInvariant(words[0]) + words[1..] + " đồng";
    }

    /// <summary>The number in lower-case words ("một trăm linh năm").</summary>
    public static string Number(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        if (number == 0)
        {
            return Digits[0];
        }

        // Past a billion the count of billions is read as a number of its own: "một nghìn năm trăm tỷ".
        return number >= Billion
            ? Join(Number(number / Billion) + " tỷ", BelowBillion(number % Billion, full: true))
            : BelowBillion(number, full: false);
    }

    /// <summary>
    /// Up to 999 999 999, zero groups left out. Only a leading group is read short ("năm nghìn"); one that follows a
    /// larger one says its hundreds and tens ("một nghìn không trăm linh năm").
    /// </summary>
    private static string BelowBillion(long number, bool full)
    {
        var text = new StringBuilder();
        for (var i = Scales.Length - 1; i >= 0; i--)
        {
            var group = (int)(number / ScaleValues[i] % 1000);
            if (group == 0)
            {
                continue;
            }

            Append(text, Group(group, full: full || text.Length > 0));
            Append(text, Scales[i]);
        }

        return text.ToString();
    }

    private static string Join(string high, string low) => low.Length == 0 ? high : $"{high} {low}";

    /// <summary>Three digits: "hai trăm mười lăm", "không trăm linh một", "mười", "hai mươi mốt".</summary>
    private static string Group(int value, bool full)
    {
        var (hundreds, tens, units) = (value / 100, value / 10 % 10, value % 10);
        var text = new StringBuilder();
        if (hundreds > 0 || full)
        {
            Append(text, $"{Digits[hundreds]} trăm");
        }

        var saidHundreds = text.Length > 0;
        switch (tens)
        {
            case 0 when units > 0 && saidHundreds:
                Append(text, "linh");
                break;
            case 1:
                Append(text, "mười");
                break;
            case > 1:
                Append(text, $"{Digits[tens]} mươi");
                break;
        }

        if (units > 0)
        {
            Append(text, units switch
            {
                1 when tens > 1 => "mốt",
                5 when tens > 0 => "lăm",
                _ => Digits[units],
            });
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string words)
    {
        if (words.Length == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(words);
    }
}
