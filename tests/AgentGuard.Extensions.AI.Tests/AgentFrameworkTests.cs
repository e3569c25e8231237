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
    public async Task AddAgentFrameworkContext_GuardedChatClientInAgent_AgentReachesEngine()
    {
        var recording = new RecordingPolicy();
        await using var services = Create(configure: b => b.AddPolicy(recording).AddAgentFrameworkContext());
        var chat = new ChatClientBuilder(DeleteThenRead()).UseAgentGuard().UseFunctionInvocation().Build(services);
        var agent = new ChatClientAgent(chat, instructions: "Ops only.", name: "ops", tools: [_tools.DeleteFile, _tools.ReadFile]);

        await foreach (var update in agent.RunStreamingAsync("clean up"))
        {
            _ = update;
        }

        var seen = recording.Seen.Select(s => s.Context.Agent).ToList();
        seen.Should().HaveCount(2).And.OnlyContain(a => a!.Id == agent.Id && a.Name == "ops" && a.Instructions == "Ops only.");
        _tools.Deleted.Should().Be(0);
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

public sealed class AgentApprovalTests
{
    private readonly Tools _tools = new();

    private static ScriptedChatClient PayModel() => new(
        ScriptedChatClient.CallTools(("c1", "pay", Args(("to", "bob"), ("amount", 500))), ("c2", "read_file", Args(("path", "a")))),
        ScriptedChatClient.Say("first done"),
        ScriptedChatClient.Say("second done"));

    [Fact]
    public async Task GuardedChatClientInAgent_AutoApprovalByAgentFramework_NeverRunsTheCall()
    {
        await using var services = Create();
        var chat = new ChatClientBuilder(PayModel()).UseAgentGuard().UseFunctionInvocation().Build(services);
        var agent = new ChatClientAgent(chat, name: "pay", tools: [_tools.Pay, _tools.ReadFile]);
        var session = await agent.CreateSessionAsync();

        await agent.RunAsync("pay bob", session);
        await agent.RunAsync("anything else?", session);

        _tools.Paid.Should().Be(0, "Agent Framework auto-approves calls to tools it believes need no approval; that is not a person's approval");
        _tools.Read.Should().Be(1);
    }

    [Fact]
    public async Task GuardedChatClientInAgent_BypassingDisabled_NativeApprovalRoundTrip()
    {
        await using var services = Create();
        var chat = new ChatClientBuilder(PayModel()).UseAgentGuard().UseFunctionInvocation().Build(services);
        var agent = new ChatClientAgent(chat, new ChatClientAgentOptions
        {
            Name = "pay",
            ChatOptions = new ChatOptions { Tools = [_tools.Pay, _tools.ReadFile] },
            DisableApprovalNotRequiredFunctionBypassing = true,
        });
        var session = await agent.CreateSessionAsync();

        var first = await agent.RunAsync("pay bob", session);
        var request = first.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>().Single();
        _tools.Paid.Should().Be(0);
        await agent.RunAsync(new ChatMessage(ChatRole.User, [request.CreateResponse(approved: true)]), session);

        _tools.Paid.Should().Be(1);
    }
}
