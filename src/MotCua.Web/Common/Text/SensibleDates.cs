using NodaTime;

namespace MotCua.Web.Common.Text;

/// <summary>
/// The dates MotCua works with: from 2000 to 2100. Anything outside is a typing mistake or a probe, and is refused with
/// a message before any calendar arithmetic (which would overflow at year 9999).
/// </summary>
public static class SensibleDates
{
    public static readonly LocalDate First = new(2000, 1, 1);
    public static readonly LocalDate Last = new(2100, 12, 31);

    public const string Message = "Ngày phải trong khoảng từ 01/01/2000 đến 31/12/2100.";

    public static bool Contains(DateOnly date) => date.Year is >= 2000 and <= 2100;

    public static bool Contains(LocalDate date) => date.Year is >= 2000 and <= 2100;

    /// <summary>Judged by its date in Vietnam (UTC+7), so 2100-12-31T23:00Z, already 2101 there, is outside.</summary>
    public static bool Contains(Instant instant) =>
        instant >= Instant.FromUtc(1999, 12, 31, 17, 0) && instant < Instant.FromUtc(2100, 12, 31, 17, 0);

    public static bool Contains(DateTimeOffset moment) => Contains(Instant.FromDateTimeOffset(moment));
}
