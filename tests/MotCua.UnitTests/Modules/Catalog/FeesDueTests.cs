using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.UnitTests.Modules.Catalog;

/// <summary>What an application pays: kind by kind, the online amount first, then the share the exemption waives, in whole đồng.</summary>
public sealed class FeesDueTests
{
    private static readonly Fee Duty = new("Lệ phí cấp phiếu", 20_000, 10_000, null, FeeKind.Duty);
    private static readonly Fee Charge = new("Phí cung cấp thông tin", 200_001, null, null, FeeKind.Charge);

    private static ProcedureTerms Terms(IReadOnlyList<Fee> fees, params FeeExemption[] exemptions) => new(
        1, "3.000333", null, "Cấp Phiếu lý lịch tư pháp", "Lý lịch tư pháp", [1], [ApplicantType.Citizen],
        new ProcessingTime(10, TimeUnit.WorkingDays), null, [], fees, "Phiếu lý lịch tư pháp", OnlineLevel.Full, false, true, null, [],
        PaymentDue: PaymentTiming.AtSubmission, Exemptions: exemptions);

    [Fact]
    public void Without_an_exemption_each_fee_is_its_channels_amount()
    {
        var terms = Terms([Duty, Charge]);
        var online = terms.FeesDueFor(online: true, null);
        Assert.Equal([new FeeItem("Lệ phí cấp phiếu", FeeKind.Duty, 10_000), new FeeItem("Phí cung cấp thông tin", FeeKind.Charge, 200_001)], online.Items);
        Assert.Equal(210_001, online.Total);
        Assert.Equal(220_001, terms.FeesDueFor(online: false, null).Total);
    }

    [Fact]
    public void The_online_discount_comes_first_then_the_exemption_rounded_half_up_to_whole_dong()
    {
        var students = new FeeExemption("Sinh viên", 50, "Thông tư số 244/2016/TT-BTC");
        var terms = Terms([Duty, Charge], students);
        var due = terms.FeesDueFor(online: true, students);
        // 10.000 online × 50 % = 5.000; 200.001 × 50 % = 100.000,5 → 100.001.
        Assert.Equal([5_000L, 100_001L], due.Items.Select(i => i.Amount));
        Assert.Same(students, due.Exemption);
        Assert.Equal(105_001 + 5_000, terms.FeesDueFor(online: false, students).Total);
    }

    [Fact]
    public void An_exemption_for_one_kind_leaves_the_other_kind_whole()
    {
        var poor = new FeeExemption("Hộ nghèo", 100, null, FeeKind.Charge);
        var due = Terms([Duty, Charge], poor).FeesDueFor(online: false, poor);
        Assert.Equal([new FeeItem("Lệ phí cấp phiếu", FeeKind.Duty, 20_000)], due.Items);
        Assert.Equal(20_000, due.Total);
    }

    [Fact]
    public void A_full_exemption_leaves_nothing_to_pay_and_a_free_procedure_costs_nothing()
    {
        var elderly = new FeeExemption("Người cao tuổi", 100, "Thông tư số 244/2016/TT-BTC");
        var terms = Terms([Duty, Charge], elderly);
        Assert.Empty(terms.FeesDueFor(online: true, elderly).Items);
        Assert.Equal(0, terms.FeesDueFor(online: true, elderly).Total);
        Assert.Same(elderly, terms.Exemption("Người cao tuổi"));
        Assert.Null(terms.Exemption("người cao tuổi"));

        var free = Terms([new Fee("Lệ phí đăng ký khai sinh", 0, null, "Miễn lệ phí")]);
        Assert.True(free.IsFree);
        Assert.Equal(0, free.FeesDueFor(online: false, null).Total);
    }

    [Fact]
    public void A_fee_without_a_kind_is_a_duty_and_the_online_discount_is_said_in_percent()
    {
        var fee = new Fee("Lệ phí đăng ký thường trú", 20_000, 10_000, null);
        Assert.Equal(FeeKind.Duty, fee.Kind);
        Assert.Equal(50, fee.OnlineDiscountPercent);
        Assert.Null(new Fee("Lệ phí", 20_000, null, null).OnlineDiscountPercent);
        Assert.Equal("Phí", FeeKind.Charge.Vietnamese());
        Assert.Equal("Lệ phí", FeeKind.Duty.Vietnamese());
    }

    [Fact]
    public void An_exemption_waives_between_one_and_a_hundred_percent_and_a_procedure_lists_each_category_once()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeExemption("Sinh viên", 0, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeeExemption("Sinh viên", 101, null));

        var p = new Procedure("3.000333", null, "Cấp Phiếu lý lịch tư pháp", "Lý lịch tư pháp", "province");
        p.SetTimeAndFees(new ProcessingTime(10, TimeUnit.WorkingDays), null, [Charge]);
        var twice = Assert.Throws<CatalogRuleException>(() => p.SetPaymentTerms(PaymentTiming.AtSubmission, [new("Sinh viên", 50, null), new("Sinh viên", 100, null)]));
        Assert.Contains("Sinh viên", twice.Message, StringComparison.Ordinal);
        p.SetPaymentTerms(PaymentTiming.AtSubmission, [new("Sinh viên", 50, null)]);
        Assert.Equal(PaymentTiming.AtSubmission, p.PaymentDue);

        var free = new Procedure("1.001193", null, "Đăng ký khai sinh", "Hộ tịch", "commune");
        free.SetTimeAndFees(new ProcessingTime(1, TimeUnit.WorkingDays), null, [new Fee("Lệ phí", 0, null, null)]);
        Assert.Throws<CatalogRuleException>(() => free.SetPaymentTerms(PaymentTiming.AfterProcessing, [new("Sinh viên", 50, null)]));
    }
}
