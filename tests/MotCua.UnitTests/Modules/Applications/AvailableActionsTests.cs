using MotCua.Web.Modules.Applications.Domain;
using NodaTime;
using static MotCua.UnitTests.Modules.Applications.ApplicationFixture;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.UnitTests.Modules.Applications;

/// <summary>What the officer's page offers: the actions the state machine would accept from this actor now.</summary>
public sealed class AvailableActionsTests
{
    private static readonly ApplicationAction[] OfficerActions =
    [
        ApplicationAction.Receive, ApplicationAction.Refuse, ApplicationAction.RequestSupplement, ApplicationAction.Forward,
        ApplicationAction.Approve, ApplicationAction.Reject, ApplicationAction.RequestPayment, ApplicationAction.ReturnResult,
        ApplicationAction.ConfirmWithdrawal, ApplicationAction.Suspend, ApplicationAction.Resume, ApplicationAction.Apologize,
    ];

    [Fact]
    public void Reception_sees_receive_refuse_and_request_supplement_on_a_submitted_application()
    {
        var a = In(ApplicationStatus.Submitted);

        Assert.Equal(
            [ApplicationAction.Receive, ApplicationAction.Refuse, ApplicationAction.RequestSupplement],
            a.AvailableActions(Reception));
    }

    [Fact]
    public void Specialist_and_leader_see_nothing_on_a_submitted_application()
    {
        var a = In(ApplicationStatus.Submitted);

        Assert.Empty(a.AvailableActions(Specialist));
        Assert.Empty(a.AvailableActions(Leader));
    }

    [Fact]
    public void Specialist_sees_forward_and_request_supplement_at_the_specialist_step_but_not_approve()
    {
        var a = In(ApplicationStatus.InProgress);
        var actions = a.AvailableActions(Specialist);

        Assert.Contains(ApplicationAction.Forward, actions);
        Assert.Contains(ApplicationAction.RequestSupplement, actions);
        Assert.DoesNotContain(ApplicationAction.Approve, actions);
        Assert.DoesNotContain(ApplicationAction.Reject, actions);
        Assert.DoesNotContain(ApplicationAction.Receive, actions);
    }

    [Fact]
    public void Leader_sees_approve_reject_suspend_and_apologize_at_the_last_step_but_not_forward()
    {
        var a = In(ApplicationStatus.InProgress);
        a.Do(ApplicationAction.Forward, Specialist);
        var actions = a.AvailableActions(Leader);

        Assert.Contains(ApplicationAction.Approve, actions);
        Assert.Contains(ApplicationAction.Reject, actions);
        Assert.Contains(ApplicationAction.Suspend, actions);
        Assert.Contains(ApplicationAction.Apologize, actions);
        Assert.DoesNotContain(ApplicationAction.Forward, actions);
        Assert.DoesNotContain(ApplicationAction.Approve, a.AvailableActions(Specialist));
    }

    [Fact]
    public void Reception_sees_return_result_once_the_result_is_ready()
    {
        var a = In(ApplicationStatus.ResultReady);

        Assert.Contains(ApplicationAction.ReturnResult, a.AvailableActions(Reception));
        Assert.DoesNotContain(ApplicationAction.ReturnResult, a.AvailableActions(Leader));
    }

    [Fact]
    public void A_late_result_needs_the_apology_before_return_result_is_offered()
    {
        var a = In(ApplicationStatus.InProgress);
        a.Do(ApplicationAction.Forward, Specialist);
        a.Do(ApplicationAction.Approve, Leader, at: a.DueAt!.Value + Duration.FromHours(1));
        Assert.Equal(Timeliness.Late, a.Timeliness);

        Assert.DoesNotContain(ApplicationAction.ReturnResult, a.AvailableActions(Reception));
        Assert.Contains(ApplicationAction.Apologize, a.AvailableActions(Reception));

        a.Do(ApplicationAction.Apologize, Reception, request: Full(ApplicationAction.Apologize) with { NewDueAt = a.DueAt!.Value + Duration.FromDays(2) });
        Assert.Contains(ApplicationAction.ReturnResult, a.AvailableActions(Reception));
        Assert.DoesNotContain(ApplicationAction.Apologize, a.AvailableActions(Reception));
    }

    [Fact]
    public void A_supplement_is_asked_for_only_once()
    {
        var a = In(ApplicationStatus.Submitted);
        a.Do(ApplicationAction.RequestSupplement, Reception);
        a.Do(ApplicationAction.Supplement, Citizen);

        Assert.Equal(ApplicationStatus.Submitted, a.Status);
        Assert.DoesNotContain(ApplicationAction.RequestSupplement, a.AvailableActions(Reception));
        Assert.Contains(ApplicationAction.Receive, a.AvailableActions(Reception));
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.InProgress)]
    [InlineData(ApplicationStatus.ResultReady)]
    [InlineData(ApplicationStatus.Suspended)]
    [InlineData(ApplicationStatus.WithdrawalRequested)]
    public void A_citizen_sees_none_of_the_officer_actions(ApplicationStatus status)
    {
        var a = In(status);

        Assert.Empty(a.AvailableActions(Citizen).Intersect(OfficerActions));
        Assert.Empty(a.AvailableActions(OtherCitizen));
    }

    [Fact]
    public void An_officer_of_another_unit_sees_nothing()
    {
        Assert.Empty(In(ApplicationStatus.Submitted).AvailableActions(OtherWardReception));
    }

    [Theory]
    [InlineData(ApplicationStatus.Returned)]
    [InlineData(ApplicationStatus.NotAccepted)]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void A_finished_application_offers_nothing_to_anyone(ApplicationStatus status)
    {
        var a = In(status);
        foreach (var actor in new[] { Citizen, Reception, Specialist, Leader, Gateway })
        {
            Assert.Empty(a.AvailableActions(actor));
        }
    }

    public static TheoryData<ApplicationStatus, string> EveryStatusAndActor()
    {
        var data = new TheoryData<ApplicationStatus, string>();
        foreach (var status in Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Received))
        {
            foreach (var actor in Actors.Keys)
            {
                data.Add(status, actor);
            }
        }

        return data;
    }

    /// <summary>The page never offers what Apply would refuse, nor hides what it would accept (given a complete request).</summary>
    [Theory]
    [MemberData(nameof(EveryStatusAndActor))]
    public void Available_actions_are_exactly_those_apply_accepts(ApplicationStatus status, string actorName)
    {
        var actor = Actors[actorName]();
        var available = In(status).AvailableActions(actor);

        foreach (var action in Enum.GetValues<ApplicationAction>())
        {
            var copy = In(status);
            var accepted = copy.Apply(Full(action), actor, Time, Monday) is null;
            Assert.True(accepted == available.Contains(action), $"{action} by {actorName} in {status}: Apply {(accepted ? "accepts" : "refuses")}, AvailableActions {(available.Contains(action) ? "offers" : "hides")} it");
        }
    }

    private static readonly Dictionary<string, Func<Actor>> Actors = new()
    {
        ["citizen"] = () => Citizen,
        ["other citizen"] = () => OtherCitizen,
        ["reception"] = () => Reception,
        ["specialist"] = () => Specialist,
        ["leader"] = () => Leader,
        ["other ward reception"] = () => OtherWardReception,
        ["gateway"] = () => Gateway,
    };
}
