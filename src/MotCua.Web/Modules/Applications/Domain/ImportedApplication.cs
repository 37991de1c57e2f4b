using System.Globalization;
using System.Text.Json;
using MotCua.Web.Modules.Applications.Public;
using NodaTime;

namespace MotCua.Web.Modules.Applications.Domain;

/// <summary>One line of history carried over from the other system: when, what (its own words or MotCua's), who, and the status after it.</summary>
public sealed record ImportedEvent(Instant At, string Action, string Actor, ApplicationStatus? Status, string? Note);

/// <summary>
/// An application handled in another system before the province moved to MotCua, as one line of an import file gives
/// it, every rule already checked (see <see cref="ImportLines"/>).
/// </summary>
public sealed record ImportedApplication(
    string Code,
    string ProcedureCode,
    string UnitCode,
    Channel Channel,
    ApplicationStatus Status,
    Instant SubmittedAt,
    Instant? ReceivedAt,
    Instant? DueAt,
    Instant? FinishedAt,
    Instant? ReturnedAt,
    ReturnChannel? ReturnChannel,
    bool InputsDigitized,
    long FeeAmount,
    bool PaidOnline,
    string? ApplicantName,
    IReadOnlyList<ImportedEvent> Events);

/// <summary>What one line gave: the application, or every problem found with it (each naming its field), in Vietnamese.</summary>
public sealed record ImportLineResult(ImportedApplication? Application, IReadOnlyList<string> Problems)
{
    /// <summary>The code the line names, when it could be read (for a code seen twice).</summary>
    public string? Code => Application?.Code;
}

/// <summary>
/// The rules of a line of the historical import (JSON Lines, one application per line): the fields, their kinds and
/// limits, and the order of the dates. Plain C#: no database, no catalog; whether the procedure and unit exist is the
/// importer's question. Unknown fields are ignored, so another system's export can carry more than MotCua reads.
/// </summary>
public static class ImportLines
{
    public const int MaxCodeLength = 40;
    public const int MaxProcedureCodeLength = 32;
    public const int MaxUnitCodeLength = 40;
    public const int MaxNameLength = 200;
    public const int MaxActionLength = 32;
    public const int MaxNoteLength = 2000;
    public const int MaxEvents = 200;

    /// <summary>The highest amount a fee may have (as the catalog's): 10 billion đồng.</summary>
    public const long MaxFee = 10_000_000_000;

    /// <summary>The placeholder applicant of an imported application whose line names none.</summary>
    public const string PlaceholderApplicant = "Hồ sơ nhập từ hệ thống cũ";

    /// <summary>Statuses after which the application was never received (refused at reception, or still waiting).</summary>
    private static readonly HashSet<ApplicationStatus> NeverReceived = [ApplicationStatus.Submitted, ApplicationStatus.NotAccepted];

    /// <summary>Statuses that mean a result or a decision was reached: the moment it was reached is required.</summary>
    private static readonly HashSet<ApplicationStatus> Finished = [ApplicationStatus.ResultReady, ApplicationStatus.Returned, ApplicationStatus.Rejected];

    public static ImportLineResult Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return Refused("Dòng không phải một đối tượng JSON hợp lệ.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Refused("Mỗi dòng phải là một đối tượng JSON.");
            }

            return Read(document.RootElement);
        }
    }

    private static ImportLineResult Refused(string problem) => new(null, [problem]);

    private static ImportLineResult Read(JsonElement o)
    {
        var problems = new List<string>();
        var code = Text(o, "code", "mã hồ sơ", MaxCodeLength, required: true, problems);
        if (code is not null && code.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problems.Add("code: mã hồ sơ không được chứa khoảng trắng hay ký tự điều khiển.");
            code = null;
        }

        var procedureCode = Text(o, "procedureCode", "mã thủ tục", MaxProcedureCodeLength, required: true, problems);
        var unitCode = Text(o, "unitCode", "mã đơn vị", MaxUnitCodeLength, required: true, problems);
        var channel = Name<Channel>(o, "channel", "kênh nộp", "OnlineRemote, OnlineAssisted, Counter hoặc Postal", required: true, problems);
        var status = Name<ApplicationStatus>(o, "status", "trạng thái", "Received, InProgress, ResultReady, Returned, NotAccepted, Rejected, Withdrawn, …", required: true, problems);
        if (status == ApplicationStatus.Draft)
        {
            problems.Add("status: không nhập hồ sơ ở trạng thái Draft (bản nháp chưa gửi).");
            status = null;
        }

        var submitted = Moment(o, "submittedAt", "thời điểm nộp", problems);
        var received = Moment(o, "receivedAt", "thời điểm tiếp nhận", problems);
        var due = Moment(o, "dueAt", "hạn trả kết quả", problems);
        var finished = Moment(o, "finishedAt", "thời điểm có kết quả", problems);
        var returned = Moment(o, "returnedAt", "thời điểm trả kết quả", problems);
        var returnChannel = Name<ReturnChannel>(o, "returnChannel", "hình thức trả kết quả", "Online, Counter hoặc Postal", required: false, problems);
        var digitized = Flag(o, "inputsDigitized", "đã số hóa thành phần hồ sơ", problems);
        var paidOnline = Flag(o, "paidOnline", "đã thanh toán trực tuyến", problems);
        var fee = Fee(o, problems);
        var applicant = Text(o, "applicantName", "tên người nộp", MaxNameLength, required: false, problems);
        var events = Events(o, problems);

        if (!Present(o, "submittedAt"))
        {
            problems.Add("submittedAt: thiếu thời điểm nộp hồ sơ.");
        }

        if (status is { } s)
        {
            Dates(s, submitted, received, due, finished, returned, o, problems);
        }

        if (paidOnline && fee is 0)
        {
            problems.Add("paidOnline: hồ sơ không có phí, lệ phí (feeAmount là 0) thì không thể đã thanh toán trực tuyến.");
        }

        if (problems.Count > 0 || code is null || procedureCode is null || unitCode is null || channel is null || status is null || submitted is null || fee is null)
        {
            return new ImportLineResult(null, problems);
        }

        return new ImportLineResult(
            new ImportedApplication(code, procedureCode, unitCode, channel.Value, status.Value, submitted.Value, received, due, finished, returned,
                returnChannel, digitized, fee.Value, paidOnline, applicant, events),
            []);
    }

    /// <summary>The dates each status needs, and their order: nộp ≤ tiếp nhận ≤ có kết quả ≤ trả; tiếp nhận ≤ hạn trả.</summary>
    private static void Dates(ApplicationStatus status, Instant? submitted, Instant? received, Instant? due, Instant? finished, Instant? returned,
        JsonElement o, List<string> problems)
    {
        var label = $"trạng thái {status}";
        if (NeverReceived.Contains(status))
        {
            if (Present(o, "receivedAt"))
            {
                problems.Add($"receivedAt: hồ sơ ở {label} chưa được tiếp nhận; bỏ thời điểm tiếp nhận.");
            }
        }
        else if (status != ApplicationStatus.Withdrawn && !Present(o, "receivedAt"))
        {
            problems.Add($"receivedAt: thiếu thời điểm tiếp nhận (bắt buộc với {label}).");
        }

        if (received is not null && !Present(o, "dueAt"))
        {
            problems.Add("dueAt: thiếu hạn trả kết quả của hồ sơ đã tiếp nhận.");
        }

        if (Finished.Contains(status) && !Present(o, "finishedAt"))
        {
            problems.Add($"finishedAt: thiếu thời điểm có kết quả (bắt buộc với {label}).");
        }
        else if (!Finished.Contains(status) && status != ApplicationStatus.AwaitingPayment && Present(o, "finishedAt"))
        {
            problems.Add($"finishedAt: hồ sơ ở {label} chưa có kết quả; bỏ thời điểm có kết quả.");
        }

        if (status == ApplicationStatus.Returned)
        {
            if (!Present(o, "returnedAt"))
            {
                problems.Add("returnedAt: thiếu thời điểm trả kết quả (bắt buộc với trạng thái Returned).");
            }

            if (!Present(o, "returnChannel"))
            {
                problems.Add("returnChannel: thiếu hình thức trả kết quả (Online, Counter hoặc Postal) của hồ sơ đã trả kết quả.");
            }
        }
        else
        {
            if (Present(o, "returnedAt"))
            {
                problems.Add($"returnedAt: chỉ hồ sơ ở trạng thái Returned mới có thời điểm trả kết quả (dòng này ở {label}).");
            }

            if (Present(o, "returnChannel"))
            {
                problems.Add($"returnChannel: chỉ hồ sơ ở trạng thái Returned mới có hình thức trả kết quả (dòng này ở {label}).");
            }
        }

        if (submitted is { } s && received is { } r && r < s)
        {
            problems.Add("receivedAt: thời điểm tiếp nhận trước thời điểm nộp (submittedAt).");
        }

        if (received is { } r2 && due is { } d && d < r2)
        {
            problems.Add("dueAt: hạn trả kết quả trước thời điểm tiếp nhận (receivedAt).");
        }

        if (finished is { } f && received is { } r3 && f < r3)
        {
            problems.Add("finishedAt: thời điểm có kết quả trước thời điểm tiếp nhận (receivedAt).");
        }

        if (finished is { } f2 && received is null && submitted is { } s2 && f2 < s2)
        {
            problems.Add("finishedAt: thời điểm có kết quả trước thời điểm nộp (submittedAt).");
        }

        if (returned is { } t && received is { } r4 && t < r4)
        {
            problems.Add("returnedAt: thời điểm trả kết quả trước thời điểm tiếp nhận (receivedAt).");
        }
        else if (returned is { } t2 && finished is { } f3 && t2 < f3)
        {
            problems.Add("returnedAt: thời điểm trả kết quả trước thời điểm có kết quả (finishedAt).");
        }
    }

    private static bool Present(JsonElement o, string name) => o.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    private static string? Text(JsonElement o, string name, string label, int max, bool required, List<string> problems)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add($"{name}: thiếu {label}.");
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{name}: {label} phải là chuỗi ký tự.");
            return null;
        }

        var text = v.GetString()!.Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                problems.Add($"{name}: {label} để trống.");
            }

            return null;
        }

        if (text.Length > max)
        {
            problems.Add($"{name}: {label} dài quá {max} ký tự.");
            return null;
        }

        return text;
    }

    private static T? Name<T>(JsonElement o, string name, string label, string allowed, bool required, List<string> problems)
        where T : struct, Enum
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add($"{name}: thiếu {label} ({allowed}).");
            }

            return null;
        }

        // Names only, as written: "3" or "counter" is not a channel.
        if (v.ValueKind == JsonValueKind.String && v.GetString() is { } text && Enum.GetNames<T>().Contains(text, StringComparer.Ordinal))
        {
            return Enum.Parse<T>(text);
        }

        problems.Add($"{name}: {label} “{Shown(v)}” không hợp lệ; dùng {allowed}.");
        return null;
    }

    private static Instant? Moment(JsonElement o, string name, string label, List<string> problems)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.String && Instant(v.GetString()!) is { } instant)
        {
            return instant;
        }

        problems.Add($"{name}: {label} “{Shown(v)}” không đúng dạng ISO 8601 có múi giờ, ví dụ 2025-03-04T08:30:00+07:00 hoặc 2025-03-04T01:30:00Z.");
        return null;
    }

    /// <summary>An ISO 8601 moment that names its offset (Z or ±hh:mm): a local time without one would be guessed.</summary>
    public static Instant? Instant(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z')
            || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':' && char.IsAsciiDigit(text[^5]) && char.IsAsciiDigit(text[^4]) && char.IsAsciiDigit(text[^2]) && char.IsAsciiDigit(text[^1]));
        if (!hasOffset || text.Length < 20 || text[10] is not ('T' or 't'))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? NodaTime.Instant.FromDateTimeOffset(value)
            : null;
    }

    private static bool Flag(JsonElement o, string name, string label, List<string> problems)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        problems.Add($"{name}: “{label}” phải là true hoặc false.");
        return false;
    }

    private static long? Fee(JsonElement o, List<string> problems)
    {
        if (!o.TryGetProperty("feeAmount", out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return 0;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var amount))
        {
            problems.Add("feeAmount: số tiền phí, lệ phí phải là số nguyên đồng.");
            return null;
        }

        if (amount < 0)
        {
            problems.Add("feeAmount: số tiền phí, lệ phí không được âm.");
            return null;
        }

        if (amount > MaxFee)
        {
            problems.Add($"feeAmount: số tiền phí, lệ phí vượt quá {MaxFee.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} đồng.");
            return null;
        }

        return amount;
    }

    private static List<ImportedEvent> Events(JsonElement o, List<string> problems)
    {
        var events = new List<ImportedEvent>();
        if (!o.TryGetProperty("events", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return events;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add("events: lịch sử xử lý phải là một mảng các dòng (at, action, actor).");
            return events;
        }

        if (list.GetArrayLength() > MaxEvents)
        {
            problems.Add($"events: lịch sử xử lý có quá {MaxEvents} dòng.");
            return events;
        }

        var index = 0;
        foreach (var e in list.EnumerateArray())
        {
            index++;
            var name = $"events[{index}]";
            if (e.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{name}: mỗi dòng lịch sử phải là một đối tượng (at, action, actor).");
                continue;
            }

            var local = new List<string>();
            var at = Moment(e, "at", "thời điểm", local);
            if (!Present(e, "at"))
            {
                local.Add("at: thiếu thời điểm.");
            }

            var action = Text(e, "action", "thao tác", MaxActionLength, required: true, local);
            var actor = Text(e, "actor", "người thực hiện", MaxNameLength, required: true, local);
            var note = Text(e, "note", "ghi chú", MaxNoteLength, required: false, local);
            var status = Name<ApplicationStatus>(e, "status", "trạng thái sau thao tác", "Submitted, InProgress, ResultReady, Returned, …", required: false, local);
            problems.AddRange(local.Select(p => $"{name}.{p}"));
            if (local.Count == 0)
            {
                events.Add(new ImportedEvent(at!.Value, action!, actor!, status, note));
            }
        }

        return events;
    }

    /// <summary>A value as the message quotes it: short, whatever it is.</summary>
    private static string Shown(JsonElement v)
    {
        var text = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
