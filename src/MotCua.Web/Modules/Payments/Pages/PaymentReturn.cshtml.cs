using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Modules.Payments.Domain;
using MotCua.Web.Modules.Payments.Gateways.VnPay;

namespace MotCua.Web.Modules.Payments.Pages;

/// <summary>
/// "/payments/vnpay/return": where the gateway sends the payer back. It shows what MotCua has recorded (the gateway's
/// server-to-server notice decides) and changes nothing, so a forged or replayed return cannot mark anything paid.
/// </summary>
public sealed class PaymentReturnModel(PaymentService payments) : PageModel
{
    public Payment? Payment { get; private set; }

    /// <summary>What the gateway told the payer (its response code), when its signature holds.</summary>
    public bool GatewaySaysPaid { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var fields = VnPayProtocol.Fields(Request.Query);
        Payment = await payments.ReturnedAsync(fields, cancellationToken);
        GatewaySaysPaid = Payment is not null && fields.FirstOrDefault(f => f.Key == "vnp_ResponseCode").Value == VnPayProtocol.Success;
    }
}
