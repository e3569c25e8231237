namespace AgentGuard.Tests.Decisions;

/// <summary>Named transitions keep every property of a decision; only what the step changes is new.</summary>
public sealed class DecisionTransitionTests
{
    private static readonly Decision NeedsApproval = new()
    {
        Effect = DecisionEffect.RequireApproval,
        PolicyEffect = DecisionEffect.RequireApproval,
        RuleIds = ["approve-pay"],
        Reason = "large payment",
        Evidence = ["$.amount=500"],
        ModelMessage = "pay was not run: it requires approval by a person first.",
        Alert = true,
        IsFailure = false,
        Terminate = true,
        Tags = ["payment"],
    };

    [Fact]
    public void Approved_RequiredApproval_AllowsAndKeepsTheRest()
    {
        var approved = NeedsApproval.Approved("approved by alice");

        approved.Should().BeEquivalentTo(NeedsApproval with { Effect = DecisionEffect.Allow, Reason = "large payment; approved by alice", Terminate = false });
        approved.PolicyEffect.Should().Be(DecisionEffect.RequireApproval, "what the policy decided is kept for the audit");
    }

    [Fact]
    public void Rejected_RequiredApproval_DeniesWithTheNewMessageAndKeepsTheRest()
    {
        var rejected = NeedsApproval.Rejected("rejected by bob", "pay was not run: it requires approval, which was not given.");

        rejected.Should().BeEquivalentTo(NeedsApproval with { Effect = DecisionEffect.Deny, Reason = "large payment; rejected by bob", ModelMessage = "pay was not run: it requires approval, which was not given." });
    }

    [Fact]
    public void Shadowed_Denial_AllowsButRecordsWhatThePolicyDecided()
    {
        var denial = NeedsApproval with { Effect = DecisionEffect.Deny, PolicyEffect = DecisionEffect.Deny };

        var shadowed = denial.Shadowed();

        shadowed.Should().BeEquivalentTo(denial with { Effect = DecisionEffect.Allow, IsShadow = true, Terminate = false });
    }

    [Fact]
    public void Shadowed_Allow_IsTheSameDecision()
    {
        var allow = new Decision { Effect = DecisionEffect.Allow, PolicyEffect = DecisionEffect.Allow };

        allow.Shadowed().Should().BeSameAs(allow);
    }
}
