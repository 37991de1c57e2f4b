using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Web.Modules.Identity.Codes;

/// <summary>The 6-digit codes sent to an account's own address (password reset, contact confirmation): made, kept as SHA-256 only, checked in constant time.</summary>
public static class OneTimeCode
{
    public static string New() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static string Hash(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
    }

    /// <summary>Whether a typed code (spaces around it ignored) is the one whose hash was kept.</summary>
    public static bool Matches(string hash, string typed)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(typed);
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(hash), Convert.FromHexString(Hash(typed.Trim())));
    }
}
