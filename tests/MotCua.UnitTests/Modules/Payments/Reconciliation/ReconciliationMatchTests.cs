using MotCua.Web.Modules.Payments.Domain;
using MotCua.Web.Modules.Payments.Gateways;
using MotCua.Web.Modules.Payments.Reconciliation;

namespace MotCua.UnitTests.Modules.Payments.Reconciliation;

public sealed class ReconciliationMatchTests
{
    private static RecordedPayment Recorded(string orderRef, long amount, PaymentStatus status) => new(orderRef, "H99-" + orderRef, amount, status, null);

    private static GatewayTransaction AtGateway(string orderRef, long amount, bool paid = true, bool failed = false) => new(orderRef, amount, paid, failed, paid ? "1400" + orderRef : null, null);

    private static Difference Single(RecordedPayment? recorded, GatewayTransaction? gateway) =>
        ReconciliationMatch.Rows(recorded is null ? [] : [recorded], gateway is null ? [] : [gateway]).Single().Difference;

    [Fact]
    public void Paid_in_both_with_the_same_amount_matches() =>
        Assert.Equal(Difference.None, Single(Recorded("A", 50_000, PaymentStatus.Paid), AtGateway("A", 50_000)));

    [Fact]
    public void A_refunded_payment_that_the_gateway_has_paid_matches() =>
        Assert.Equal(Difference.None, Single(Recorded("A", 50_000, PaymentStatus.Refunded), AtGateway("A", 50_000)));

    [Fact]
    public void Pending_here_and_paid_at_the_gateway_is_a_status_difference() =>
        Assert.Equal(Difference.StatusDiffers, Single(Recorded("A", 50_000, PaymentStatus.Pending), AtGateway("A", 50_000)));

    [Fact]
    public void Paid_here_and_failed_at_the_gateway_is_a_status_difference() =>
        Assert.Equal(Difference.StatusDiffers, Single(Recorded("A", 50_000, PaymentStatus.Paid), AtGateway("A", 50_000, paid: false, failed: true)));

    [Fact]
    public void Failed_in_both_matches() =>
        Assert.Equal(Difference.None, Single(Recorded("A", 50_000, PaymentStatus.Failed), AtGateway("A", 50_000, paid: false, failed: true)));

    [Fact]
    public void A_different_amount_is_reported_before_the_status() =>
        Assert.Equal(Difference.AmountDiffers, Single(Recorded("A", 50_000, PaymentStatus.Pending), AtGateway("A", 5_000)));

    [Fact]
    public void Paid_here_with_nothing_at_the_gateway_is_only_in_motcua() =>
        Assert.Equal(Difference.OnlyInMotCua, Single(Recorded("A", 50_000, PaymentStatus.Paid), null));

    [Fact]
    public void An_attempt_that_never_reached_the_gateway_is_no_difference() =>
        Assert.Equal(Difference.None, Single(Recorded("A", 50_000, PaymentStatus.Expired), null));

    [Fact]
    public void A_transaction_only_at_the_gateway_is_listed_after_the_recorded_ones()
    {
        var rows = ReconciliationMatch.Rows([Recorded("A", 10_000, PaymentStatus.Paid)], [AtGateway("Z", 20_000), AtGateway("A", 10_000)]);
        Assert.Equal(["A", "Z"], rows.Select(r => r.OrderRef));
        var only = rows[1];
        Assert.Equal(Difference.OnlyAtGateway, only.Difference);
        Assert.Null(only.ApplicationCode);
        Assert.Equal(20_000, only.GatewayAmount);
        Assert.Equal(GatewayState.Paid, only.GatewayStatus);
    }

    [Fact]
    public void An_order_the_gateway_lists_twice_counts_its_paid_transaction_once()
    {
        var rows = ReconciliationMatch.Rows([Recorded("A", 10_000, PaymentStatus.Paid)], [AtGateway("A", 10_000, paid: false, failed: true), AtGateway("A", 10_000)]);
        Assert.Equal(Difference.None, Assert.Single(rows).Difference);
    }

    [Fact]
    public void Without_the_gateways_answer_nothing_is_called_a_difference_but_everything_is_unchecked()
    {
        var rows = ReconciliationMatch.Rows([Recorded("A", 10_000, PaymentStatus.Paid), Recorded("B", 10_000, PaymentStatus.Pending)], null);
        Assert.All(rows, r => Assert.Equal(Difference.NotChecked, r.Difference));
    }
}
