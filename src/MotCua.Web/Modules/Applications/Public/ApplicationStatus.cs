namespace MotCua.Web.Modules.Applications.Public;

/// <summary>Where an application stands (DESIGN.md §4). Returned, NotAccepted, Rejected and Withdrawn are final.</summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    Received,
    InProgress,
    ResultReady,
    Returned,
    NotAccepted,
    SupplementRequested,
    AwaitingPayment,
    WithdrawalRequested,
    Withdrawn,
    Rejected,
    Suspended,
}

/// <summary>How the application reached the one-stop.</summary>
public enum Channel
{
    OnlineRemote,
    OnlineAssisted,
    Counter,
    Postal,
}

/// <summary>Where the application was filed.</summary>
public enum ApplicationSource
{
    /// <summary>On MotCua: its portal, or keyed in at the one-stop.</summary>
    Portal,

    /// <summary>On the national public-service portal, handed to MotCua as the province system.</summary>
    NationalPortal,

    /// <summary>In the system the province used before MotCua, imported.</summary>
    Imported,
}

public static class ApplicationStatusExtensions
{
    public static bool IsFinal(this ApplicationStatus status) =>
        status is ApplicationStatus.Returned or ApplicationStatus.NotAccepted or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn;

    public static bool IsOnline(this Channel channel) => channel is Channel.OnlineRemote or Channel.OnlineAssisted;

    /// <summary>The national portal's numeric status (legal.md, "Statuses exchanged with the national portal").</summary>
    public static int NationalCode(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => 0,
        ApplicationStatus.Submitted => 1,
        ApplicationStatus.Received => 2,
        ApplicationStatus.NotAccepted => 3,
        ApplicationStatus.InProgress => 4,
        ApplicationStatus.SupplementRequested => 5,
        ApplicationStatus.AwaitingPayment => 6,
        ApplicationStatus.WithdrawalRequested or ApplicationStatus.Withdrawn => 7,
        ApplicationStatus.Suspended or ApplicationStatus.Rejected => 8,
        ApplicationStatus.ResultReady => 9,
        ApplicationStatus.Returned => 10,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The national channel code: 1 direct (counter), 2 online, 3 postal.</summary>
    public static int NationalCode(this Channel channel) => channel switch
    {
        Channel.Counter => 1,
        Channel.OnlineRemote or Channel.OnlineAssisted => 2,
        Channel.Postal => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    public static string Vietnamese(this Channel channel) => channel switch
    {
        Channel.OnlineRemote => "Trực tuyến",
        Channel.OnlineAssisted => "Trực tuyến có hỗ trợ",
        Channel.Counter => "Trực tiếp",
        Channel.Postal => "Bưu chính",
        _ => channel.ToString(),
    };

    public static string Vietnamese(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "Bản nháp",
        ApplicationStatus.Submitted => "Chờ tiếp nhận",
        ApplicationStatus.Received => "Đã tiếp nhận",
        ApplicationStatus.InProgress => "Đang xử lý",
        ApplicationStatus.ResultReady => "Đã có kết quả",
        ApplicationStatus.Returned => "Đã trả kết quả",
        ApplicationStatus.NotAccepted => "Không tiếp nhận",
        ApplicationStatus.SupplementRequested => "Yêu cầu bổ sung",
        ApplicationStatus.AwaitingPayment => "Chờ thực hiện nghĩa vụ tài chính",
        ApplicationStatus.WithdrawalRequested => "Đề nghị rút hồ sơ",
        ApplicationStatus.Withdrawn => "Đã rút hồ sơ",
        ApplicationStatus.Rejected => "Từ chối giải quyết",
        ApplicationStatus.Suspended => "Dừng xử lý",
        _ => status.ToString(),
    };
}
