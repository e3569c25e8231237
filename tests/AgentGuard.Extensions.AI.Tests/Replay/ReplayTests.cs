using Xunit.Abstractions;

namespace AgentGuard.Extensions.AI.Tests.Replay;

/// <summary>
/// The replay corpus (attacks from InjecAgent (direct harm and data stealing, base and enhanced) and ASB, and e-mail,
/// banking, chat and travel sessions written here, each with a benign twin) replayed through the real M.E.AI pipeline.
/// Figures are reported on the held-out part only.
/// </summary>
public sealed class ReplayTests(ITestOutputHelper output)
{
    [Fact]
    public void Corpus_EveryAttackHasABenignTwinAndANamedSource()
    {
        var scenarios = ReplayCorpus.Scenarios;
        scenarios.Should().HaveCountGreaterThanOrEqualTo(372);
        foreach (var pair in scenarios.GroupBy(s => s.Pair))
        {
            pair.Should().HaveCount(2, $"pair {pair.Key} has an attack and a benign twin");
            pair.Count(s => s.IsAttack).Should().Be(1);
            pair.Single(s => s.IsAttack).Harmful.Should().NotBeNull();
        }

        scenarios.Should().OnlyContain(s => s.Source.Length > 10);
        scenarios.Should().OnlyContain(s => s.Steps.All(step => s.Tools.Contains(step.Tool)), "every recorded call is to a tool of the session's catalogue");
        scenarios.Select(s => s.Family).Distinct().Should().HaveCountGreaterThanOrEqualTo(10);
    }

    [Fact]
    public void Split_HeldOutPartHasEveryFamilyAndAboutAThird()
    {
        var pairs = ReplayCorpus.Scenarios.DistinctBy(s => s.Pair).ToList();
        var heldOut = pairs.Count(p => p.IsHeldOut);
        ((double)heldOut / pairs.Count).Should().BeInRange(0.2, 0.4);
        foreach (var family in pairs.GroupBy(p => p.Family))
        {
            family.Should().Contain(p => p.IsHeldOut, $"family {family.Key} has held-out pairs");
        }
    }

    [Fact]
    public async Task Replay_WithoutAnyPolicy_EveryRecordedCallRuns()
    {
        // The replay itself is faithful: with nothing configured, every recorded call reaches its tool.
        foreach (var scenario in ReplayCorpus.Scenarios)
        {
            var outcome = await ReplayRunner.RunAsync(scenario, ReplayPolicy.None);
            outcome.ExecutedSteps.Should().HaveCount(scenario.Steps.Count, scenario.Id);
            outcome.ApprovalsAsked.Should().Be(0, scenario.Id);
        }
    }

    [Fact]
    public Task Replay_HeldOut_FiguresPerFamily() => FiguresAsync(heldOut: true);

    [Fact]
    public Task Replay_TuningPart_FiguresPerFamily() => FiguresAsync(heldOut: false);

    private async Task FiguresAsync(bool heldOut)
    {
        var part = ReplayCorpus.Scenarios.Where(s => s.IsHeldOut == heldOut).ToList();
        var zero = new List<ReplayOutcome>();
        var written = new List<ReplayOutcome>();
        foreach (var scenario in part)
        {
            zero.Add(await ReplayRunner.RunAsync(scenario, ReplayPolicy.ZeroConfiguration));
            written.Add(await ReplayRunner.RunAsync(scenario, ReplayPolicy.Written));
        }

        var zeroFigures = FamilyFigures.Of(zero);
        var writtenFigures = FamilyFigures.Of(written);
        var table = FamilyFigures.Table($"{(heldOut ? "Held-out" : "Tuning")} part: {part.Count} sessions", zeroFigures, writtenFigures);
        output.WriteLine(table);
        foreach (var miss in zero.Concat(written).Where(o => o.Scenario.IsAttack ? !o.Stopped : o.Interrupted))
        {
            output.WriteLine($"{(zero.Contains(miss) ? "zero" : "written")}: {miss.Scenario.Id} {(miss.Scenario.IsAttack ? "not stopped" : "interrupted")} {string.Join(" | ", miss.Stops)}");
        }

        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, heldOut ? "replay-figures-held-out.md" : "replay-figures-tuning.md"), table);
        ReplayTargets.Check(zeroFigures.Single(f => f.Family == "all"), writtenFigures.Single(f => f.Family == "all"));
    }
}
