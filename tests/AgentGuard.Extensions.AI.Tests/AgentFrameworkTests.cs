using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using static AgentGuard.Extensions.AI.Tests.GuardHost;

namespace AgentGuard.Extensions.AI.Tests;

public sealed class AgentFrameworkTests
{
    private readonly Tools _tools = new();

    private static ScriptedChatClient DeleteThenRead() => new(
        ScriptedChatClient.CallTools(("c1", "delete_file", Args(("path", "/"))), ("c2", "read_file", Args(("path", "a")))),
        ScriptedChatClient.Say("done"));

    [Fact]
    public async Task UseAgentGuard_ChatClientAgent_DeniedNeverRunsAndAgentInContext()
    {
        var recording = new RecordingPolicy();
        await using var services = Create(configure: b => b.AddPolicy(recording));
        var inner = new ChatClientAgent(DeleteThenRead(), instructions: "You are the ops agent.", name: "ops-agent", tools: [_tools.DeleteFile, _tools.ReadFile]);
        var agent = inner.AsBuilder().UseAgentGuard().Build(services);

        var response = await agent.RunAsync("clean up");

        response.Text.Should().Be("done");
        _tools.Deleted.Should().Be(0);
        _tools.Read.Should().Be(1);
        var context = recording.Seen.Select(s => s.Context).First();
        context.Agent!.Name.Should().Be("ops-agent");
        context.Agent.Id.Should().Be(inner.Id);
        context.Agent.Instructions.Should().Be("You are the ops agent.");
        context.Prompt.Should().Be("clean up");
    }

    [Fact]
    public async Task UseAgentGuard_Streaming_DeniedNeverRuns()
    {
        await using var services = Create();
        var agent = new ChatClientAgent(DeleteThenRead(), name: "ops", tools: [_tools.DeleteFile, _tools.ReadFile]).AsBuilder().UseAgentGuard().Build(services);

        await foreach (var update in agent.RunStreamingAsync("clean up"))
        {
            _ = update;
        }

        _tools.Deleted.Should().Be(0);
        _tools.Read.Should().Be(1);
    }

    [Fact]
    public async Task UseAgentGuard_ChatClientAlsoGuarded_EachCallEvaluatedOnce()
    {
        var recording = new RecordingPolicy();
        await using var services = Create(configure: b => b.AddPolicy(recording));
        var chat = new ChatClientBuilder(DeleteThenRead()).UseAgentGuard().UseFunctionInvocation().Build(services);
        var agent = new ChatClientAgent(chat, name: "ops", tools: [_tools.DeleteFile, _tools.ReadFile]).AsBuilder().UseAgentGuard().Build(services);

        await agent.RunAsync("clean up");

        recording.Seen.Select(s => s.Call.CallId).Should().Equal("c1", "c2");
        _tools.Deleted.Should().Be(0);
        _tools.Read.Should().Be(1);
    }

    [Fact]
    public async Task UseAgentGuard_ApprovalWithInProcessHandler_Runs()
    {
        var approver = new FixedApprover(true);
        await using var services = Create(configure: b => b.AddApprovalHandler(approver));
        var model = new ScriptedChatClient(ScriptedChatClient.CallTools(("c1", "pay", Args(("to", "bob"), ("amount", 500)))), ScriptedChatClient.Say("paid"));
        var agent = new ChatClientAgent(model, name: "pay", tools: [_tools.Pay]).AsBuilder().UseAgentGuard().Build(services);

        await agent.RunAsync("pay bob");

        approver.Asked.Should().Be(1);
        _tools.Paid.Should().Be(1);
    }
}
