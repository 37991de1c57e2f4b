using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Common.Errors;
using MotCua.Web.Common.Persistence;
using MotCua.Web.Modules.Catalog.Domain;
using NodaTime;
using NodaTime.Text;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.Web.Modules.Catalog.Api;

/// <summary>Instants as ISO 8601 strings with the calendar zone's offset, e.g. "2026-11-27T16:00:00+07:00".</summary>
public sealed record ExpectedDateDto(string SubmittedAt, string ReceivedAt, string DueAt);

internal static class ExpectedDateEndpoint
{
    private static readonly OffsetDateTimePattern Output =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<m>");

    /// <summary>ISO 8601 with an offset or Z; seconds and fractions optional.</summary>
    private static readonly OffsetDateTimePattern[] Inputs =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/procedures/{code}/expected-date", GetExpectedDate).WithName("GetExpectedDate")
            .WithSummary("Ngày dự kiến có kết quả nếu nộp trực tuyến vào một thời điểm (mặc định: bây giờ)")
            .WithDescription("submittedAt: thời điểm nộp theo ISO 8601, có múi giờ hoặc Z, ví dụ 2026-11-26T16:00:00+07:00. "
                + "Kết quả gồm thời điểm nộp, thời điểm được tính là tiếp nhận (ngoài giờ làm việc thì tính từ đầu giờ làm việc kế tiếp) "
                + "và hạn trả kết quả theo thời hạn giải quyết trực tuyến của thủ tục, theo giờ Việt Nam (+07:00).");
    }

    private static async Task<Results<Ok<ExpectedDateDto>, ProblemHttpResult>> GetExpectedDate(
        string code,
        string? submittedAt,
        MotCuaDbContext db,
        WorkingCalendarProvider calendars,
        IClock clock,
        CancellationToken cancellationToken)
    {
        Instant submitted;
        if (string.IsNullOrWhiteSpace(submittedAt))
        {
            // Whole seconds: "now" is an estimate, and the answer reads better without the fraction.
            submitted = Instant.FromUnixTimeSeconds(clock.GetCurrentInstant().ToUnixTimeSeconds());
        }
        else if (!TryParseInstant(submittedAt, out submitted) || !Common.Text.SensibleDates.Contains(submitted))
        {
            return Problems.Validation("Tham số submittedAt không hợp lệ.", ("submittedAt",
                "submittedAt phải là thời điểm theo ISO 8601 có múi giờ, ví dụ 2026-11-26T16:00:00+07:00 hoặc 2026-11-26T09:00:00Z, trong khoảng năm 2000–2100."));
        }

        var procedure = await db.Set<Procedure>().AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (procedure is null)
        {
            return Problems.NotFound($"Không có thủ tục mã {code} trong danh mục.");
        }

        if (procedure.OnlineLevel == OnlineLevel.Info)
        {
            return Problems.Conflict($"Thủ tục {procedure.Code} chỉ được cung cấp thông tin, chưa nhận hồ sơ trực tuyến tại cổng của tỉnh, "
                + "nên không có ngày dự kiến cho hồ sơ nộp trực tuyến.");
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        var expected = calendar.Expect(submitted, procedure.TimeLimitFor(online: true));
        string Format(Instant instant) => Output.Format(instant.InZone(calendar.Zone).ToOffsetDateTime());
        return TypedResults.Ok(new ExpectedDateDto(Format(expected.SubmittedAt), Format(expected.ReceivedAt), Format(expected.DueAt)));
    }

    internal static bool TryParseInstant(string text, out Instant instant)
    {
        // An unencoded "+07:00" in a query string arrives as " 07:00"; an ISO 8601 instant has no spaces.
        var value = text.Trim().Replace(' ', '+');
        foreach (var pattern in Inputs)
        {
            var result = pattern.Parse(value);

            // Years near the calendar's ends overflow once the offset is applied: they are no sensible date anyway.
            if (result.Success && result.Value.Year is > 1900 and < 9000)
            {
                instant = result.Value.ToInstant();
                return true;
            }
        }

        instant = default;
        return false;
    }
}
