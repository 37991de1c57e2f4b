using MotCua.Web.Common.Text;

namespace MotCua.UnitTests.Common;

/// <summary>Amounts as Vietnamese receipts write them out, read aloud the way an accountant reads them.</summary>
public sealed class AmountInWordsTests
{
    [Theory]
    [InlineData(0, "Không đồng")]
    [InlineData(1, "Một đồng")]
    [InlineData(5, "Năm đồng")]
    [InlineData(10, "Mười đồng")]
    [InlineData(11, "Mười một đồng")]
    [InlineData(14, "Mười bốn đồng")]
    [InlineData(15, "Mười lăm đồng")]
    [InlineData(20, "Hai mươi đồng")]
    [InlineData(21, "Hai mươi mốt đồng")]
    [InlineData(25, "Hai mươi lăm đồng")]
    [InlineData(55, "Năm mươi lăm đồng")]
    [InlineData(100, "Một trăm đồng")]
    [InlineData(101, "Một trăm linh một đồng")]
    [InlineData(105, "Một trăm linh năm đồng")]
    [InlineData(110, "Một trăm mười đồng")]
    [InlineData(115, "Một trăm mười lăm đồng")]
    [InlineData(121, "Một trăm hai mươi mốt đồng")]
    [InlineData(1_000, "Một nghìn đồng")]
    [InlineData(1_005, "Một nghìn không trăm linh năm đồng")]
    [InlineData(1_010, "Một nghìn không trăm mười đồng")]
    [InlineData(1_021, "Một nghìn không trăm hai mươi mốt đồng")]
    [InlineData(15_000, "Mười lăm nghìn đồng")]
    [InlineData(50_000, "Năm mươi nghìn đồng")]
    [InlineData(105_000, "Một trăm linh năm nghìn đồng")]
    [InlineData(250_500, "Hai trăm năm mươi nghìn năm trăm đồng")]
    [InlineData(1_000_000, "Một triệu đồng")]
    [InlineData(1_000_005, "Một triệu không trăm linh năm đồng")]
    [InlineData(1_500_000, "Một triệu năm trăm nghìn đồng")]
    [InlineData(21_031_000, "Hai mươi mốt triệu không trăm ba mươi mốt nghìn đồng")]
    [InlineData(1_000_000_000, "Một tỷ đồng")]
    [InlineData(2_005_000_000, "Hai tỷ không trăm linh năm triệu đồng")]
    [InlineData(1_500_000_000_000, "Một nghìn năm trăm tỷ đồng")]
    [InlineData(1_000_000_000_001, "Một nghìn tỷ không trăm linh một đồng")]
    public void Writes_the_amount_in_words(long amount, string expected) =>
        Assert.Equal(expected, AmountInWords.Dong(amount));

    [Fact]
    public void The_words_are_in_composed_unicode() =>
        Assert.True(AmountInWords.Dong(1_234_567_891).IsNormalized(System.Text.NormalizationForm.FormC));

    [Fact]
    public void A_negative_amount_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AmountInWords.Dong(-1));
}
