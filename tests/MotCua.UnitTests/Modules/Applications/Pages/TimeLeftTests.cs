using MotCua.Web.Modules.Applications.Domain;
using MotCua.Web.Modules.Applications.Pages;
using NodaTime;
using static MotCua.UnitTests.Modules.Applications.ApplicationFixture;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Applications.Public;

namespace MotCua.UnitTests.Modules.Applications.Pages;

/// <summary>The inbox's "time left", in working time (8 working hours make a day), coloured by urgency.</summary>
public sealed class TimeLeftTests
{
    private static readonly Instant Due = Monday + Duration.FromHours(40);

    [Theory]
    [InlineData(-16, "còn 2 ngày", Urgency.Ok)]
    [InlineData(-8, "còn 1 ngày", Urgency.Ok)]
    [InlineData(-3, "còn 3 giờ", Urgency.Soon)]
    [InlineData(-0.5, "còn dưới 1 giờ", Urgency.Soon)]
    [InlineData(0.5, "quá hạn dưới 1 giờ", Urgency.Overdue)]
    [InlineData(5, "quá hạn 5 giờ", Urgency.Overdue)]
    [InlineData(9, "quá hạn 1 ngày", Urgency.Overdue)]
    public void Time_left_is_told_in_days_or_hours(double hoursFromDue, string text, Urgency urgency)
    {
        var left = TimeLeft.Of(ApplicationStatus.InProgress, Due, null, null, Time, Due + Duration.FromHours(hoursFromDue));

        Assert.Equal(text, left.Text);
        Assert.Equal(urgency, left.Urgency);
        Assert.Equal("urgency-" + urgency.ToString().ToLowerInvariant(), left.CssClass);
    }

    [Fact]
    public void The_new_date_after_an_apology_is_the_one_that_counts()
    {
        var left = TimeLeft.Of(ApplicationStatus.InProgress, Due, Due + Duration.FromHours(24), null, Time, Due + Duration.FromHours(1));

        Assert.Equal("còn 2 ngày", left.Text);
    }

    [Theory]
    [InlineData(ApplicationStatus.SupplementRequested)]
    [InlineData(ApplicationStatus.AwaitingPayment)]
    [InlineData(ApplicationStatus.Suspended)]
    public void A_stopped_clock_says_so(ApplicationStatus status)
    {
        Assert.Equal(Urgency.Paused, TimeLeft.Of(status, Due, null, null, Time, Due + Duration.FromDays(3)).Urgency);
    }

    [Fact]
    public void A_finished_application_shows_its_timeliness()
    {
        Assert.Equal(new TimeLeft("Trễ hạn", Urgency.Overdue), TimeLeft.Of(ApplicationStatus.ResultReady, Due, null, Timeliness.Late, Time, Due));
        Assert.Equal(new TimeLeft("Đúng hạn", Urgency.Done), TimeLeft.Of(ApplicationStatus.Returned, Due, null, Timeliness.OnTime, Time, Due));
        Assert.Equal(Urgency.Done, TimeLeft.Of(ApplicationStatus.NotAccepted, Due, null, null, Time, Due + Duration.FromDays(9)).Urgency);
    }

    [Fact]
    public void A_received_application_counts_down_to_its_due_date()
    {
        var a = In(ApplicationStatus.InProgress);

        Assert.Equal(Urgency.Soon, TimeLeft.Of(a, Time, a.DueAt!.Value - Duration.FromHours(2)).Urgency);
        Assert.Equal(Urgency.Overdue, TimeLeft.Of(a, Time, a.DueAt!.Value + Duration.FromHours(2)).Urgency);
    }
}
