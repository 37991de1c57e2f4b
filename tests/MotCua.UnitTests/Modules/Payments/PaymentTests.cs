using MotCua.Web.Modules.Payments.Domain;
using NodaTime;

namespace MotCua.UnitTests.Modules.Payments;

public sealed class PaymentTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 2, 8, 0);

    private static Payment NewPayment()
    {
        var payment = new Payment("261202ABCDEF", 7, "H99.01-261202-0007", 3, 50_000, "sandbox", "Thanh toan le phi", null, Now, Duration.FromMinutes(15));
        payment.SentToGateway();
        return payment;
    }

    [Fact]
    public void A_paid_notice_pays_once_and_a_second_changes_nothing()
    {
        var payment = NewPayment();
        Assert.Equal(PaymentStatus.Pending, payment.Status);
        Assert.Equal(NoticeOutcome.Confirmed, payment.Notice(50_000, paid: true, "14012345", "NCB", "00", Now + Duration.FromMinutes(2)));
        Assert.Equal(PaymentStatus.Paid, payment.Status);
        Assert.Equal(Now + Duration.FromMinutes(2), payment.PaidAt);
        Assert.Equal(NoticeOutcome.AlreadyConfirmed, payment.Notice(50_000, paid: false, "999", "VCB", "24", Now + Duration.FromMinutes(3)));
        Assert.Equal(PaymentStatus.Paid, payment.Status);
        Assert.Equal("14012345", payment.GatewayTransactionNo);
    }

    [Fact]
    public void A_notice_for_another_amount_is_refused_and_leaves_the_payment_pending()
    {
        var payment = NewPayment();
        Assert.Equal(NoticeOutcome.WrongAmount, payment.Notice(5_000, paid: true, "1", "NCB", "00", Now));
        Assert.Equal(PaymentStatus.Pending, payment.Status);
        Assert.Null(payment.PaidAt);
    }

    [Fact]
    public void A_declined_payment_fails_and_an_unpaid_one_expires_only_after_its_time()
    {
        var declined = NewPayment();
        Assert.Equal(NoticeOutcome.Declined, declined.Notice(50_000, paid: false, "0", "NCB", "24", Now));
        Assert.Equal(PaymentStatus.Failed, declined.Status);
        Assert.False(declined.Expire(Now + Duration.FromHours(1)));

        var waiting = NewPayment();
        Assert.False(waiting.Expire(Now + Duration.FromMinutes(14)));
        Assert.True(waiting.Expire(Now + Duration.FromMinutes(15)));
        Assert.Equal(PaymentStatus.Expired, waiting.Status);

        // Money that left the payer's account after the portal gave up on it is still credited.
        Assert.Equal(NoticeOutcome.Confirmed, waiting.Notice(50_000, paid: true, "2", "NCB", "00", Now + Duration.FromMinutes(16)));
        Assert.Equal(PaymentStatus.Paid, waiting.Status);
    }
}
