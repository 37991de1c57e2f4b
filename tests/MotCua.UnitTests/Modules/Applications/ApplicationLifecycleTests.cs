using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Catalog.Domain;
using NodaTime;
using static MotCua.UnitTests.Modules.Applications.ApplicationFixture;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Public;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.UnitTests.Modules.Applications;

public sealed class ApplicationLifecycleTests
{
    [Fact]
    public void The_main_path_walks_reception_specialist_leader_and_returns_on_time()
    {
        var a = Draft();
        a.Do(ApplicationAction.Submit, Citizen);
        a.Do(ApplicationAction.Receive, Reception, Monday + Duration.FromHours(1));

        Assert.Equal(ApplicationStatus.InProgress, a.Status);
        Assert.Equal(1, a.CurrentStep);
        Assert.Equal(StepRole.Specialist, a.CurrentRole);
        Assert.Equal(Monday + Duration.FromHours(1), a.ReceivedAt);
        Assert.Equal(a.ReceivedAt + Duration.FromHours(24), a.DueAt);
        Assert.NotNull(a.Steps[0].CompletedAt);
        Assert.Equal(a.DueAt, a.Steps[^1].DueAt);

        a.Do(ApplicationAction.Forward, Specialist, Monday + Duration.FromHours(3));
        Assert.Equal(StepRole.Leader, a.CurrentRole);
        a.Do(ApplicationAction.Approve, Leader, Monday + Duration.FromHours(5));
        Assert.Equal(ApplicationStatus.ResultReady, a.Status);
        Assert.Equal(Timeliness.Early, a.Timeliness);
        a.Do(ApplicationAction.ReturnResult, Reception, Monday + Duration.FromHours(6));

        Assert.Equal(ApplicationStatus.Returned, a.Status);
        Assert.Equal(
            [ApplicationStatus.Submitted, ApplicationStatus.Received, ApplicationStatus.InProgress, ApplicationStatus.InProgress, ApplicationStatus.ResultReady, ApplicationStatus.Returned],
            a.Events.Select(e => e.ToStatus));
        Assert.Equal(Enumerable.Range(1, 6), a.Events.Select(e => e.Sequence));
    }

    [Fact]
    public void A_citizen_cannot_do_an_officers_action()
    {
        var a = In(ApplicationStatus.Submitted);
        var refusal = a.Apply(Full(ApplicationAction.Receive), Citizen, Time, Monday);
        Assert.Equal(RefusalKind.Forbidden, refusal?.Kind);
        Assert.Equal(ApplicationStatus.Submitted, a.Status);
    }

    [Fact]
    public void Another_citizen_cannot_withdraw_my_application()
    {
        var a = In(ApplicationStatus.Submitted);
        Assert.Equal(RefusalKind.Forbidden, a.Apply(Full(ApplicationAction.Withdraw), OtherCitizen, Time, Monday)?.Kind);
    }

    [Fact]
    public void The_national_portal_acts_for_the_applicant_only_on_what_was_filed_there()
    {
        var portal = Actor.System("Cổng Dịch vụ công quốc gia");
        var own = In(ApplicationStatus.Submitted);
        Assert.Equal(RefusalKind.Forbidden, own.Apply(Full(ApplicationAction.Withdraw), portal, Time, Monday)?.Kind);

        var national = Application.Start("000.01.00.H99-261123-0002", CatalogDirectory.Terms(BirthRegistration()), CatalogDirectory.Card(Ward), new Dictionary<string, UnitCard>(),
            new ApplicantInfo(null, "Nguyễn Văn An", "001090000001", null, null, null), Channel.OnlineRemote, "{}", false, null, null, Monday,
            nationalCode: "G22.99-000000000001", identityVerified: true);
        Assert.Equal((ApplicationSource.NationalPortal, true), (national.Source, national.IdentityVerified));
        national.Do(ApplicationAction.Submit, portal);
        national.Do(ApplicationAction.Receive, Reception);
        national.Do(ApplicationAction.RequestSupplement, Specialist);
        Assert.True(national.AcceptsDocumentsFrom(portal));
        national.Do(ApplicationAction.Supplement, portal, request: new TransitionRequest(ApplicationAction.Supplement, "Đã gửi bản rõ nét"));
        Assert.Equal(RefusalKind.Forbidden, national.Apply(Full(ApplicationAction.Forward), portal, Time, Monday)?.Kind);
        national.Do(ApplicationAction.Withdraw, portal);
        Assert.Equal(ApplicationStatus.WithdrawalRequested, national.Status);
        Assert.Equal(ApplicationSource.Portal, own.Source);
    }

    [Fact]
    public void Only_the_current_steps_role_moves_it_on()
    {
        var a = In(ApplicationStatus.InProgress);
        var refusal = a.Apply(Full(ApplicationAction.Forward), Leader, Time, Monday);
        Assert.Equal(RefusalKind.Forbidden, refusal?.Kind);
        Assert.Contains("chuyên viên", refusal!.Message, StringComparison.Ordinal);
        Assert.Equal(1, a.CurrentStep);
    }

    [Fact]
    public void A_specialist_cannot_approve_at_the_leaders_step()
    {
        var a = In(ApplicationStatus.InProgress);
        a.Do(ApplicationAction.Forward, Specialist);
        Assert.Equal(RefusalKind.Forbidden, a.Apply(Full(ApplicationAction.Approve), Specialist, Time, Monday)?.Kind);
        Assert.Equal(RefusalKind.Conflict, a.Apply(Full(ApplicationAction.Forward), Leader, Time, Monday)?.Kind);
    }

    [Fact]
    public void An_officer_of_another_unit_cannot_receive()
    {
        var a = In(ApplicationStatus.Submitted);
        Assert.Equal(RefusalKind.Forbidden, a.Apply(Full(ApplicationAction.Receive), OtherWardReception, Time, Monday)?.Kind);
    }

    [Fact]
    public void A_province_level_officer_covers_the_wards_below()
    {
        var provinceReception = Actor.Officer(Guid.NewGuid(), "Trung tâm tỉnh", [StepRole.Reception], ProvinceUnit.Path);
        var a = In(ApplicationStatus.Submitted);
        a.Do(ApplicationAction.Receive, provinceReception);
        Assert.Equal(ApplicationStatus.InProgress, a.Status);
    }

    [Fact]
    public void Supplements_are_requested_once_listing_everything()
    {
        var a = In(ApplicationStatus.InProgress);
        var empty = a.Apply(new TransitionRequest(ApplicationAction.RequestSupplement, Items: []), Specialist, Time, Monday);
        Assert.Equal(RefusalKind.Invalid, empty?.Kind);
        Assert.Equal("items", empty?.Field);

        a.Do(ApplicationAction.RequestSupplement, Specialist);
        a.Do(ApplicationAction.Supplement, Citizen);
        Assert.Equal(ApplicationStatus.InProgress, a.Status);
        Assert.Equal(1, a.CurrentStep);
        var again = a.Apply(Full(ApplicationAction.RequestSupplement), Specialist, Time, Monday);
        Assert.Equal(RefusalKind.Conflict, again?.Kind);
    }

    [Fact]
    public void The_clock_stops_while_the_applicant_supplements()
    {
        var a = In(ApplicationStatus.InProgress);
        var due = a.DueAt!.Value;
        a.Do(ApplicationAction.RequestSupplement, Specialist, Monday + Duration.FromHours(2));
        a.Do(ApplicationAction.Supplement, Citizen, Monday + Duration.FromHours(12));
        Assert.Equal(due + Duration.FromHours(10), a.DueAt);
    }

    [Fact]
    public void A_supplement_asked_at_reception_goes_back_to_reception()
    {
        var a = In(ApplicationStatus.Submitted);
        a.Do(ApplicationAction.RequestSupplement, Reception);
        a.Do(ApplicationAction.Supplement, Citizen);
        Assert.Equal(ApplicationStatus.Submitted, a.Status);
        Assert.Null(a.ReceivedAt);
    }

    [Fact]
    public void Late_application_cannot_be_returned_without_apology_slip()
    {
        var a = In(ApplicationStatus.InProgress);
        a.Do(ApplicationAction.Forward, Specialist);
        a.Do(ApplicationAction.Approve, Leader, a.DueAt!.Value + Duration.FromHours(1));
        Assert.Equal(Timeliness.Late, a.Timeliness);

        var refusal = a.Apply(Full(ApplicationAction.ReturnResult), Reception, Time, Monday + Duration.FromDays(3));
        Assert.Equal(RefusalKind.Conflict, refusal?.Kind);
        Assert.Contains("mẫu 04", refusal!.Message, StringComparison.Ordinal);

        a.Do(ApplicationAction.Apologize, Leader, request: Full(ApplicationAction.Apologize) with { NewDueAt = a.DueAt + Duration.FromDays(2) });
        a.Do(ApplicationAction.ReturnResult, Reception);
        Assert.Equal(ApplicationStatus.Returned, a.Status);
        Assert.Equal(Timeliness.Late, a.Timeliness);
    }

    [Fact]
    public void A_new_date_is_given_at_most_once_and_must_be_later()
    {
        var a = In(ApplicationStatus.InProgress);
        var earlier = a.Apply(Full(ApplicationAction.Apologize) with { NewDueAt = a.DueAt!.Value - Duration.FromHours(1) }, Leader, Time, Monday);
        Assert.Equal(RefusalKind.Invalid, earlier?.Kind);
        a.Do(ApplicationAction.Apologize, Leader, request: Full(ApplicationAction.Apologize) with { NewDueAt = a.DueAt!.Value + Duration.FromDays(1) });
        Assert.Equal(RefusalKind.Conflict, a.Apply(Full(ApplicationAction.Apologize) with { NewDueAt = a.DueAt!.Value + Duration.FromDays(5) }, Leader, Time, Monday)?.Kind);
    }

    [Fact]
    public void Approval_needs_the_result_document()
    {
        var a = In(ApplicationStatus.InProgress);
        a.Do(ApplicationAction.Forward, Specialist);
        var refusal = a.Apply(new TransitionRequest(ApplicationAction.Approve), Leader, Time, Monday);
        Assert.Equal(RefusalKind.Invalid, refusal?.Kind);
        Assert.Equal(ApplicationStatus.InProgress, a.Status);
    }

    [Theory]
    [InlineData(ApplicationAction.Refuse)]
    [InlineData(ApplicationAction.Reject)]
    [InlineData(ApplicationAction.Suspend)]
    public void Refusing_rejecting_and_stopping_need_a_reason(ApplicationAction action)
    {
        var a = In(action == ApplicationAction.Refuse ? ApplicationStatus.Submitted : ApplicationStatus.InProgress);
        var actor = action == ApplicationAction.Refuse ? Reception : Leader;
        var refusal = a.Apply(new TransitionRequest(action), actor, Time, Monday);
        Assert.Equal(RefusalKind.Invalid, refusal?.Kind);
        Assert.Equal("reason", refusal?.Field);
    }

    [Fact]
    public void Withdrawal_after_reception_waits_for_the_desk_to_confirm()
    {
        var a = In(ApplicationStatus.InProgress);
        a.Do(ApplicationAction.Withdraw, Citizen);
        Assert.Equal(ApplicationStatus.WithdrawalRequested, a.Status);
        a.Do(ApplicationAction.ConfirmWithdrawal, Reception);
        Assert.Equal(ApplicationStatus.Withdrawn, a.Status);
    }

    [Fact]
    public void The_desk_acts_for_a_walk_in_applicant_but_not_for_an_online_one()
    {
        var counter = Draft(Channel.Counter);
        counter.Do(ApplicationAction.Submit, Reception);
        Assert.Equal(ApplicationStatus.Submitted, counter.Status);

        var online = Draft();
        Assert.Equal(RefusalKind.Forbidden, online.Apply(Full(ApplicationAction.Submit), Reception, Time, Monday)?.Kind);
    }

    [Fact]
    public void A_payment_is_confirmed_only_by_the_gateway()
    {
        var a = In(ApplicationStatus.AwaitingPayment);
        Assert.Equal(RefusalKind.Forbidden, a.Apply(Full(ApplicationAction.PaymentConfirmed), Reception, Time, Monday)?.Kind);
        a.Do(ApplicationAction.PaymentConfirmed, Gateway);
        Assert.Equal(ApplicationStatus.InProgress, a.Status);
    }

    [Fact]
    public void Online_applications_get_the_shorter_online_time()
    {
        var procedure = BirthRegistration();
        procedure.SetTimeAndFees(new ProcessingTime(5, TimeUnit.WorkingDays), new ProcessingTime(3, TimeUnit.WorkingDays), []);
        var online = Application.Start("C-1", CatalogDirectory.Terms(procedure), CatalogDirectory.Card(Ward), new Dictionary<string, UnitCard>(), new ApplicantInfo(CitizenId, "A", null, null, null, null), Channel.OnlineRemote, "{}", false, null, null, Monday);
        var counter = Application.Start("C-2", CatalogDirectory.Terms(procedure), CatalogDirectory.Card(Ward), new Dictionary<string, UnitCard>(), new ApplicantInfo(null, "B", null, null, null, null), Channel.Counter, "{}", false, Guid.NewGuid(), null, Monday);
        Assert.Equal(3m, online.TimeLimit.Value);
        Assert.Equal(5m, counter.TimeLimit.Value);
    }

    [Fact]
    public void History_keeps_internal_notes_apart_from_public_ones()
    {
        var a = In(ApplicationStatus.Submitted);
        a.Do(ApplicationAction.Receive, Reception, request: new TransitionRequest(ApplicationAction.Receive, Note: "Đã nhận đủ hồ sơ", InternalNote: "Kiểm tra kỹ giấy chứng sinh"));
        var received = a.Events.Single(e => e.ToStatus == ApplicationStatus.Received);
        Assert.Equal("Đã nhận đủ hồ sơ", received.Note);
        Assert.Equal("Kiểm tra kỹ giấy chứng sinh", received.InternalNote);
        Assert.Equal("receive", received.Action);
        Assert.Equal("Reception", received.ActorRole);
        Assert.Equal("Lê Thị Thu", received.ActorName);
    }

    [Fact]
    public void A_step_at_another_unit_is_acted_on_by_that_units_officers_and_keeps_one_history()
    {
        var department = new Unit("000.00.08.H99", "Sở Nội vụ", UnitKind.Department, new AdministrativeLevel("province", "Cấp tỉnh", 1), ProvinceUnit);
        var procedure = BirthRegistration();
        procedure.DefineWorkflow(
        [
            new WorkflowStep("Tiếp nhận hồ sơ", StepRole.Reception, null, 0.1m),
            new WorkflowStep("Thẩm định tại xã", StepRole.Specialist, null, 0.3m),
            new WorkflowStep("Thẩm định tại Sở", StepRole.Specialist, department.Code, 0.3m),
            new WorkflowStep("Phê duyệt tại Sở", StepRole.Leader, department.Code, 0.3m),
        ]);
        var a = Application.Start("C-3", CatalogDirectory.Terms(procedure), CatalogDirectory.Card(Ward), new Dictionary<string, UnitCard> { [department.Code] = CatalogDirectory.Card(department) },
            new ApplicantInfo(CitizenId, "Nguyễn Văn An", null, null, null, null), Channel.OnlineRemote, "{}", false, null, null, Monday);
        var departmentSpecialist = Actor.Officer(Guid.NewGuid(), "Chuyên viên Sở", [StepRole.Specialist], department.Path);
        var departmentLeader = Actor.Officer(Guid.NewGuid(), "Lãnh đạo Sở", [StepRole.Leader], department.Path);

        a.Do(ApplicationAction.Submit, Citizen);
        a.Do(ApplicationAction.Receive, Reception);
        Assert.Equal(RefusalKind.Forbidden, a.Apply(Full(ApplicationAction.Forward), departmentSpecialist, Time, Monday)?.Kind);
        a.Do(ApplicationAction.Forward, Specialist);
        Assert.Equal(department.Path, a.CurrentUnitPath);
        Assert.Equal(RefusalKind.Forbidden, a.Apply(Full(ApplicationAction.Forward), Specialist, Time, Monday)?.Kind);
        a.Do(ApplicationAction.Forward, departmentSpecialist);
        Assert.Equal(RefusalKind.Forbidden, a.Apply(Full(ApplicationAction.Approve), Leader, Time, Monday)?.Kind);
        a.Do(ApplicationAction.Approve, departmentLeader);
        a.Do(ApplicationAction.ReturnResult, Reception);

        Assert.Equal(ApplicationStatus.Returned, a.Status);
        Assert.Equal(Enumerable.Range(1, a.Events.Count), a.Events.Select(e => e.Sequence));
        Assert.Contains(a.Events, e => e.ActorName == "Lãnh đạo Sở" && e.UnitId == department.Id);
    }
}
