using MotCua.Web.Modules.Applications.Domain;
using static MotCua.UnitTests.Modules.Applications.ApplicationFixture;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.UnitTests.Modules.Applications;

/// <summary>Every status × every action, against DESIGN.md §4 written out again here, independently of the code.</summary>
public sealed class ApplicationStateMachineTests
{
    // (action, from) → to. An InProgress application here sits at the specialist step (not the last).
    private static readonly Dictionary<(ApplicationAction, ApplicationStatus), ApplicationStatus> Allowed = new()
    {
        [(ApplicationAction.Submit, ApplicationStatus.Draft)] = ApplicationStatus.Submitted,
        [(ApplicationAction.Receive, ApplicationStatus.Submitted)] = ApplicationStatus.InProgress,
        [(ApplicationAction.Refuse, ApplicationStatus.Submitted)] = ApplicationStatus.NotAccepted,
        [(ApplicationAction.RequestSupplement, ApplicationStatus.Submitted)] = ApplicationStatus.SupplementRequested,
        [(ApplicationAction.RequestSupplement, ApplicationStatus.InProgress)] = ApplicationStatus.SupplementRequested,
        [(ApplicationAction.Supplement, ApplicationStatus.SupplementRequested)] = ApplicationStatus.InProgress,
        [(ApplicationAction.Forward, ApplicationStatus.InProgress)] = ApplicationStatus.InProgress,
        [(ApplicationAction.Reject, ApplicationStatus.InProgress)] = ApplicationStatus.Rejected,
        [(ApplicationAction.RequestPayment, ApplicationStatus.InProgress)] = ApplicationStatus.AwaitingPayment,
        [(ApplicationAction.RequestPayment, ApplicationStatus.ResultReady)] = ApplicationStatus.AwaitingPayment,
        [(ApplicationAction.PaymentConfirmed, ApplicationStatus.AwaitingPayment)] = ApplicationStatus.InProgress,
        [(ApplicationAction.ReturnResult, ApplicationStatus.ResultReady)] = ApplicationStatus.Returned,
        [(ApplicationAction.Withdraw, ApplicationStatus.Submitted)] = ApplicationStatus.Withdrawn,
        [(ApplicationAction.Withdraw, ApplicationStatus.InProgress)] = ApplicationStatus.WithdrawalRequested,
        [(ApplicationAction.Withdraw, ApplicationStatus.SupplementRequested)] = ApplicationStatus.WithdrawalRequested,
        [(ApplicationAction.Withdraw, ApplicationStatus.AwaitingPayment)] = ApplicationStatus.WithdrawalRequested,
        [(ApplicationAction.ConfirmWithdrawal, ApplicationStatus.WithdrawalRequested)] = ApplicationStatus.Withdrawn,
        [(ApplicationAction.Suspend, ApplicationStatus.InProgress)] = ApplicationStatus.Suspended,
        [(ApplicationAction.Resume, ApplicationStatus.Suspended)] = ApplicationStatus.InProgress,
        [(ApplicationAction.Apologize, ApplicationStatus.InProgress)] = ApplicationStatus.InProgress,
        [(ApplicationAction.Apologize, ApplicationStatus.SupplementRequested)] = ApplicationStatus.SupplementRequested,
        [(ApplicationAction.Apologize, ApplicationStatus.AwaitingPayment)] = ApplicationStatus.AwaitingPayment,
        [(ApplicationAction.Apologize, ApplicationStatus.Suspended)] = ApplicationStatus.Suspended,
        [(ApplicationAction.Apologize, ApplicationStatus.ResultReady)] = ApplicationStatus.ResultReady,
    };

    /// <summary>Received is only ever passed through inside `receive`, never a resting state.</summary>
    private static readonly ApplicationStatus[] RestingStatuses = Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Received).ToArray();

    public static TheoryData<ApplicationStatus, ApplicationAction> EveryStatusAndAction()
    {
        var data = new TheoryData<ApplicationStatus, ApplicationAction>();
        foreach (var status in RestingStatuses)
        {
            foreach (var action in Enum.GetValues<ApplicationAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void Each_action_is_allowed_exactly_where_the_design_says(ApplicationStatus status, ApplicationAction action)
    {
        var application = In(status);
        var eventsBefore = application.Events.Count;
        var versionBefore = application.Version;

        var refusal = application.Apply(Full(action), RightActorFor(action, status), Time, Monday);

        if (Allowed.TryGetValue((action, status), out var expected))
        {
            Assert.Null(refusal);
            Assert.Equal(expected, application.Status);
            Assert.True(application.Events.Count > eventsBefore);
        }
        else
        {
            Assert.NotNull(refusal);
            Assert.Equal(RefusalKind.Conflict, refusal.Kind);
            Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
            Assert.Equal(status, application.Status);
            Assert.Equal(eventsBefore, application.Events.Count);
            Assert.Equal(versionBefore, application.Version);
        }
    }

    [Fact]
    public void Every_resting_status_maps_to_a_national_status()
    {
        foreach (var status in Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Draft))
        {
            Assert.InRange(status.NationalCode(), 1, 10);
        }

        Assert.Equal(2, ApplicationStatus.Received.NationalCode());
        Assert.Equal(4, ApplicationStatus.InProgress.NationalCode());
        Assert.Equal(10, ApplicationStatus.Returned.NationalCode());
    }

    [Fact]
    public void Action_names_are_the_api_contract()
    {
        Assert.Equal(
            ["submit", "receive", "refuse", "request-supplement", "supplement", "forward", "approve", "reject", "request-payment", "payment-confirmed", "return-result", "withdraw", "confirm-withdrawal", "suspend", "resume", "apologize", "transfer-unit"],
            Enum.GetValues<ApplicationAction>().Select(a => a.Name()));
        Assert.True(ApplicationActions.TryParse("return-result", out var parsed));
        Assert.Equal(ApplicationAction.ReturnResult, parsed);
        Assert.False(ApplicationActions.TryParse("ReturnResult", out _));
    }

    private static Actor RightActorFor(ApplicationAction action, ApplicationStatus status) => action switch
    {
        ApplicationAction.Submit or ApplicationAction.Supplement or ApplicationAction.Withdraw => Citizen,
        ApplicationAction.PaymentConfirmed => Gateway,
        ApplicationAction.Forward or ApplicationAction.RequestPayment when status != ApplicationStatus.ResultReady => Specialist,
        ApplicationAction.RequestSupplement when status == ApplicationStatus.InProgress => Specialist,
        ApplicationAction.Approve or ApplicationAction.Reject or ApplicationAction.Suspend or ApplicationAction.Resume or ApplicationAction.Apologize => Leader,
        _ => Reception,
    };
}
