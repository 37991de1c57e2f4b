using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using MotCua.Web.Common.Storage;

namespace MotCua.Web.Modules.Applications.Submit;

/// <summary>
/// Files attached to an e-form that came back with errors, kept on the server so no one attaches them twice. The page
/// carries a protected token per file, valid for one person for a day; the file itself stays in storage until the
/// application is filed (then it becomes the application's document) or the person removes or replaces it.
/// </summary>
public sealed class StagedUploads(IFileStorage storage, IDataProtectionProvider protection)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public sealed record Staged(string Key, string FileName, string ContentType, long Size);

    public async Task<(Staged File, string Token)> StageAsync(IFormFile file, string contentType, Guid owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        string key;
        await using (var content = file.OpenReadStream())
        {
            key = await storage.SaveAsync(content, cancellationToken);
        }

        var staged = new Staged(key, Path.GetFileName(file.FileName), contentType, file.Length);
        return (staged, Token(staged, owner));
    }

    /// <summary>The token for a staged file, to write again on the next round of the page.</summary>
    public string Token(Staged staged, Guid owner) => Protector(owner).Protect(JsonSerializer.Serialize(staged), Lifetime);

    /// <summary>The staged file a token names; null when it is not this person's, expired or forged.</summary>
    public Staged? Find(string? token, Guid owner)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Staged>(Protector(owner).Unprotect(token));
        }
        catch (Exception e) when (e is CryptographicException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The staged file as an upload, for the same path a file posted with the form takes.</summary>
    public async Task<IFormFile> OpenAsync(Staged staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var buffer = new MemoryStream();
        await using (var stream = await storage.OpenReadAsync(staged.Key, cancellationToken))
        {
            await stream.CopyToAsync(buffer, cancellationToken);
        }

        buffer.Position = 0;
        return new FormFile(buffer, 0, buffer.Length, "file", staged.FileName)
        {
            Headers = new HeaderDictionary(),
            ContentType = staged.ContentType,
        };
    }

    public Task DiscardAsync(Staged staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        return storage.DeleteAsync(staged.Key, cancellationToken);
    }

    private ITimeLimitedDataProtector Protector(Guid owner) =>
        protection.CreateProtector("staged-upload", owner.ToString("N")).ToTimeLimitedDataProtector();
}
