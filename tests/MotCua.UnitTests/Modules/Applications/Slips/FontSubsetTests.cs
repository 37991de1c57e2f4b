using MotCua.Web.Modules.Applications.Slips;
using SkiaSharp;
using MotCua.Web.Common.Pdf;

namespace MotCua.UnitTests.Modules.Applications.Slips;

public sealed class FontSubsetTests
{
    [Fact]
    public void Kept_glyphs_keep_their_outlines_composites_included_and_the_rest_are_emptied()
    {
        using var full = new SKFont(PdfFonts.Get(FontFace.Regular));
        var kept = full.GetGlyphs("Nguyễn Văn An");
        var subset = FontSubset.Keep(PdfFonts.Data(FontFace.Regular), kept);

        using var data = SKData.CreateCopy(subset);
        using var typeface = SKTypeface.FromData(data);
        Assert.NotNull(typeface);
        using var font = new SKFont(typeface);
        Assert.Equal(kept, font.GetGlyphs("Nguyễn Văn An"));
        foreach (var glyph in kept.Where(g => g != full.GetGlyph(' ')))
        {
            using var path = font.GetGlyphPath(glyph);
            using var original = full.GetGlyphPath(glyph);
            Assert.Equal(original.Bounds, path.Bounds);
        }

        using var dropped = font.GetGlyphPath(full.GetGlyph('Z'));
        Assert.True(dropped is null || dropped.IsEmpty);
        Assert.Equal(full.MeasureText("Nguyễn Văn An"), font.MeasureText("Nguyễn Văn An"));
        Assert.True(subset.Length < PdfFonts.Data(FontFace.Regular).Length / 4, $"{subset.Length} bytes");
    }

    [Fact]
    public void Fonts_load_from_the_app_folder()
    {
        Assert.True(File.Exists(Path.Combine(PdfFonts.Folder, "LiberationSerif-Regular.ttf")));
        Assert.True(File.Exists(Path.Combine(PdfFonts.Folder, "LICENSE")));
        Assert.Equal("Liberation Serif", PdfFonts.Get(FontFace.Bold).FamilyName);
        Assert.Contains("SIL Open Font License", File.ReadAllText(Path.Combine(PdfFonts.Folder, "LICENSE")), StringComparison.Ordinal);
        Assert.Same(PdfFonts.Get(FontFace.Italic), PdfFonts.Get(FontFace.Italic));
    }
}
