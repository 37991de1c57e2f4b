using MotCua.Web.Modules.Catalog.Domain;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.EForms.Public;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.UnitTests.Modules.Catalog;

public sealed class ProcedureTests
{
    private const string Form = """{"type":"object","properties":{}}""";

    private static Procedure BirthRegistration()
    {
        var p = new Procedure("1.001193", "1.001193", "Đăng ký khai sinh", "Hộ tịch", "commune");
        p.DescribeWho([1], null, null, [ApplicantType.Citizen]);
        return p;
    }

    [Fact]
    public void Workflow_shares_must_add_up_to_the_whole_time_limit()
    {
        var p = BirthRegistration();
        p.OfferOnline(OnlineLevel.Full, false, true, new FormDefinition(Form, "{}"));
        var error = Assert.Throws<CatalogRuleException>(() => p.DefineWorkflow(
        [
            new WorkflowStep("Tiếp nhận", StepRole.Reception, null, 0.1m),
            new WorkflowStep("Thẩm định", StepRole.Specialist, null, 0.5m),
        ]));
        Assert.Contains("100%", error.Message, StringComparison.Ordinal);

        p.DefineWorkflow(
        [
            new WorkflowStep("Tiếp nhận", StepRole.Reception, null, 0.1m),
            new WorkflowStep("Thẩm định", StepRole.Specialist, null, 0.6m),
            new WorkflowStep("Phê duyệt", StepRole.Leader, null, 0.3m),
        ]);
        Assert.Equal([StepRole.Reception, StepRole.Specialist, StepRole.Leader], p.Workflow.Select(s => s.Role));
    }

    [Fact]
    public void Only_a_full_online_service_can_refuse_paper()
    {
        var p = BirthRegistration();
        Assert.Throws<CatalogRuleException>(() => p.OfferOnline(OnlineLevel.Partial, onlineOnly: true, false, new FormDefinition(Form, "{}")));
        p.OfferOnline(OnlineLevel.Full, onlineOnly: true, false, new FormDefinition(Form, "{}"));
        Assert.True(p.OnlineOnly);
    }

    [Fact]
    public void An_online_service_needs_an_e_form() =>
        Assert.Throws<CatalogRuleException>(() => BirthRegistration().OfferOnline(OnlineLevel.Full, false, true, form: null));

    [Fact]
    public void Online_applications_get_the_shorter_time_and_the_online_fee()
    {
        var p = BirthRegistration();
        p.SetTimeAndFees(
            new ProcessingTime(5, TimeUnit.WorkingDays),
            new ProcessingTime(3, TimeUnit.WorkingDays),
            [new Fee("Lệ phí", 20_000, 10_000, "Giảm 50% khi nộp trực tuyến"), new Fee("Phí in", 5_000, null, null)]);

        Assert.Equal(3m, p.TimeLimitFor(online: true).InWorkingDays);
        Assert.Equal(5m, p.TimeLimitFor(online: false).InWorkingDays);
        Assert.Equal(15_000, p.TotalFee(online: true));
        Assert.Equal(25_000, p.TotalFee(online: false));
    }

    [Fact]
    public void An_online_time_longer_than_the_legal_one_is_refused() =>
        Assert.Throws<CatalogRuleException>(() => BirthRegistration().SetTimeAndFees(
            new ProcessingTime(1, TimeUnit.WorkingDays), new ProcessingTime(2, TimeUnit.WorkingDays), []));

    [Theory]
    [InlineData(8, "Trong ngày làm việc (8 giờ làm việc)", 1)]
    [InlineData(4, "4 giờ làm việc", 0.5)]
    public void Hours_are_shown_in_words_and_counted_as_a_fraction_of_a_day(decimal hours, string words, decimal days)
    {
        var time = new ProcessingTime(hours, TimeUnit.WorkingHours);
        Assert.Equal(words, time.Describe());
        Assert.Equal(days, time.InWorkingDays);
    }

    [Fact]
    public void A_procedure_must_name_who_handles_it()
    {
        var p = new Procedure("DP-0001", null, "Cấp hộ chiếu phổ thông", "Xuất nhập cảnh", "province");
        Assert.Throws<CatalogRuleException>(() => p.DescribeWho([], null, null, [ApplicantType.Citizen]));
        p.DescribeWho([], "Cơ quan Quản lý xuất nhập cảnh, Bộ Công an", "https://dichvucong.gov.vn", [ApplicantType.Citizen]);
        Assert.Null(p.NationalCode);
    }

    [Fact]
    public void Search_text_carries_name_code_and_field_without_accents()
    {
        var p = BirthRegistration();
        Assert.Equal("dang ki khai sinh 1 001193 ho tich", p.SearchText);
    }
}
