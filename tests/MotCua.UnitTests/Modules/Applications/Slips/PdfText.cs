using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace MotCua.UnitTests.Modules.Applications.Slips;

/// <summary>Text of a PDF as PdfPig reads it, in drawing order, whitespace folded to single spaces.</summary>
internal static partial class PdfText
{
    public static string Of(Page page) => Spaces().Replace(ContentOrderTextExtractor.GetText(page), " ").Trim();

    public static string Of(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().Select(Of));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
