using MotCua.Web.Modules.Applications.Domain;
using NodaTime;
using MotCua.Web.Modules.Calendar.Domain;

namespace MotCua.Web.Modules.Calendar.Data;

/// <summary>
/// The days off and make-up working days of Vietnamese state bodies for 2026 and 2027 (Labor Code 2019, art. 112;
/// the Prime Minister's yearly decisions). Facts, not demo data: every database gets them. Only weekday holidays
/// and weekend make-up days are listed; a holiday falling on a weekend appears as its compensating weekday.
/// </summary>
internal static class VietnamPublicHolidays
{
    private const string Tet = "Tết Nguyên Đán";
    private const string TetProvisional = "Tết Nguyên Đán (dự kiến)";
    private const string Liberation = "Ngày Giải phóng miền Nam, thống nhất đất nước";
    private const string Labour = "Ngày Quốc tế Lao động";
    private const string NationalDay = "Quốc khánh";

    public static IReadOnlyList<CalendarDay> All() => [.. Year2026(), .. Year2027()];

    /// <summary>As decided for state bodies: Tết 16–20/02; 27/04 for Hùng Kings' day on Sunday 26/04; 31/08 off in
    /// exchange for Saturday 22/08. 24/11 (Ngày Văn hóa Việt Nam) is not a paid holiday in any enacted text: left out.</summary>
    public static IReadOnlyList<CalendarDay> Year2026() =>
    [
        Off(2026, 1, 1, "Tết Dương lịch"),
        Off(2026, 2, 16, Tet),
        Off(2026, 2, 17, Tet),
        Off(2026, 2, 18, Tet),
        Off(2026, 2, 19, Tet),
        Off(2026, 2, 20, Tet),
        Off(2026, 4, 27, "Giỗ Tổ Hùng Vương (nghỉ bù ngày 26/4 là Chủ nhật)"),
        Off(2026, 4, 30, Liberation),
        Off(2026, 5, 1, Labour),
        Worked(2026, 8, 22, "Làm việc bù cho ngày nghỉ 31/8 (Quốc khánh)"),
        Off(2026, 8, 31, "Quốc khánh (nghỉ hoán đổi, làm bù thứ Bảy 22/8)"),
        Off(2026, 9, 1, NationalDay + " (ngày nghỉ liền kề)"),
        Off(2026, 9, 2, NationalDay),
    ];

    /// <summary>
    /// Not decided yet when written: the fixed-date holidays, Hùng Kings' day (10/3 lunar = Friday 16/04/2027), the
    /// compensation for 01/05 on a Saturday, and provisional Tết (Saturday 06/02/2027) and National Day days so that
    /// deadlines are not wrong before the Prime Minister's decision; the province admin edits them when announced.
    /// </summary>
    public static IReadOnlyList<CalendarDay> Year2027() =>
    [
        Off(2027, 1, 1, "Tết Dương lịch"),
        Off(2027, 2, 4, TetProvisional),
        Off(2027, 2, 5, TetProvisional),
        Off(2027, 2, 8, TetProvisional),
        Off(2027, 2, 9, TetProvisional),
        Off(2027, 2, 10, TetProvisional),
        Off(2027, 4, 16, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
        Off(2027, 4, 30, Liberation),
        Off(2027, 5, 3, Labour + " (nghỉ bù ngày 1/5 là thứ Bảy)"),
        Off(2027, 9, 2, NationalDay),
        Off(2027, 9, 3, NationalDay + " (ngày nghỉ liền kề, dự kiến)"),
    ];

    private static CalendarDay Off(int year, int month, int day, string name) =>
        new(new LocalDate(year, month, day), CalendarDayKind.Holiday, name);

    private static CalendarDay Worked(int year, int month, int day, string name) =>
        new(new LocalDate(year, month, day), CalendarDayKind.MakeUpWorkingDay, name);
}
