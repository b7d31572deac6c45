using Deconflict.Core.Hotline;

namespace Deconflict.Core.Tests.Hotline;

public class HotlineEscalationTests
{
    private static readonly DateTimeOffset Sent = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly HotlineTemplate Request = HotlineTemplates.Find(HotlineTemplates.RequestHold)!;

    private static HotlineAckState State(IReadOnlyCollection<string>? acked = null, DateTimeOffset? escalatedAt = null) =>
        new("MSG-1", true, HotlineEscalation.AckDeadline(Request, Sent, TimeSpan.FromSeconds(300)), ["ru-mod"], acked ?? [], escalatedAt);

    [Fact]
    public void The_deadline_comes_from_the_agreement_and_only_for_requests()
    {
        HotlineEscalation.AckDeadline(Request, Sent, TimeSpan.FromSeconds(300)).ShouldBe(Sent.AddMinutes(5));
        HotlineEscalation.AckDeadline(HotlineTemplates.Find("WILCO")!, Sent, TimeSpan.FromSeconds(300)).ShouldBeNull();
    }

    [Fact]
    public void A_deadline_passing_escalates_exactly_once()
    {
        var state = State();
        var escalations = 0;
        DateTimeOffset? escalatedAt = null;
        // A background service polling every 7 s for 20 minutes, recording the escalation as the store would.
        for (var now = Sent; now < Sent.AddMinutes(20); now = now.AddSeconds(7))
        {
            var decision = HotlineEscalation.Decide(state with { EscalatedAt = escalatedAt }, now);
            if (decision.Escalate)
            {
                escalations++;
                escalatedAt = now;
                now.ShouldBeGreaterThanOrEqualTo(Sent.AddMinutes(5));
                decision.OverdueParties.ShouldBe(["ru-mod"]);
            }
        }
        escalations.ShouldBe(1);
    }

    [Fact]
    public void Before_the_deadline_nothing_escalates_and_the_next_check_is_the_deadline()
    {
        var decision = HotlineEscalation.Decide(State(), Sent.AddMinutes(4));
        decision.Escalate.ShouldBeFalse();
        decision.NextCheck.ShouldBe(Sent.AddMinutes(5));
        HotlineEscalation.IsOverdue(State(), Sent.AddMinutes(4)).ShouldBeFalse();
        HotlineEscalation.IsOverdue(State(), Sent.AddMinutes(5)).ShouldBeTrue();
    }

    [Fact]
    public void An_acknowledged_message_never_escalates()
    {
        var acked = State(acked: ["ru-mod"]);
        HotlineEscalation.Decide(acked, Sent.AddHours(1)).Escalate.ShouldBeFalse();
        HotlineEscalation.IsOverdue(acked, Sent.AddHours(1)).ShouldBeFalse();
    }

    [Fact]
    public void Every_recipient_must_acknowledge()
    {
        var state = State() with { Recipients = ["a", "b", "c"], AckedBy = ["b"] };
        HotlineEscalation.Decide(state, Sent.AddMinutes(6)).OverdueParties.ShouldBe(["a", "c"]);
    }

    [Fact]
    public void Messages_without_acknowledgement_never_escalate()
    {
        var state = new HotlineAckState("MSG-2", false, null, ["ru-mod"], [], null);
        HotlineEscalation.Decide(state, Sent.AddDays(1)).ShouldBe(new HotlineEscalationDecision(false, [], null));
    }
}
