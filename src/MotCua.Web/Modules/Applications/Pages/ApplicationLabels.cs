using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.Web.Modules.Applications.Pages;

/// <summary>Words the officer pages show for the lifecycle's codes.</summary>
public static class ApplicationLabels
{
    public static string Vietnamese(this StepRole role) => role switch
    {
        StepRole.Reception => "Một cửa",
        StepRole.Specialist => "Chuyên viên",
        StepRole.Leader => "Lãnh đạo",
        _ => role.ToString(),
    };

    public static string Vietnamese(this Timeliness timeliness) => timeliness switch
    {
        Timeliness.Early => "Trước hạn",
        Timeliness.OnTime => "Đúng hạn",
        Timeliness.Late => "Trễ hạn",
        _ => timeliness.ToString(),
    };

    public static string Vietnamese(this ConsentMethod method) => method switch
    {
        ConsentMethod.InPerson => "trực tiếp",
        ConsentMethod.Phone => "qua điện thoại",
        ConsentMethod.Written => "bằng văn bản",
        _ => "xác nhận điện tử",
    };

    public static string Vietnamese(this ReturnMethod method) => method switch
    {
        ReturnMethod.Online => "Trực tuyến",
        ReturnMethod.Desk => "Tại bộ phận một cửa",
        ReturnMethod.Post => "Qua bưu chính",
        _ => method.ToString(),
    };

    public static string Vietnamese(this DocumentKind kind) => kind == DocumentKind.Result ? "Kết quả" : "Giấy tờ";

    /// <summary>The role recorded in history ("Reception", "Applicant", …) in words.</summary>
    public static string ActorRole(string role) => role switch
    {
        "Applicant" => "Người nộp",
        "System" => "Hệ thống",
        _ when Enum.TryParse<StepRole>(role, out var stepRole) => stepRole.Vietnamese(),
        _ => role,
    };

    /// <summary>The action recorded in history (kebab case) in words.</summary>
    public static string Action(string name) =>
        ApplicationActions.TryParse(name, out var action) ? action.Vietnamese() : name;

    /// <summary>Where the file stands in its workflow: the current step, or reception's step while it waits to be received.</summary>
    public static string? StepName(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return StepName(application.Status, application.Steps, application.CurrentStep);
    }

    public static string? StepName(ApplicationStatus status, IReadOnlyList<ApplicationStep> steps, int? currentStep)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return status switch
        {
            ApplicationStatus.Submitted => steps.FirstOrDefault(s => s.Role == StepRole.Reception)?.Name ?? "Tiếp nhận hồ sơ",
            ApplicationStatus.InProgress or ApplicationStatus.SupplementRequested or ApplicationStatus.AwaitingPayment or ApplicationStatus.Suspended
                or ApplicationStatus.WithdrawalRequested => currentStep is int i && i < steps.Count ? steps[i].Name : null,
            ApplicationStatus.ResultReady => "Trả kết quả",
            _ => null,
        };
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB".Replace('.', ','),
        _ => $"{bytes / (1024.0 * 1024):0.#} MB".Replace('.', ','),
    };
}
