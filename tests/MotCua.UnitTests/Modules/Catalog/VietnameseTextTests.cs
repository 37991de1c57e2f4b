using System.Text;
using MotCua.Web.Modules.Catalog.Domain;

namespace MotCua.UnitTests.Modules.Catalog;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Đăng ký khai sinh", "dang ki khai sinh")]
    [InlineData("ĐĂNG KÝ KẾT HÔN", "dang ki ket hon")]
    [InlineData("  Chứng thực   bản sao—từ bản chính ", "chung thuc ban sao tu ban chinh")]
    [InlineData("Cấp Phiếu lý lịch tư pháp", "cap phieu li lich tu phap")]
    [InlineData("1.001193", "1 001193")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Folds_diacritics_case_and_punctuation(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Theory]
    [InlineData("đăng kí", "đăng ký")]
    [InlineData("kì thi", "kỳ thi")]
    [InlineData("lí lịch", "lý lịch")]
    [InlineData("quí", "quý")]
    [InlineData("hoà giải", "hòa giải")]
    [InlineData("thuỷ lợi", "thủy lợi")]
    [InlineData("y tế", "i tế")]
    public void Spelling_variants_people_type_fold_the_same(string one, string other) =>
        Assert.Equal(VietnameseText.Fold(one), VietnameseText.Fold(other));

    [Theory]
    [InlineData("Tây Ninh", "tay ninh")]
    [InlineData("thủy", "thuy")]
    [InlineData("Huy", "huy")]
    [InlineData("khuyến", "khuyen")]
    public void A_y_that_belongs_to_a_vowel_pair_stays(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Decomposed_and_composed_input_fold_the_same()
    {
        const string composed = "Đăng ký thường trú";
        Assert.Equal(VietnameseText.Fold(composed), VietnameseText.Fold(composed.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Words_are_distinct_and_keep_the_typed_order() =>
        Assert.Equal(["khai", "sinh", "dang", "ki"], VietnameseText.Words("khai sinh, Đăng ký khai sinh"));
}
