using Deconflict.Core.Strategic;

namespace Deconflict.Core.Tests.Strategic;

public class IntentTransitionsTests
{
    [Theory]
    [InlineData(null, IntentState.Accepted, true)]
    [InlineData(null, IntentState.Activated, false)]
    [InlineData(null, IntentState.Ended, false)]
    [InlineData(IntentState.Accepted, IntentState.Accepted, true)]
    [InlineData(IntentState.Accepted, IntentState.Activated, true)]
    [InlineData(IntentState.Accepted, IntentState.Nonconforming, true)]
    [InlineData(IntentState.Accepted, IntentState.Contingent, true)]
    [InlineData(IntentState.Accepted, IntentState.Ended, true)]
    [InlineData(IntentState.Activated, IntentState.Accepted, false)]
    [InlineData(IntentState.Activated, IntentState.Nonconforming, true)]
    [InlineData(IntentState.Activated, IntentState.Ended, true)]
    [InlineData(IntentState.Nonconforming, IntentState.Activated, true)]
    [InlineData(IntentState.Nonconforming, IntentState.Accepted, false)]
    [InlineData(IntentState.Nonconforming, IntentState.Contingent, true)]
    [InlineData(IntentState.Contingent, IntentState.Activated, false)]
    [InlineData(IntentState.Contingent, IntentState.Nonconforming, false)]
    [InlineData(IntentState.Contingent, IntentState.Contingent, true)]
    [InlineData(IntentState.Contingent, IntentState.Ended, true)]
    [InlineData(IntentState.Ended, IntentState.Accepted, false)]
    [InlineData(IntentState.Ended, IntentState.Ended, false)]
    public void Only_the_F3548_transitions_are_allowed(IntentState? from, IntentState to, bool allowed)
    {
        IntentTransitions.IsAllowed(from, to).ShouldBe(allowed);
    }

    [Fact]
    public void A_contingent_intent_can_only_stay_or_end()
    {
        IntentTransitions.AllowedFrom(IntentState.Contingent).ShouldBe([IntentState.Contingent, IntentState.Ended]);
    }
}
