namespace MotCua.Web.Modules.Identity.Public;

/// <summary>Checks the numbers applicants identify themselves with.</summary>
public static class ApplicantNumbers
{
    /// <summary>
    /// Province codes of birth registration that open a personal identification number (Circular 07/2016/TT-BCA,
    /// appendix 1; kept by Circular 59/2021/TT-BCA). Numbers never change, so the 63 codes of before the 2025 merger
    /// stay valid; the 34 provinces since then use codes of this same list.
    /// </summary>
    private static readonly HashSet<string> ProvinceCodes =
    [
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
        "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
        "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
        "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
    ];

    /// <summary>
    /// Personal identification number (số định danh cá nhân, Circular 07/2016/TT-BCA art. 7): 12 digits; the first 3 the
    /// province of birth registration; the 4th sex and century (0/1 born 1900–1999, 2/3 born 2000–2099); the 5th and 6th
    /// the last two digits of the birth year; the last 6 a random number.
    /// </summary>
    public static bool IsIdentityNumber(string? value) => IdentityNumberProblem(value, birthDate: null) is null;

    /// <summary>Null when the number can be a real one (for this birth date, when one is given); otherwise why not, in Vietnamese.</summary>
    public static string? IdentityNumberProblem(string? value, DateOnly? birthDate)
    {
        if (value is not { Length: 12 } || !value.All(char.IsAsciiDigit))
        {
            return "Số định danh cá nhân gồm đúng 12 chữ số.";
        }

        if (!ProvinceCodes.Contains(value[..3]))
        {
            return "Ba chữ số đầu của số định danh cá nhân là mã tỉnh nơi đăng ký khai sinh; " + value[..3] + " không phải mã tỉnh nào. Kiểm tra lại số trên thẻ căn cước.";
        }

        // Only people born 1900–2099 can hold a number today: 0/1 for the 20th century, 2/3 for the 21st.
        var centuryDigit = value[3] - '0';
        if (centuryDigit > 3)
        {
            return "Chữ số thứ tư của số định danh cá nhân (giới tính và thế kỷ sinh) không đúng. Kiểm tra lại số trên thẻ căn cước.";
        }

        if (birthDate is DateOnly born)
        {
            var century = centuryDigit < 2 ? 1900 : 2000;
            var year = century + int.Parse(value.AsSpan(4, 2), System.Globalization.CultureInfo.InvariantCulture);
            if (year != born.Year)
            {
                return $"Số định danh cá nhân không khớp với năm sinh {born.Year}: chữ số thứ 4 đến 6 cho biết năm sinh. Kiểm tra lại số hoặc ngày sinh.";
            }
        }

        return null;
    }

    /// <summary>An e-mail address of the usual shape (one @, a domain with a dot, no spaces).</summary>
    public static bool IsEmail(string? value) =>
        value is { Length: > 0 } && System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value
            && address.Host.Contains('.', StringComparison.Ordinal) && !value.Contains(' ', StringComparison.Ordinal);

    /// <summary>Enterprise tax code (mã số thuế / mã số doanh nghiệp): 10 digits, or 10 digits, a dash and 3 digits for a branch.</summary>
    public static bool IsTaxCode(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var parts = value.Split('-');
        return parts switch
        {
            [var main] => main.Length == 10 && main.All(char.IsAsciiDigit),
            [var main, var branch] => main.Length == 10 && main.All(char.IsAsciiDigit)
                && branch.Length == 3 && branch.All(char.IsAsciiDigit),
            _ => false,
        };
    }

    /// <summary>Vietnamese mobile or landline number: 10 digits starting with 0 (or +84 and 9 digits).</summary>
    public static bool IsPhoneNumber(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var digits = value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        if (digits.StartsWith("+84", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..];
        }

        return digits.Length == 10 && digits[0] == '0' && digits.All(char.IsAsciiDigit);
    }
}
