using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Catalog.Domain;
using NodaTime;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.EForms.Public;
using MotCua.Web.Modules.Catalog.Public;

namespace MotCua.UnitTests.Modules.Applications;

/// <summary>A working time where every hour counts: enough to test the state machine; the real calendar has its own tests.</summary>
internal sealed class AlwaysWorking : IWorkingTime
{
    public Instant ReceivedAt(Instant submittedAt) => submittedAt;

    public Instant AddWorkingTime(Instant start, decimal amount, TimeUnit unit) =>
        start + Duration.FromMinutes((double)(unit == TimeUnit.WorkingDays ? amount * 8 * 60 : amount * 60));

    public decimal WorkingHoursBetween(Instant from, Instant to) => to <= from ? 0 : (decimal)(to - from).TotalHours;

    public Instant TransferDeadline(Instant receivedAt) => receivedAt + Duration.FromHours(4);

    public IReadOnlyList<Instant> SplitByShares(Instant start, Instant due, IReadOnlyList<decimal> shares)
    {
        var total = (due - start).TotalMinutes;
        var acc = 0m;
        return shares.Select(s => { acc += s; return start + Duration.FromMinutes(total * (double)acc); }).ToList();
    }

    public Timeliness Classify(Instant finishedAt, Instant dueAt) =>
        finishedAt > dueAt ? Timeliness.Late : finishedAt < dueAt - Duration.FromHours(12) ? Timeliness.Early : Timeliness.OnTime;

    public ExpectedDates Expect(Instant submittedAt, ProcessingTime limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        return new(submittedAt, submittedAt, AddWorkingTime(submittedAt, limit.Value, limit.Unit));
    }

    public bool IsWorkingDay(LocalDate date) => true;

    public DateTimeZone Zone => DateTimeZone.Utc;
}

internal static class ApplicationFixture
{
    public static readonly Instant Monday = Instant.FromUtc(2026, 11, 23, 2, 0); // 09:00 in Vietnam
    public static readonly IWorkingTime Time = new AlwaysWorking();

    public static readonly Guid CitizenId = Guid.NewGuid();
    public static readonly Guid OtherCitizenId = Guid.NewGuid();
    private static readonly AdministrativeLevel Province = new("province", "Cấp tỉnh", 1);
    private static readonly AdministrativeLevel Commune = new("commune", "Cấp xã", 2);
    public static readonly Unit ProvinceUnit = new("000.00.00.H99", "UBND tỉnh An Bình", UnitKind.PeopleCommittee, Province, null);
    public static readonly Unit Ward = new("000.01.00.H99", "UBND phường An Phú", UnitKind.Commune, Commune, ProvinceUnit);
    public static readonly Unit OtherWard = new("000.02.00.H99", "UBND xã An Lạc", UnitKind.Commune, Commune, ProvinceUnit);

    public static Actor Citizen => Actor.Applicant(CitizenId, "Nguyễn Văn An");
    public static Actor OtherCitizen => Actor.Applicant(OtherCitizenId, "Trần Thị Bình");
    public static Actor Reception => Actor.Officer(Guid.NewGuid(), "Lê Thị Thu", [StepRole.Reception], Ward.Path);
    public static Actor Specialist => Actor.Officer(Guid.NewGuid(), "Phạm Minh Quân", [StepRole.Specialist], Ward.Path);
    public static Actor Leader => Actor.Officer(Guid.NewGuid(), "Hoàng Văn Hải", [StepRole.Leader], Ward.Path);
    public static Actor OtherWardReception => Actor.Officer(Guid.NewGuid(), "Cán bộ xã khác", [StepRole.Reception], OtherWard.Path);
    public static Actor Gateway => Actor.System("Cổng thanh toán");

    public static Procedure BirthRegistration()
    {
        var p = new Procedure("1.001193", "1.001193", "Đăng ký khai sinh", "Hộ tịch", "commune");
        p.DescribeWho([1], null, null, [ApplicantType.Citizen]);
        p.SetTimeAndFees(new ProcessingTime(3, TimeUnit.WorkingDays), null, []);
        p.OfferOnline(OnlineLevel.Full, false, true, new FormDefinition("""{"type":"object"}""", "{}"));
        p.DefineWorkflow(
        [
            new WorkflowStep("Tiếp nhận hồ sơ", StepRole.Reception, null, 0.1m),
            new WorkflowStep("Thẩm định hồ sơ", StepRole.Specialist, null, 0.6m),
            new WorkflowStep("Phê duyệt kết quả", StepRole.Leader, null, 0.3m),
        ]);
        return p;
    }

    public static Application Draft(Channel channel = Channel.OnlineRemote) =>
        Application.Start("000.01.00.H99-261123-0001", CatalogDirectory.Terms(BirthRegistration()), CatalogDirectory.Card(Ward), new Dictionary<string, UnitCard>(),
            new ApplicantInfo(CitizenId, "Nguyễn Văn An", "001090000001", null, null, null), channel, "{}", false, channel == Channel.OnlineRemote ? null : Guid.NewGuid(), null, Monday);

    public static void Do(this Application application, ApplicationAction action, Actor actor, Instant? at = null, TransitionRequest? request = null)
    {
        var refusal = application.Apply(request ?? Full(action), actor, Time, at ?? Monday);
        Assert.True(refusal is null, $"{action} by {actor.Name} refused: {refusal?.Message}");
    }

    /// <summary>A request that carries everything any action needs.</summary>
    public static TransitionRequest Full(ApplicationAction action) => new(
        action,
        Note: "Ghi chú",
        Reason: "Lý do theo quy định",
        LegalBasis: "Luật Hộ tịch 2014",
        Items: [new SupplementItem("Giấy chứng sinh", "Bản chụp bị mờ, không đọc được")],
        NewDueAt: Monday + Duration.FromDays(30),
        ReturnMethod: ReturnMethod.Desk,
        HasResultDocument: true);

    /// <summary>An application brought to the given status along the ordinary path.</summary>
    public static Application In(ApplicationStatus status)
    {
        var a = Draft();
        if (status == ApplicationStatus.Draft)
        {
            return a;
        }

        a.Do(ApplicationAction.Submit, Citizen);
        switch (status)
        {
            case ApplicationStatus.Submitted:
                break;
            case ApplicationStatus.NotAccepted:
                a.Do(ApplicationAction.Refuse, Reception);
                break;
            case ApplicationStatus.Withdrawn:
                a.Do(ApplicationAction.Withdraw, Citizen);
                break;
            default:
                a.Do(ApplicationAction.Receive, Reception);
                ContinueFromInProgress(a, status);
                break;
        }

        Assert.Equal(status, a.Status);
        return a;
    }

    private static void ContinueFromInProgress(Application a, ApplicationStatus status)
    {
        switch (status)
        {
            case ApplicationStatus.InProgress:
                break;
            case ApplicationStatus.SupplementRequested:
                a.Do(ApplicationAction.RequestSupplement, Specialist);
                break;
            case ApplicationStatus.AwaitingPayment:
                a.Do(ApplicationAction.RequestPayment, Specialist);
                break;
            case ApplicationStatus.WithdrawalRequested:
                a.Do(ApplicationAction.Withdraw, Citizen);
                break;
            case ApplicationStatus.Rejected:
                a.Do(ApplicationAction.Reject, Leader);
                break;
            case ApplicationStatus.Suspended:
                a.Do(ApplicationAction.Suspend, Leader);
                break;
            case ApplicationStatus.ResultReady:
                a.Do(ApplicationAction.Forward, Specialist);
                a.Do(ApplicationAction.Approve, Leader);
                break;
            case ApplicationStatus.Returned:
                a.Do(ApplicationAction.Forward, Specialist);
                a.Do(ApplicationAction.Approve, Leader);
                a.Do(ApplicationAction.ReturnResult, Reception);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }
    }
}
