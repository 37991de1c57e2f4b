namespace MotCua.Web.Modules.Applications.Documents;

/// <summary>Accepted uploads, recognised by their first bytes, never by their name or the browser's word.</summary>
public static class FileTypes
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerApplication = 30;

    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "image/png";
        }

        return null;
    }

    public static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/jpeg" => ".jpg",
        _ => ".png",
    };
}
