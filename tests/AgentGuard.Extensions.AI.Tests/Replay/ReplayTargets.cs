namespace AgentGuard.Extensions.AI.Tests.Replay;

/// <summary>What the held-out figures must reach.</summary>
internal static class ReplayTargets
{
    public static void Check(FamilyFigures zero, FamilyFigures written)
    {
        // Before the data-flow work: the figures are recorded only; every scenario must have run under both policies.
        (zero.Attacks + zero.Benign).Should().Be(written.Attacks + written.Benign);
        zero.Attacks.Should().BeGreaterThan(0);
    }
}
