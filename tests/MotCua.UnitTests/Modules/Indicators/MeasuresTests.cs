using MotCua.Web.Modules.Applications.Public;
using MotCua.Web.Modules.Calendar.Public;
using MotCua.Web.Modules.Indicators;
using MotCua.Web.Modules.Indicators.Domain;
using NodaTime;

namespace MotCua.UnitTests.Modules.Indicators;

public sealed class MeasuresTests
{
    // 23:30 on 1 December in Vietnam is still 1 December there, though 16:30 UTC.
    private static readonly Instant LateEvening = Instant.FromUtc(2026, 12, 1, 16, 30);
    private static readonly Instant NextMorning = Instant.FromUtc(2026, 12, 2, 2, 0);

    private static ApplicationFigure Figure(Channel channel = Channel.OnlineRemote, Instant? received = null, Instant? finished = null, Timeliness? timeliness = null,
        Instant? returned = null, ReturnChannel? how = null, bool fee = false, bool digitized = true) =>
        new(1, "000.01.00.H99-261201-0001", 7, "1.001193", channel, ApplicationStatus.InProgress, received, finished, timeliness, returned, how, fee, digitized);

    private static string[] Names(IReadOnlyList<CountKey> keys) => [.. keys.Select(k => $"{k.Day}:{k.Measure}").Order(StringComparer.Ordinal)];

    [Fact]
    public void An_application_not_yet_received_counts_nowhere() =>
        Assert.Empty(Measures.Of(Figure(received: null), paidOnline: false));

    [Fact]
    public void Received_late_in_the_evening_counts_on_that_day_in_Vietnam()
    {
        var keys = Measures.Of(Figure(received: LateEvening), paidOnline: false);
        Assert.Equal(["20261201:received", "20261201:received.digitized", "20261201:received.remote"], Names(keys));
        Assert.All(keys, k => Assert.Equal((7, "1.001193"), (k.UnitId, k.ProcedureCode)));
    }

    [Fact]
    public void A_postal_application_with_a_fee_paid_online_finished_late_and_returned_by_post()
    {
        var keys = Measures.Of(Figure(Channel.Postal, LateEvening, NextMorning, Timeliness.Late, NextMorning, ReturnChannel.Postal, fee: true, digitized: false), paidOnline: true);
        Assert.Equal(
        [
            "20261201:received", "20261201:received.paid-online", "20261201:received.postal", "20261201:received.with-fee",
            "20261202:finished", "20261202:finished.late", "20261202:returned", "20261202:returned.postal",
        ], Names(keys));
    }

    [Fact]
    public void Handled_online_end_to_end_only_when_it_came_in_and_went_out_online()
    {
        var online = Measures.Of(Figure(received: LateEvening, finished: NextMorning, timeliness: Timeliness.Early, returned: NextMorning, how: ReturnChannel.Online), false);
        Assert.Contains(online, k => k.Measure == Measures.ReturnedFullOnline);
        var desk = Measures.Of(Figure(Channel.Counter, LateEvening, NextMorning, Timeliness.OnTime, NextMorning, ReturnChannel.Online), false);
        Assert.DoesNotContain(desk, k => k.Measure == Measures.ReturnedFullOnline);
        Assert.Contains(desk, k => k.Measure == Measures.FinishedOnTime);
    }

    [Fact]
    public void A_fee_paid_online_is_not_counted_without_the_fee_and_a_withdrawal_has_no_timeliness()
    {
        var keys = Measures.Of(Figure(Channel.Counter, LateEvening, finished: NextMorning, timeliness: null, fee: false), paidOnline: true);
        Assert.DoesNotContain(keys, k => k.Measure is Measures.ReceivedPaidOnline or Measures.Finished);
    }

    [Fact]
    public void Only_the_difference_is_written_and_the_same_state_twice_writes_nothing()
    {
        var received = Measures.Of(Figure(received: LateEvening), false);
        var finished = Measures.Of(Figure(received: LateEvening, finished: NextMorning, timeliness: Timeliness.Early), false);
        Assert.Empty(Measures.Changes(received, received));
        var changes = Measures.Changes(received, finished);
        Assert.Equal(["20261202:finished.early:1", "20261202:finished:1"], changes.Select(c => $"{c.Key.Day}:{c.Key.Measure}:{c.Delta}").Order(StringComparer.Ordinal));
        Assert.Equal(received.Count, Measures.Changes(received, []).Count(c => c.Delta == -1));
    }

    [Fact]
    public void What_an_application_added_reads_back_as_written()
    {
        var keys = Measures.Of(Figure(Channel.Postal, LateEvening, NextMorning, Timeliness.Late, NextMorning, ReturnChannel.Postal, fee: true), true);
        Assert.Equal(keys.ToHashSet(), Measures.Read(Measures.Write(keys)).ToHashSet());
        Assert.Empty(Measures.Read(null));
    }

    [Fact]
    public void Every_definition_divides_known_sets_and_each_indicator_has_one_default()
    {
        foreach (var d in IndicatorDefinitions.All)
        {
            Assert.True(CountableSets.All.ContainsKey(d.Numerator), d.Numerator);
            Assert.True(CountableSets.All.ContainsKey(d.Denominator), d.Denominator);
        }

        Assert.All(IndicatorDefinitions.Ids, id => Assert.Single(IndicatorDefinitions.All, d => d.Id == id && d.Variant == IndicatorDefinitions.Default));
        Assert.Contains("online-application-rate", IndicatorDefinitions.Ids);
        Assert.Contains("on-time-rate", IndicatorDefinitions.Ids);
        Assert.Contains("postal-rate", IndicatorDefinitions.Ids);
        Assert.Contains("online-payment-rate", IndicatorDefinitions.Ids);
    }

    [Fact]
    public void A_variant_the_province_names_must_exist()
    {
        var options = new IndicatorOptions { Variants = { ["online-payment-rate"] = "procedures-paid", ["postal-rate"] = "by-bicycle", ["no-such"] = "x" } };
        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(e => e.ErrorMessage).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e!.Contains("postal-rate", StringComparison.Ordinal) && e.Contains("returns", StringComparison.Ordinal));
    }
}
