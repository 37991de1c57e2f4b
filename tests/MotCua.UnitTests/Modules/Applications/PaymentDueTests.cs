using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.EForms.Public;
using static MotCua.UnitTests.Modules.Applications.ApplicationFixture;

namespace MotCua.UnitTests.Modules.Applications;

/// <summary>
/// When the fee is due: with the application (reception waits for it) or after processing (the officer asks, and asks
/// for less only with a reason).
/// </summary>
public sealed class PaymentDueTests
{
    private static readonly FeeExemption Elderly = new("Người cao tuổi", 100, "Thông tư số 244/2016/TT-BTC");
    private static readonly FeeExemption Student = new("Sinh viên", 50, "Thông tư số 244/2016/TT-BTC");

    private static ProcedureTerms Record(PaymentTiming due)
    {
        var p = new Procedure("3.000333", null, "Cấp Phiếu lý lịch tư pháp", "Lý lịch tư pháp", "commune");
        p.DescribeWho([1], null, null, [ApplicantType.Citizen]);
        p.SetTimeAndFees(new ProcessingTime(10, TimeUnit.WorkingDays), null,
            [new Fee("Phí cung cấp thông tin lý lịch tư pháp", 200_000, null, null, FeeKind.Charge), new Fee("Lệ phí cấp bản sao", 10_000, 5_000, null)]);
        p.SetPaymentTerms(due, [Elderly, Student]);
        p.OfferOnline(OnlineLevel.Full, false, true, new FormDefinition("""{"type":"object"}""", "{}"));
        p.DefineWorkflow(
        [
            new WorkflowStep("Tiếp nhận hồ sơ", StepRole.Reception, null, 0.1m),
            new WorkflowStep("Thẩm định hồ sơ", StepRole.Specialist, null, 0.6m),
            new WorkflowStep("Phê duyệt kết quả", StepRole.Leader, null, 0.3m),
        ]);
        return CatalogDirectory.Terms(p);
    }

    private static (Application Application, ProcedureTerms Terms) Filed(PaymentTiming due, FeeExemption? claimed = null)
    {
        var terms = Record(due);
        var a = Application.Start("000.01.00.H99-261123-0001", terms, CatalogDirectory.Card(Ward), new Dictionary<string, UnitCard>(),
            new ApplicantInfo(CitizenId, "Nguyễn Văn An", "001090000001", null, null, null), Channel.OnlineRemote, "{}", false, null, null, Monday);
        a.Do(ApplicationAction.Submit, Citizen, request: new TransitionRequest(ApplicationAction.Submit, Fees: terms.FeesDueFor(online: true, claimed)));
        return (a, terms);
    }

    [Fact]
    public void Filed_with_its_fee_due_at_submission_it_waits_for_the_fee_and_reception_cannot_receive_it()
    {
        var (a, _) = Filed(PaymentTiming.AtSubmission);
        Assert.Equal(ApplicationStatus.Submitted, a.Status);
        Assert.True(a.AwaitsFeeAtSubmission);
        Assert.Equal(205_000, a.AmountDue);
        Assert.Equal([FeeKind.Charge, FeeKind.Duty], a.FeeItems.Select(i => i.Kind));
        Assert.DoesNotContain(ApplicationAction.Receive, a.AvailableActions(Reception));

        var refusal = a.Apply(new TransitionRequest(ApplicationAction.Receive), Reception, Time, Monday);
        Assert.NotNull(refusal);
        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
        Assert.Contains("chưa nộp phí, lệ phí", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Submitted, a.Status);
    }

    [Fact]
    public void Paid_at_submission_it_stays_submitted_with_the_payment_recorded_and_reception_receives_it()
    {
        var (a, _) = Filed(PaymentTiming.AtSubmission);
        Assert.NotNull(a.Apply(new TransitionRequest(ApplicationAction.PaymentConfirmed), Reception, Time, Monday));
        a.Do(ApplicationAction.PaymentConfirmed, Gateway, Monday + NodaTime.Duration.FromMinutes(5), new TransitionRequest(ApplicationAction.PaymentConfirmed, "Đã thanh toán 205.000 đồng trực tuyến."));
        Assert.Equal(ApplicationStatus.Submitted, a.Status);
        Assert.Equal(Monday + NodaTime.Duration.FromMinutes(5), a.FeePaidAt);
        Assert.False(a.AwaitsFeeAtSubmission);
        Assert.Equal(("payment-confirmed", ApplicationStatus.Submitted, ApplicationStatus.Submitted), (a.Events[^1].Action, a.Events[^1].FromStatus, a.Events[^1].ToStatus));

        // Once only: a second confirmation is refused.
        Assert.NotNull(a.Apply(new TransitionRequest(ApplicationAction.PaymentConfirmed), Gateway, Time, Monday));
        a.Do(ApplicationAction.Receive, Reception);
        Assert.Equal(ApplicationStatus.InProgress, a.Status);
    }

    [Fact]
    public void A_full_exemption_claimed_leaves_nothing_due_and_reception_receives_at_once()
    {
        var (a, _) = Filed(PaymentTiming.AtSubmission, Elderly);
        Assert.Equal("Người cao tuổi", a.ExemptionCategory);
        Assert.Equal(100, a.ExemptionPercent);
        Assert.Null(a.AmountDue);
        Assert.False(a.AwaitsFeeAtSubmission);
        a.Do(ApplicationAction.Receive, Reception);
    }

    [Fact]
    public void After_processing_nothing_is_due_at_filing_and_payment_confirmed_needs_a_request()
    {
        var (a, terms) = Filed(PaymentTiming.AfterProcessing, Student);
        Assert.Null(a.AmountDue);
        Assert.False(a.AwaitsFeeAtSubmission);
        Assert.NotNull(a.Apply(new TransitionRequest(ApplicationAction.PaymentConfirmed), Gateway, Time, Monday));
        a.Do(ApplicationAction.Receive, Reception);
        Assert.Equal(102_500, a.FeesDueUnder(terms).Total);
    }

    [Fact]
    public void A_payment_request_for_less_than_the_fees_come_to_needs_a_reason_and_keeps_the_lines_when_it_matches()
    {
        var (a, terms) = Filed(PaymentTiming.AfterProcessing);
        a.Do(ApplicationAction.Receive, Reception);
        var computed = a.FeesDueUnder(terms);
        Assert.Equal(205_000, computed.Total);

        var refusal = a.Apply(new TransitionRequest(ApplicationAction.RequestPayment, Amount: 100_000, Fees: computed), Specialist, Time, Monday);
        Assert.Equal(("reason", RefusalKind.Invalid), (refusal?.Field, refusal?.Kind));
        Assert.Contains("205.000 đồng", refusal!.Message, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.InProgress, a.Status);

        a.Do(ApplicationAction.RequestPayment, Specialist, request: new TransitionRequest(ApplicationAction.RequestPayment, Amount: 205_000, Fees: computed));
        Assert.Equal(205_000, a.AmountDue);
        Assert.Equal(computed.Items, a.FeeItems);
    }

    [Fact]
    public void A_payment_request_lowered_with_a_reason_is_one_line_of_the_amount_named()
    {
        var (a, terms) = Filed(PaymentTiming.AfterProcessing);
        a.Do(ApplicationAction.Receive, Reception);
        a.Do(ApplicationAction.RequestPayment, Specialist, request: new TransitionRequest(ApplicationAction.RequestPayment, Reason: "Chỉ cấp một bản", Amount: 200_000, Fees: a.FeesDueUnder(terms)));
        Assert.Equal(200_000, a.AmountDue);
        var line = Assert.Single(a.FeeItems);
        Assert.Equal(200_000, line.Amount);
    }

    [Fact]
    public void Asking_more_than_a_claimed_exemption_allows_needs_a_reason()
    {
        var (a, terms) = Filed(PaymentTiming.AfterProcessing, Student);
        a.Do(ApplicationAction.Receive, Reception);
        var refusal = a.Apply(new TransitionRequest(ApplicationAction.RequestPayment, Amount: 205_000, Fees: a.FeesDueUnder(terms)), Specialist, Time, Monday);
        Assert.Equal("reason", refusal?.Field);
        a.Do(ApplicationAction.RequestPayment, Specialist, request: new TransitionRequest(ApplicationAction.RequestPayment, Reason: "Không xuất trình thẻ sinh viên", Amount: 205_000, Fees: a.FeesDueUnder(terms)));
        Assert.Equal(205_000, a.AmountDue);
    }
}
