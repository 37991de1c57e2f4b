using System.Text.Json.Nodes;
using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Public;
using NodaTime;

namespace MotCua.UnitTests.Modules.Applications;

/// <summary>The rules of one line of the historical import, each broken on its own, on a line that is otherwise right.</summary>
public sealed class ImportLinesTests
{
    private static JsonObject Returned() => new()
    {
        ["code"] = "H99.01-250304-0001",
        ["procedureCode"] = "1.001193",
        ["unitCode"] = "000.01.00.H99",
        ["channel"] = "Counter",
        ["status"] = "Returned",
        ["submittedAt"] = "2025-03-04T08:30:00+07:00",
        ["receivedAt"] = "2025-03-04T08:45:00+07:00",
        ["dueAt"] = "2025-03-07T17:00:00+07:00",
        ["finishedAt"] = "2025-03-06T10:00:00+07:00",
        ["returnedAt"] = "2025-03-06T03:15:00Z",
        ["returnChannel"] = "Postal",
        ["inputsDigitized"] = true,
        ["feeAmount"] = 50000,
        ["paidOnline"] = true,
        ["events"] = new JsonArray(
            new JsonObject { ["at"] = "2025-03-04T08:45:00+07:00", ["action"] = "receive", ["actor"] = "Nguyễn Thị Lan", ["status"] = "InProgress" },
            new JsonObject { ["at"] = "2025-03-06T10:00:00+07:00", ["action"] = "Duyệt kết quả", ["actor"] = "Trần Văn Hùng" }),
    };

    private static ImportLineResult Read(JsonObject line) => ImportLines.Read(line.ToJsonString());

    private static string Problem(JsonObject line)
    {
        var result = Read(line);
        Assert.Null(result.Application);
        return Assert.Single(result.Problems);
    }

    private static JsonObject With(string field, JsonNode? value)
    {
        var line = Returned();
        line[field] = value;
        return line;
    }

    private static JsonObject Without(params string[] fields)
    {
        var line = Returned();
        foreach (var field in fields)
        {
            line.Remove(field);
        }

        return line;
    }

    [Fact]
    public void A_complete_returned_application_is_read_with_every_field()
    {
        var result = Read(Returned());
        Assert.Empty(result.Problems);
        var a = result.Application!;
        Assert.Equal(("H99.01-250304-0001", "1.001193", "000.01.00.H99"), (a.Code, a.ProcedureCode, a.UnitCode));
        Assert.Equal((Channel.Counter, ApplicationStatus.Returned, ReturnChannel.Postal), (a.Channel, a.Status, a.ReturnChannel));
        Assert.Equal(Instant.FromUtc(2025, 3, 4, 1, 30), a.SubmittedAt);
        Assert.Equal(Instant.FromUtc(2025, 3, 6, 3, 15), a.ReturnedAt);
        Assert.Equal((true, 50_000L, true), (a.InputsDigitized, a.FeeAmount, a.PaidOnline));
        Assert.Null(a.ApplicantName);
        Assert.Equal(["receive", "Duyệt kết quả"], a.Events.Select(e => e.Action));
        Assert.Equal(ApplicationStatus.InProgress, a.Events[0].Status);
        Assert.Equal("Trần Văn Hùng", a.Events[1].Actor);
    }

    [Fact]
    public void A_line_that_is_not_json_or_not_an_object_is_refused()
    {
        Assert.Contains("JSON", Assert.Single(ImportLines.Read("{\"code\": ").Problems), StringComparison.Ordinal);
        Assert.Contains("đối tượng", Assert.Single(ImportLines.Read("[1, 2]").Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("code")]
    [InlineData("procedureCode")]
    [InlineData("unitCode")]
    [InlineData("channel")]
    [InlineData("status")]
    [InlineData("submittedAt")]
    public void A_required_field_left_out_is_named(string field) =>
        Assert.StartsWith(field + ":", Problem(Without(field)), StringComparison.Ordinal);

    [Fact]
    public void A_code_empty_too_long_or_with_spaces_is_refused()
    {
        Assert.StartsWith("code: mã hồ sơ để trống", Problem(With("code", "  ")), StringComparison.Ordinal);
        Assert.StartsWith("code: mã hồ sơ dài quá 40", Problem(With("code", new string('A', 41))), StringComparison.Ordinal);
        Assert.StartsWith("code:", Problem(With("code", "H99 0001")), StringComparison.Ordinal);
        Assert.StartsWith("code:", Problem(With("code", 12345)), StringComparison.Ordinal);
        Assert.Empty(Read(With("code", new string('A', 40))).Problems);
    }

    [Theory]
    [InlineData("channel", "Online")]
    [InlineData("channel", "counter")]
    [InlineData("channel", "2")]
    [InlineData("status", "Done")]
    [InlineData("status", "Draft")]
    [InlineData("returnChannel", "Desk")]
    public void A_channel_or_status_that_is_not_one_of_the_names_is_refused(string field, string value) =>
        Assert.StartsWith(field + ":", Problem(With(field, value)), StringComparison.Ordinal);

    [Theory]
    [InlineData("2025-03-04T08:30:00")]
    [InlineData("2025-03-04")]
    [InlineData("04/03/2025 08:30 +07:00")]
    [InlineData("hôm qua")]
    public void A_moment_without_an_offset_or_not_iso_is_refused(string value) =>
        Assert.StartsWith("submittedAt:", Problem(With("submittedAt", value)), StringComparison.Ordinal);

    [Fact]
    public void Received_before_submitted_is_refused() =>
        Assert.StartsWith("receivedAt: thời điểm tiếp nhận trước thời điểm nộp", Problem(With("receivedAt", "2025-03-04T08:00:00+07:00")), StringComparison.Ordinal);

    [Fact]
    public void Due_before_received_is_refused() =>
        Assert.StartsWith("dueAt: hạn trả kết quả trước thời điểm tiếp nhận", Problem(With("dueAt", "2025-03-04T08:40:00+07:00")), StringComparison.Ordinal);

    [Fact]
    public void Finished_before_received_is_refused()
    {
        var line = With("finishedAt", "2025-03-04T08:40:00+07:00");
        Assert.StartsWith("finishedAt: thời điểm có kết quả trước thời điểm tiếp nhận", Problem(line), StringComparison.Ordinal);
    }

    [Fact]
    public void Returned_before_received_or_before_the_result_is_refused()
    {
        Assert.StartsWith("returnedAt: thời điểm trả kết quả trước thời điểm tiếp nhận", Problem(With("returnedAt", "2025-03-04T08:40:00+07:00")), StringComparison.Ordinal);
        Assert.StartsWith("returnedAt: thời điểm trả kết quả trước thời điểm có kết quả", Problem(With("returnedAt", "2025-03-05T08:40:00+07:00")), StringComparison.Ordinal);
    }

    [Fact]
    public void Returned_without_its_moment_or_its_channel_is_refused()
    {
        Assert.StartsWith("returnChannel: thiếu", Problem(Without("returnChannel")), StringComparison.Ordinal);
        Assert.StartsWith("returnedAt: thiếu", Problem(Without("returnedAt")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_finished_status_needs_its_moment_and_an_open_one_has_none()
    {
        var rejected = Without("finishedAt", "returnedAt", "returnChannel");
        rejected["status"] = "Rejected";
        Assert.StartsWith("finishedAt: thiếu", Problem(rejected), StringComparison.Ordinal);
        var open = Without("returnedAt", "returnChannel");
        open["status"] = "InProgress";
        Assert.StartsWith("finishedAt: hồ sơ ở trạng thái InProgress chưa có kết quả", Problem(open), StringComparison.Ordinal);
        open.Remove("finishedAt");
        Assert.Empty(Read(open).Problems);
    }

    [Fact]
    public void Only_a_returned_application_has_a_return_moment_and_channel()
    {
        var ready = Returned();
        ready["status"] = "ResultReady";
        var problems = Read(ready).Problems;
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("returnedAt:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("returnChannel:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_received_application_needs_its_reception_and_due_date_and_one_never_received_has_none()
    {
        Assert.StartsWith("receivedAt: thiếu", Problem(Without("receivedAt")), StringComparison.Ordinal);
        Assert.StartsWith("dueAt: thiếu", Problem(Without("dueAt")), StringComparison.Ordinal);

        var refused = Without("finishedAt", "returnedAt", "returnChannel");
        refused["status"] = "NotAccepted";
        Assert.StartsWith("receivedAt: hồ sơ ở trạng thái NotAccepted chưa được tiếp nhận", Problem(refused), StringComparison.Ordinal);
        refused.Remove("receivedAt");
        refused.Remove("dueAt");
        Assert.Empty(Read(refused).Problems);
    }

    [Fact]
    public void A_fee_must_be_a_whole_number_of_dong_not_negative_and_paid_online_only_when_there_is_one()
    {
        Assert.StartsWith("feeAmount: số tiền phí, lệ phí không được âm", Problem(With("feeAmount", -1)), StringComparison.Ordinal);
        Assert.StartsWith("feeAmount:", Problem(With("feeAmount", 1.5)), StringComparison.Ordinal);
        Assert.StartsWith("feeAmount:", Problem(With("feeAmount", "50000")), StringComparison.Ordinal);
        Assert.StartsWith("feeAmount:", Problem(With("feeAmount", ImportLines.MaxFee + 1)), StringComparison.Ordinal);
        Assert.StartsWith("paidOnline:", Problem(With("feeAmount", 0)), StringComparison.Ordinal);
        Assert.StartsWith("inputsDigitized:", Problem(With("inputsDigitized", "có")), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_event_is_checked_and_named_by_its_place()
    {
        var line = Returned();
        line["events"] = new JsonArray(new JsonObject { ["at"] = "2025-03-04", ["action"] = "receive" });
        var problems = Read(line).Problems;
        Assert.Contains(problems, p => p.StartsWith("events[1].at:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("events[1].actor: thiếu", StringComparison.Ordinal));
        Assert.StartsWith("events:", Problem(With("events", "receive")), StringComparison.Ordinal);
    }

    [Fact]
    public void Several_mistakes_on_one_line_are_all_named()
    {
        var line = With("channel", "Fax");
        line["feeAmount"] = -5;
        line["dueAt"] = "2025-03-01T00:00:00Z";
        var problems = Read(line).Problems;
        Assert.Equal(3, problems.Count);
        Assert.Equal(["channel", "dueAt", "feeAmount"], problems.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fields_the_import_does_not_read_are_ignored()
    {
        var line = Returned();
        line["legacyId"] = 998877;
        line["applicantName"] = "Lê Văn Tám";
        var result = Read(line);
        Assert.Empty(result.Problems);
        Assert.Equal("Lê Văn Tám", result.Application!.ApplicantName);
    }
}
