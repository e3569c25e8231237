using System.Globalization;
using Xunit.Abstractions;

namespace AgentGuard.Extensions.AI.Tests.Replay.Conversations;

/// <summary>
/// Recorded sessions of a real agent serving customers (tau-bench's gpt-4o airline sessions), replayed turn by turn
/// through the real M.E.AI pipeline: how often does AgentGuard get in the way of traffic it was not written for?
/// Figures are reported on the held-out part; the tuning part's interruptions are printed, the held-out part's are not.
/// </summary>
public sealed class ConversationReplayTests(ITestOutputHelper output)
{
    /// <summary>Issue 15's bound on benign sessions interrupted under zero configuration.</summary>
    private const double MaxInterruptedRate = 0.10;

    [Fact]
    public void Corpus_EveryCallIsToATool_OfTheRecordedCatalogue()
    {
        var conversations = ConversationCorpus.Conversations;
        conversations.Should().HaveCount(200);
        conversations.Sum(c => c.Calls.Count()).Should().Be(1164);
        foreach (var conversation in conversations)
        {
            var tools = ConversationCorpus.CatalogueOf(conversation).Tools;
            conversation.Turns.Should().NotBeEmpty();
            conversation.Calls.Where(call => !tools.ContainsKey(call.Tool)).Should().BeEmpty(conversation.Id);
            conversation.Source.Should().Contain("tau-bench");
        }
    }

    [Fact]
    public void Split_HoldsOutAThirdOfTheTasks_WithEveryTrialOnOneSide()
    {
        var byTask = ConversationCorpus.Conversations.GroupBy(c => c.Task).ToList();
        byTask.Should().OnlyContain(task => task.Select(c => c.IsHeldOut).Distinct().Count() == 1);
        byTask.Count(task => task.First().IsHeldOut).Should().Be(15, "30 % of 50 tasks");
    }

    [Fact]
    public async Task Replay_WithoutAnyPolicy_EveryRecordedCallRuns()
    {
        // The replay itself is faithful: with nothing configured, every recorded call reaches its tool.
        foreach (var conversation in ConversationCorpus.Conversations)
        {
            var outcome = await ConversationRunner.RunAsync(conversation, ReplayPolicy.None);
            outcome.Executed.Should().Be(outcome.Calls, conversation.Id);
            outcome.ApprovalsAsked.Should().Be(0, conversation.Id);
        }
    }

    [Fact]
    public async Task Replay_HeldOut_ZeroConfiguration_InterruptsFewSessions()
    {
        var outcomes = await ReplayAsync(heldOut: true);
        var figure = Figure("Held-out", outcomes);
        output.WriteLine(figure);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "conversation-figures-held-out.md"), figure);
        Rate(outcomes).Should().BeLessThanOrEqualTo(MaxInterruptedRate);
    }

    [Fact]
    public async Task Replay_Tuning_ZeroConfiguration_InterruptsFewSessions()
    {
        var outcomes = await ReplayAsync(heldOut: false);
        output.WriteLine(Figure("Tuning", outcomes));
        foreach (var outcome in outcomes.Where(o => o.Interrupted))
        {
            output.WriteLine($"{outcome.Conversation.Id}: {outcome.Calls - outcome.Executed} of {outcome.Calls} calls stopped | {string.Join(" | ", outcome.Stops)}");
        }

        Rate(outcomes).Should().BeLessThanOrEqualTo(MaxInterruptedRate);
    }

    private static async Task<List<ConversationOutcome>> ReplayAsync(bool heldOut)
    {
        var outcomes = new List<ConversationOutcome>();
        foreach (var conversation in ConversationCorpus.Conversations.Where(c => c.IsHeldOut == heldOut))
        {
            outcomes.Add(await ConversationRunner.RunAsync(conversation, ReplayPolicy.ZeroConfiguration));
        }

        return outcomes;
    }

    private static double Rate(List<ConversationOutcome> outcomes) => (double)outcomes.Count(o => o.Interrupted) / outcomes.Count;

    private static string Figure(string part, List<ConversationOutcome> outcomes)
        => string.Create(CultureInfo.InvariantCulture,
            $"{part} part, zero configuration: {outcomes.Count(o => o.Interrupted)} / {outcomes.Count} sessions interrupted ({Rate(outcomes):P1}); " +
            $"{outcomes.Sum(o => o.Calls - o.Executed)} / {outcomes.Sum(o => o.Calls)} calls stopped; {outcomes.Sum(o => o.ApprovalsAsked)} approvals asked");
}
