using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using MotCua.Web.Common.Localization;

namespace MotCua.UnitTests.Common.Localization;

/// <summary>Messages made in Vietnamese read in English where the resources have them, parts translated in turn.</summary>
public sealed class SayTests
{
    private static readonly TextsLocalizer T = new();

    private static T2 In<T2>(string culture, Func<T2> read)
    {
        var (was, wasUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (was, wasUi);
        }
    }

    private static string Write(IHtmlContent html)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        html.WriteTo(writer, HtmlEncoder.Create(UnicodeRanges.All));
        return writer.ToString();
    }

    [Fact]
    public void Every_english_text_is_read_once_and_keeps_its_placeholders()
    {
        Assert.NotEmpty(TextsLocalizer.English);
        foreach (var (vietnamese, english) in TextsLocalizer.English)
        {
            var wanted = System.Text.RegularExpressions.Regex.Matches(vietnamese, @"\{\d+\}").Select(m => m.Value).Order().ToList();
            var given = System.Text.RegularExpressions.Regex.Matches(english, @"\{\d+\}").Select(m => m.Value).Distinct().Order().ToList();
            Assert.True(wanted.Distinct().SequenceEqual(given), $"“{vietnamese}” → “{english}”: placeholders differ.");
            Assert.True(vietnamese.IsNormalized(System.Text.NormalizationForm.FormC), $"“{vietnamese}” is not NFC.");
        }
    }

    [Fact]
    public void Vietnamese_pages_get_the_message_and_the_data_as_they_are()
    {
        Assert.Equal("Nhập họ tên người nộp.", In("vi-VN", () => T.Message("Nhập họ tên người nộp.")));
        Assert.Equal("UBND phường An Phú", In("vi-VN", () => Write(Texts.Vi("UBND phường An Phú"))));
        Assert.Equal("Hộ tịch", In("vi-VN", () => Write(T.Term("Hộ tịch"))));
    }

    [Fact]
    public void English_pages_mark_vietnamese_data_and_translate_what_they_can()
    {
        Assert.Equal("<span lang=\"vi\">UBND phường An Phú</span>", In("en", () => Write(Texts.Vi("UBND phường An Phú"))));
        Assert.Equal("<span lang=\"vi\">Một lĩnh vực chưa dịch</span>", In("en", () => Write(T.Term("Một lĩnh vực chưa dịch"))));
        Assert.Equal("Một câu chưa dịch.", In("en", () => T.Message("Một câu chưa dịch.")));
        var footer = In("en", () => Write(T.Html("Hệ thống thông tin giải quyết thủ tục hành chính {0}. Mọi thắc mắc xin liên hệ bộ phận một cửa nơi bạn nộp hồ sơ{1}.", Texts.Vi("tỉnh An Bình"), "")));
        Assert.StartsWith("Administrative procedures information system of <span lang=\"vi\">tỉnh An Bình</span>.", footer, StringComparison.Ordinal);
    }
}
