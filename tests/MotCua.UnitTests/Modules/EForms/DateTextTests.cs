using MotCua.Web.Modules.EForms.Public;

namespace MotCua.UnitTests.Modules.EForms;

public sealed class DateTextTests
{
    [Theory]
    [InlineData("20/11/2026", "2026-11-20")]
    [InlineData("5/3/1990", "1990-03-05")]
    [InlineData(" 20-11-2026 ", "2026-11-20")]
    [InlineData("20.11.2026", "2026-11-20")]
    [InlineData("2026-11-20", "2026-11-20")]
    public void A_date_typed_as_people_write_it_is_kept_as_year_month_day(string typed, string kept) =>
        Assert.Equal(kept, DateText.ToIso(typed));

    [Theory]
    [InlineData("31/02/2026")]
    [InlineData("11/20/2026")]
    [InlineData("20/11/26")]
    [InlineData("hôm qua")]
    [InlineData("")]
    public void What_is_not_a_real_date_is_left_for_the_form_to_refuse(string typed) => Assert.Null(DateText.ToIso(typed));

    [Fact]
    public void A_kept_date_is_shown_day_first() => Assert.Equal("05/03/1990", DateText.FromIso("1990-03-05"));
}
