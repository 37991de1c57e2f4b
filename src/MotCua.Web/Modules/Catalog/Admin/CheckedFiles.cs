using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using MotCua.Web.Common.Storage;

namespace MotCua.Web.Modules.Catalog.Admin;

/// <summary>
/// A file the admin had checked (a dry run), kept aside until they confirm it: the confirming post carries a protected
/// token naming the stored copy and its format, so the same bytes that were checked are the ones loaded.
/// </summary>
public sealed class CheckedFiles(IFileStorage storage, IDataProtectionProvider protection)
{
    public sealed record Kept(string Key, bool Excel);

    /// <summary>Stores the upload and returns the token for the confirming post.</summary>
    public async Task<(Kept File, string Token)> KeepAsync(IFormFile file, string purpose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        string key;
        await using (var content = file.OpenReadStream())
        {
            key = await storage.SaveAsync(content, cancellationToken);
        }

        var kept = new Kept(key, file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase));
        return (kept, protection.CreateProtector(purpose).Protect((kept.Excel ? "xlsx:" : "json:") + key));
    }

    /// <summary>The file a token names; null for a token that was not made here for this purpose.</summary>
    public Kept? Find(string? token, string purpose)
    {
        try
        {
            var kept = protection.CreateProtector(purpose).Unprotect(token ?? string.Empty);
            return kept.Length < 6 ? null : new Kept(kept[5..], kept.StartsWith("xlsx:", StringComparison.Ordinal));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public Task<Stream> OpenAsync(Kept file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        return storage.OpenReadAsync(file.Key, cancellationToken);
    }
}
