using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using static AgentGuard.Extensions.AI.Tests.GuardHost;

namespace AgentGuard.Extensions.AI.Tests;

/// <summary>
/// "Cancel my meeting" asks for a deletion: a tool that deletes the meeting is inside the prompt-implied task scope.
/// A deletion no message of the user's asks for still needs a human. Found replaying API-Bank's dialogues
/// (<c>DeleteMeeting</c> after "I need to cancel my reservation for the Board Meeting"). Zero configuration.
/// </summary>
public sealed class CancelNamesADeletionTests
{
    private int _deleted;

    private async Task<int> RunAsync(string prompt)
    {
        var approver = new FixedApprover(false);
        await using var services = Create("""{ "AgentGuard": {} }""", b => b.AddDefaultPolicyPack(), s => s.AddSingleton<IApprovalHandler>(approver));
        var client = new ChatClientBuilder(new ScriptedChatClient(
                ScriptedChatClient.CallTools(("c0", "DeleteMeeting", Args(("meeting_topic", "Board Meeting")))),
                ScriptedChatClient.Say("Done.")))
            .UseAgentGuard().UseFunctionInvocation().Build(services);
        await client.GetResponseAsync(prompt, new ChatOptions
        {
            Tools = [AIFunctionFactory.Create((string meeting_topic) => { Interlocked.Increment(ref _deleted); return "success"; }, "DeleteMeeting", "This API allows users to delete a reservation for a meeting.")],
            AdditionalProperties = new AdditionalPropertiesDictionary { [GuardContextKeys.SessionId] = Guid.NewGuid().ToString() },
        });
        return approver.Asked;
    }

    [Theory]
    [InlineData("I need to cancel my reservation for the Board Meeting on April 5th.")]
    [InlineData("Please cancel the Board Meeting.")]
    public async Task UserCancels_TheDeletionRuns(string prompt)
    {
        (await RunAsync(prompt)).Should().Be(0);
        _deleted.Should().Be(1);
    }

    [Theory]
    [InlineData("What is on my calendar for April 5th?")]
    [InlineData("Remind me about the Board Meeting on April 5th.")]
    public async Task NoMessageAsksForIt_TheDeletionNeedsApproval(string prompt)
    {
        (await RunAsync(prompt)).Should().BeGreaterThan(0);
        _deleted.Should().Be(0);
    }
}
