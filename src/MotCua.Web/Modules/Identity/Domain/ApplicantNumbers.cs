namespace MotCua.Web.Modules.Identity.Domain;

/// <summary>Checks the numbers applicants identify themselves with.</summary>
public static class ApplicantNumbers
{
    /// <summary>Personal identification number (số định danh cá nhân, on the chip ID card): 12 digits.</summary>
    public static bool IsIdentityNumber(string? value) =>
        value is { Length: 12 } && value.All(char.IsAsciiDigit);

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
