using System.ComponentModel.DataAnnotations;

namespace MotCua.Web.Common.Storage;

/// <summary>
/// Section "Storage": where uploaded documents and results are kept. The embedded default is a local folder beside the
/// app (data/files); several nodes need one shared folder (a network mount) or, later, an object store.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>An absolute folder, or one relative to the app's content root; null = data/files.</summary>
    [StringLength(400)]
    public string? Folder { get; set; }

    public string FolderUnder(string contentRoot) =>
        string.IsNullOrWhiteSpace(Folder) ? Path.Combine(contentRoot, "data", "files") : Path.GetFullPath(Folder, contentRoot);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Folder is { Length: > 0 } folder && folder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            yield return new ValidationResult($"Storage:Folder “{folder}” is not a valid folder path. / Đường dẫn thư mục lưu tệp không hợp lệ.", [nameof(Folder)]);
        }
    }
}

public static class StorageSetup
{
    /// <summary>Files in a local folder (<see cref="StorageOptions"/>), created on first use.</summary>
    public static WebApplicationBuilder AddFileStorage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IFileStorage>(sp => new LocalFolderStorage(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.FolderUnder(builder.Environment.ContentRootPath),
            sp.GetRequiredService<NodaTime.IClock>()));
        return builder;
    }
}
