using System.Text;
using MotCua.Web.Modules.Catalog.Domain;

namespace MotCua.UnitTests.Modules.Catalog;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Đăng ký khai sinh", "dang ky khai sinh")]
    [InlineData("ĐĂNG KÝ KẾT HÔN", "dang ky ket hon")]
    [InlineData("  Chứng thực   bản sao—từ bản chính ", "chung thuc ban sao tu ban chinh")]
    [InlineData("Cấp Phiếu lý lịch tư pháp", "cap phieu ly lich tu phap")]
    [InlineData("1.001193", "1 001193")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Folds_diacritics_case_and_punctuation(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Decomposed_and_composed_input_fold_the_same()
    {
        const string composed = "Đăng ký thường trú";
        Assert.Equal(VietnameseText.Fold(composed), VietnameseText.Fold(composed.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Words_are_distinct_and_keep_the_typed_order() =>
        Assert.Equal(["khai", "sinh", "dang", "ky"], VietnameseText.Words("khai sinh, Đăng ký khai sinh"));
}
