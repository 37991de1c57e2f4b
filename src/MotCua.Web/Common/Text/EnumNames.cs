namespace MotCua.Web.Common.Text;

/// <summary>Enums from outside (query, form, multipart) are accepted by their defined names only: never 99 or -2147483648.</summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value, bool ignoreCase = false)
        where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || !Enum.GetNames<T>().Contains(text.Trim(), ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal))
        {
            return false;
        }

        return Enum.TryParse(text.Trim(), ignoreCase, out value);
    }

    /// <summary>"Info, Partial, Full": for the message that lists what is allowed.</summary>
    public static string List<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());
}
