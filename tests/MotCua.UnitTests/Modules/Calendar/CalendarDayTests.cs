using System.Text;
using MotCua.Web.Modules.Applications.Domain;
using static MotCua.UnitTests.Modules.Calendar.Vietnam;
using MotCua.Web.Modules.Calendar.Domain;

namespace MotCua.UnitTests.Modules.Calendar;

public sealed class CalendarDayTests
{
    [Fact]
    public void A_holiday_on_a_weekday_is_accepted()
    {
        var day = new CalendarDay(Date("2026-02-16"), CalendarDayKind.Holiday, "  Tết   Nguyên Đán ");
        Assert.Equal("Tết Nguyên Đán", day.Name);
    }

    [Fact]
    public void A_holiday_on_a_weekend_is_refused_and_the_compensating_weekday_is_asked_for()
    {
        var error = Assert.Throws<CalendarRuleException>(() => new CalendarDay(Date("2026-04-26"), CalendarDayKind.Holiday, "Giỗ Tổ Hùng Vương"));
        Assert.Contains("26/04/2026 là Chủ nhật", error.Message, StringComparison.Ordinal);
        Assert.Contains("nghỉ bù", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_make_up_working_day_must_be_a_Saturday_or_Sunday()
    {
        Assert.Equal(CalendarDayKind.MakeUpWorkingDay, new CalendarDay(Date("2026-08-22"), CalendarDayKind.MakeUpWorkingDay, "Làm bù").Kind);
        var error = Assert.Throws<CalendarRuleException>(() => new CalendarDay(Date("2026-08-21"), CalendarDayKind.MakeUpWorkingDay, "Làm bù"));
        Assert.Contains("thứ Bảy hoặc Chủ nhật", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_day_needs_a_name(string name) =>
        Assert.Throws<CalendarRuleException>(() => new CalendarDay(Date("2026-02-16"), CalendarDayKind.Holiday, name));

    [Fact]
    public void A_name_longer_than_200_characters_is_refused() =>
        Assert.NotNull(CalendarDay.NameProblem(new string('a', 201)));

    [Fact]
    public void A_name_typed_with_combining_marks_is_stored_composed()
    {
        var decomposed = "Tết Nguyên Đán".Normalize(NormalizationForm.FormD);
        var day = new CalendarDay(Date("2026-02-16"), CalendarDayKind.Holiday, decomposed);
        Assert.Equal("Tết Nguyên Đán", day.Name);
        Assert.True(day.Name.IsNormalized(NormalizationForm.FormC));
    }
}
