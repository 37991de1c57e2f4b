using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Common.Web;

namespace MotCua.Web.Common.Outbox.Pages;

/// <summary>The province admin's view of what MotCua still has to send, what failed and what gave up, with a retry.</summary>
[Authorize(Policy = AccessPolicies.ProvinceAdminPages)]
public sealed class OutboxAdminModel(OutboxQueue queue) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "trang-thai")]
    public string? StateName { get; set; }

    public QueueState State { get; private set; } = QueueState.Failed;

    public OutboxPage Queue { get; private set; } = new([], 0, new(0, 0, 0, 0));

    public string? Message { get; private set; }

    public async Task OnGetAsync(string? xong, CancellationToken cancellationToken)
    {
        State = StateName switch
        {
            "cho-gui" => QueueState.Pending,
            "da-dung" => QueueState.Dead,
            "da-gui" => QueueState.Delivered,
            _ => QueueState.Failed,
        };
        Message = xong is { Length: > 0 } ? $"Đã đưa lượt gửi số {xong} vào hàng đợi để gửi lại ngay." : null;
        Queue = await queue.ListAsync(State, 1, cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        var item = await queue.RetryAsync(id, cancellationToken);
        return item is null
            ? RedirectToPage(null, new { trangThai = StateName })
            : RedirectToPage(null, new { xong = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    public static string Label(QueueState state) => state switch
    {
        QueueState.Pending => "Chờ gửi",
        QueueState.Failed => "Lỗi, sẽ gửi lại",
        QueueState.Dead => "Đã dừng",
        _ => "Đã gửi",
    };

    public static string Slug(QueueState state) => state switch
    {
        QueueState.Pending => "cho-gui",
        QueueState.Failed => "loi",
        QueueState.Dead => "da-dung",
        _ => "da-gui",
    };

    public static string ConsumerLabel(string consumer) => consumer switch
    {
        "portal-inbox" => "Thông báo trên cổng",
        "email" => "Thư điện tử",
        "sms" => "Tin nhắn SMS",
        "zalo" => "Zalo",
        _ => consumer,
    };
}
