using Assistant.Core.WhatsApp.Outbound;
using Assistant.Worker.Sending;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Outbound;

/// <summary>Pacing measured on a FakeTimeProvider: the waits the pacer hands out are exact.</summary>
public sealed class SendPacerTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-05-04T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private SendPacer Pacer(double perSecond = 80, int burst = 20, int pairBurst = 4) => new(Options.Create(new OutboundOptions
    {
        NumberMessagesPerSecond = perSecond,
        NumberBurst = burst,
        PairInterval = TimeSpan.FromSeconds(6),
        PairBurst = pairBurst,
    }), _time);

    [Fact]
    public void A_number_gets_its_burst_at_once_then_exactly_its_rate()
    {
        var pacer = Pacer();

        var waits = Enumerable.Range(0, 180).Select(_ => pacer.ReserveNumber("n1")).ToList();

        Assert.All(waits.Take(20), w => Assert.Equal(TimeSpan.Zero, w));
        // Message k (0-based) past the burst may go at (k - 19) / 80 s.
        Assert.Equal(TimeSpan.FromSeconds(1.0 / 80), waits[20]);
        Assert.Equal(TimeSpan.FromSeconds(160.0 / 80), waits[179]);
        var sendTimes = waits.Select(w => w.TotalSeconds).ToList();
        var inLastSecond = sendTimes.Count(t => t > sendTimes[^1] - 1);
        Assert.Equal(80, inLastSecond);
    }

    [Fact]
    public void Numbers_are_paced_independently()
    {
        var pacer = Pacer(burst: 1);

        Assert.Equal(TimeSpan.Zero, pacer.ReserveNumber("n1"));
        Assert.Equal(TimeSpan.Zero, pacer.ReserveNumber("n2"));
        Assert.True(pacer.ReserveNumber("n1") > TimeSpan.Zero);
    }

    [Fact]
    public void A_pair_gets_a_small_burst_then_one_message_every_six_seconds_and_recovers_when_idle()
    {
        var pacer = Pacer();

        var waits = Enumerable.Range(0, 6).Select(_ => pacer.ReservePair("n1", "u1")).ToList();

        Assert.Equal([0, 0, 0, 0, 6, 12], waits.Select(w => w.TotalSeconds));
        Assert.Equal(TimeSpan.Zero, pacer.ReservePair("n1", "u2"));

        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(TimeSpan.Zero, pacer.ReservePair("n1", "u1"));
    }

    [Fact]
    public void A_throttling_error_pushes_the_next_slot_back()
    {
        var pacer = Pacer();

        pacer.PenalizePair("n1", "u1", TimeSpan.FromSeconds(10));
        pacer.PenalizeNumber("n1", TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(10), pacer.ReservePair("n1", "u1"));
        Assert.Equal(TimeSpan.FromSeconds(2), pacer.ReserveNumber("n1"));
    }
}
