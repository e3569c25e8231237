using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using static AgentGuard.Extensions.AI.Tests.GuardHost;

namespace AgentGuard.Extensions.AI.Tests;

/// <summary>
/// "Block the next hour" after the agent read the calendar (third-party content: invitations) asks for the event the
/// agent creates, zero configuration — found replaying ToolTalk's conversations. "Block" without a stretch of time
/// ("block this sender") is a refusal, not an event, and still asks. Through the real
/// <see cref="FunctionInvokingChatClient"/>; ToolTalk's tool names and descriptions.
/// </summary>
public sealed class BlockTimeCreatesAnEventTests
{
    private int _created;

    private async Task<int> RunAsync(string prompt)
    {
        var approver = new FixedApprover(false);
        await using var services = Create("""{ "AgentGuard": {} }""", b => b.AddDefaultPolicyPack(), s => s.AddSingleton<IApprovalHandler>(approver));
        var tools = new List<AITool>
        {
            AIFunctionFactory.Create((string start_time, string end_time) => """{"events": []}""", "QueryCalendar", "Query for events that occur in a time range."),
            AIFunctionFactory.Create((string name, string event_type, string start_time, string end_time) => { Interlocked.Increment(ref _created); return """{"event_id": "e149636f-d9ca"}"""; }, "CreateEvent", "Adds events to a user's calendar."),
        };
        var client = new ChatClientBuilder(new ScriptedChatClient(
                ScriptedChatClient.CallTools(("c0", "QueryCalendar", Args(("start_time", "2023-09-11 13:20:00"), ("end_time", "2023-09-11 14:20:00")))),
                ScriptedChatClient.CallTools(("c1", "CreateEvent", Args(("name", "Walk"), ("event_type", "event"), ("start_time", "2023-09-11 13:20:00"), ("end_time", "2023-09-11 14:20:00")))),
                ScriptedChatClient.Say("Done.")))
            .UseAgentGuard().UseFunctionInvocation().Build(services);
        await client.GetResponseAsync(prompt, new ChatOptions
        {
            Tools = tools,
            AdditionalProperties = new AdditionalPropertiesDictionary { [GuardContextKeys.SessionId] = Guid.NewGuid().ToString() },
        });
        return approver.Asked;
    }

    [Theory]
    [InlineData("Do I have an hour for a walk? If so, please block the next hour for me.")]
    [InlineData("Block off six days starting 10/2 as tentative vacation days.")]
    [InlineData("Check my afternoon and block 2 hours for focus work.")]
    public async Task BlockAStretchOfTime_CreatesTheEvent(string prompt)
    {
        (await RunAsync(prompt)).Should().Be(0);
        _created.Should().Be(1);
    }

    [Theory]
    [InlineData("Check my calendar and block this sender.", "'block' with no stretch of time is a refusal")]
    [InlineData("What is on my calendar this afternoon?", "nothing asks for an event")]
    [InlineData("Block the spam from that hour-long webinar.", "a time word after another word is not the block's object")]
    public async Task NoStretchOfTimeBlocked_TheEventNeedsApproval(string prompt, string because)
    {
        (await RunAsync(prompt)).Should().BeGreaterThan(0, because);
        _created.Should().Be(0);
    }
}
