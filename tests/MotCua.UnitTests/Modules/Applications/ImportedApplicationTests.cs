using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Catalog.Public;
using NodaTime;
using static MotCua.UnitTests.Modules.Applications.ApplicationFixture;

namespace MotCua.UnitTests.Modules.Applications;

/// <summary>An application brought over from the former system: as it stood there, and, when still open, ready to go on here.</summary>
public sealed class ImportedApplicationTests
{
    private static readonly Instant Submitted = Instant.FromUtc(2024, 5, 13, 1, 30);
    private static readonly Instant Received = Submitted + Duration.FromMinutes(30);
    private static readonly Instant Due = Received + Duration.FromDays(4);

    private static ImportedApplication Line(ApplicationStatus status, Instant? finished = null, Instant? returned = null, ReturnChannel? how = null,
        long fee = 0, bool paidOnline = false, string? applicant = null, params ImportedEvent[] events) =>
        new("CU-2024-0000001", "1.001193", Ward.Code, Channel.Counter, status, Submitted, Received, Due, finished, returned, how, true, fee, paidOnline, applicant, events);

    private static Application Import(ImportedApplication line) =>
        Application.Import(line, CatalogDirectory.Terms(BirthRegistration()), CatalogDirectory.Card(Ward), new Dictionary<string, UnitCard>(), null, Time, Monday);

    [Fact]
    public void A_returned_application_keeps_its_dates_fee_return_and_history_and_is_judged_on_time_as_here()
    {
        var finished = Due - Duration.FromDays(2);
        var a = Import(Line(ApplicationStatus.Returned, finished, finished + Duration.FromHours(3), ReturnChannel.Postal, fee: 50_000, paidOnline: true, events:
        [
            new ImportedEvent(finished, "Ký duyệt", "Trần Văn Hùng", null, null),
            new ImportedEvent(Received, "receive", "Nguyễn Thị Lan", ApplicationStatus.InProgress, "Đã nhận đủ giấy tờ"),
        ]));

        Assert.Equal((ApplicationStatus.Returned, Timeliness.Early, ReturnMethod.Post), (a.Status, a.Timeliness, a.ReturnMethod));
        Assert.Equal((Submitted, Received, Due, finished), (a.SubmittedAt!.Value, a.ReceivedAt!.Value, a.DueAt!.Value, a.FinishedAt!.Value));
        Assert.Equal(50_000, a.AmountDue);
        Assert.True(a.ImportedPaidOnline);
        Assert.True(a.ImportedInputsDigitized);
        Assert.Equal(Monday, a.ImportedAt);
        Assert.Equal(ImportLines.PlaceholderApplicant, a.ApplicantName);
        Assert.Null(a.CurrentStep);
        Assert.Equal(3, a.Steps.Count);

        // In time order, numbered from 1; the last line ends in the application's status.
        Assert.Equal(["receive", "Ký duyệt"], a.Events.Select(e => e.Action));
        Assert.Equal([1, 2], a.Events.Select(e => e.Sequence));
        Assert.Equal((ApplicationStatus.Submitted, ApplicationStatus.InProgress), (a.Events[0].FromStatus, a.Events[0].ToStatus));
        Assert.Equal((ApplicationStatus.InProgress, ApplicationStatus.Returned), (a.Events[1].FromStatus, a.Events[1].ToStatus));
        Assert.Equal(("Trần Văn Hùng", "System"), (a.Events[1].ActorName, a.Events[1].ActorRole));
        Assert.Empty(a.AvailableActions(Reception));
    }

    [Fact]
    public void Finished_after_its_due_date_it_is_late()
    {
        var a = Import(Line(ApplicationStatus.Rejected, Due + Duration.FromHours(1)));
        Assert.Equal(Timeliness.Late, a.Timeliness);
        Assert.Null(a.ReturnMethod);
    }

    [Fact]
    public void One_still_open_waits_at_its_first_processing_step_and_the_specialist_carries_it_on()
    {
        var a = Import(Line(ApplicationStatus.Received, applicant: "Lê Văn Tám"));
        Assert.Equal(ApplicationStatus.InProgress, a.Status);
        Assert.Equal((1, StepRole.Specialist), (a.CurrentStep, a.CurrentRole));
        Assert.Equal(Received, a.Steps[0].CompletedAt);
        Assert.All(a.Steps, s => Assert.NotNull(s.DueAt));
        Assert.Equal("Lê Văn Tám", a.ApplicantName);
        Assert.Contains(ApplicationAction.Forward, a.AvailableActions(Specialist));
        Assert.Null(a.Apply(new TransitionRequest(ApplicationAction.Forward), Specialist, Time, Monday));
        Assert.Equal(2, a.CurrentStep);
    }

    [Fact]
    public void One_waiting_for_a_supplement_is_paused_and_resumes_in_progress()
    {
        var asked = Received + Duration.FromHours(5);
        var a = Import(Line(ApplicationStatus.SupplementRequested, events: [new ImportedEvent(asked, "request-supplement", "Phạm Minh Quân", null, null)]));
        Assert.Equal((asked, ApplicationStatus.InProgress), (a.PausedAt!.Value, a.ResumeStatus!.Value));
        Assert.Equal(ApplicationStatus.SupplementRequested, a.Events.Single().ToStatus);
    }
}
