using MotCua.Web.Common.Text;
using NodaTime;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.UnitTests.Common;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Nguyễn Văn An")]
    [InlineData("Tổ 3, phường An Phú\r\nTầng 2\tphòng 5")]
    [InlineData("Emoji 😀 và chữ Hán 漢")]
    [InlineData("")]
    public void What_people_type_is_clean(string text) => Assert.True(TextRules.IsClean(text));

    [Theory]
    [InlineData("An\u0000")]
    [InlineData("\u0001")]
    [InlineData("A\u007FB")]
    [InlineData("A\u0085B")]
    [InlineData("A\uFFFEB")]
    [InlineData("A\uFFFF")]
    [InlineData("A\uFDD0")]
    public void Control_characters_and_noncharacters_are_refused(string text) => Assert.False(TextRules.IsClean(text));

    [Fact]
    public void Lone_surrogates_and_noncharacters_of_other_planes_are_refused()
    {
        // Built here, not in attributes: test discovery would turn a lone surrogate into U+FFFD.
        Assert.False(TextRules.IsClean(new string([(char)0xD800])));
        Assert.False(TextRules.IsClean(new string(['A', (char)0xDC00, 'B'])));
        Assert.False(TextRules.IsClean(char.ConvertFromUtf32(0x1FFFE)));
        Assert.True(TextRules.IsClean(char.ConvertFromUtf32(0x1F600)));
    }

    [Fact]
    public void A_problem_names_the_limit_in_vietnamese()
    {
        Assert.Null(TextRules.Problem(new string('a', 400), TextLimits.Address));
        Assert.Equal("Dài quá 400 ký tự.", TextRules.Problem(new string('a', 401), TextLimits.Address));
        Assert.Equal("Dài quá 2.000 ký tự.", TextRules.Problem(new string('a', 2001), TextLimits.Note));
        Assert.Equal(TextRules.UncleanMessage, TextRules.Problem("a\u0000", TextLimits.Note));
        Assert.Null(TextRules.Problem(null, TextLimits.Note));
    }

    [Fact]
    public void Normalizing_trims_and_composes_to_nfc()
    {
        var decomposed = "Nguye\u0302\u0303n"; // ê + combining tilde
        Assert.Equal("Nguyễn", TextRules.Normalize("  " + decomposed + " "));
        Assert.Null(TextRules.Normalize("   "));
    }

    [Theory]
    [InlineData(1999, 12, 31, false)]
    [InlineData(2000, 1, 1, true)]
    [InlineData(2100, 12, 31, true)]
    [InlineData(2101, 1, 1, false)]
    [InlineData(9999, 12, 31, false)]
    public void Sensible_dates_run_from_2000_to_2100(int year, int month, int day, bool inside)
    {
        Assert.Equal(inside, SensibleDates.Contains(new DateOnly(year, month, day)));
        Assert.Equal(inside, SensibleDates.Contains(new LocalDate(year, month, day)));
    }

    [Fact]
    public void An_instant_is_judged_by_its_date_in_vietnam()
    {
        Assert.True(SensibleDates.Contains(Instant.FromUtc(2100, 12, 31, 16, 59)));
        Assert.False(SensibleDates.Contains(Instant.FromUtc(2100, 12, 31, 17, 0)));
        Assert.False(SensibleDates.Contains(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.FromHours(14))));
    }

    [Theory]
    [InlineData("Full", true)]
    [InlineData("full", false)]
    [InlineData("2", false)]
    [InlineData("99", false)]
    [InlineData("-2147483648", false)]
    [InlineData("Full,Info", false)]
    [InlineData("", false)]
    public void Enums_are_read_by_their_names_only(string text, bool accepted) =>
        Assert.Equal(accepted, EnumNames.TryParse<MotCua.Web.Modules.Catalog.Public.OnlineLevel>(text, out _));
}
