using System.Diagnostics;
using Microsoft.Extensions.AI;
using static AgentGuard.Extensions.AI.Tests.GuardHost;

namespace AgentGuard.Extensions.AI.Tests;

/// <summary>Several agents in one host: each pipeline names its agent and policy; telemetry shows denials on the framework's own span.</summary>
public sealed class PipelineContextTests
{
    private const string PerAgentPolicy = """
        {
          "AgentGuard": {
            "Rules": [ { "Id": "billing-no-delete", "Effect": "Deny", "Match": { "Tools": [ "delete_file" ] }, "When": { "Agents": [ "billing" ] } } ]
          }
        }
        """;

    private static ScriptedChatClient DeleteThenDone() => new(
        ScriptedChatClient.CallTools(("c1", "delete_file", Args(("path", "/ledger"))), ("c2", "read_file", Args(("path", "a.txt")))),
        ScriptedChatClient.Say("done"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UseAgentGuard_PerPipelineAgentId_RulesMatchThatAgentOnly(bool streaming)
    {
        await using var services = Create(PerAgentPolicy);
        var tools = new Tools();
        var billing = new ChatClientBuilder(DeleteThenDone()).UseAgentGuard(o => { o.AgentId = "billing"; o.AgentName = "Billing"; }).UseFunctionInvocation().Build(services);
        var support = new ChatClientBuilder(DeleteThenDone()).UseAgentGuard(o => o.AgentId = "support").UseFunctionInvocation().Build(services);
        var options = new ChatOptions { Tools = [tools.DeleteFile, tools.ReadFile] };

        if (streaming)
        {
            await billing.GetStreamingResponseAsync("clean up", options).ToListAsync();
        }
        else
        {
            await billing.GetResponseAsync("clean up", options);
        }

        tools.Deleted.Should().Be(0, "the billing agent may not delete");
        tools.Read.Should().Be(1);

        await support.GetResponseAsync("clean up", options);

        tools.Deleted.Should().Be(1, "the support agent is not covered by the rule");
    }

    [Fact]
    public async Task UseAgentGuard_RequestAgentIdProperty_WinsOverThePipeline()
    {
        await using var services = Create(PerAgentPolicy);
        var tools = new Tools();
        var client = new ChatClientBuilder(DeleteThenDone()).UseAgentGuard(o => o.AgentId = "support").UseFunctionInvocation().Build(services);

        await client.GetResponseAsync("clean up", new ChatOptions
        {
            Tools = [tools.DeleteFile, tools.ReadFile],
            AdditionalProperties = new() { [GuardContextKeys.AgentId] = "billing" },
        });

        tools.Deleted.Should().Be(0);
    }

    [Fact]
    public async Task UseAgentGuard_KeepsTheEnclosingScopesSession()
    {
        await using var services = Create(PerAgentPolicy);
        var tools = new Tools();
        var client = new ChatClientBuilder(DeleteThenDone()).UseAgentGuard(o => o.AgentId = "support").UseFunctionInvocation().Build(services);

        using (AgentGuardScope.Begin(new GuardContext { SessionId = "s-outer" }))
        {
            await client.GetResponseAsync("clean up", new ChatOptions { Tools = [tools.DeleteFile, tools.ReadFile] });
        }

        tools.Scopes.Should().ContainSingle().Which!.Context.Should().Match<GuardContext>(c => c.SessionId == "s-outer" && c.Agent!.Id == "support");
    }

    [Fact]
    public async Task UseAgentGuard_NamedPolicyPerPipeline_DecidesThatPipelinesCalls()
    {
        await using var services = Create("""
            {
              "AgentGuard": {
                "Policies": {
                  "billing": { "DefaultDecision": "Deny", "Rules": [ { "Id": "billing-read", "Effect": "Allow", "Match": { "Tools": [ "read_file" ] } } ] }
                }
              }
            }
            """);
        var tools = new Tools();
        var billing = new ChatClientBuilder(DeleteThenDone()).UseAgentGuard(o => { o.AgentId = "billing"; o.Policy = "billing"; }).UseFunctionInvocation().Build(services);
        var support = new ChatClientBuilder(DeleteThenDone()).UseAgentGuard(o => o.AgentId = "support").UseFunctionInvocation().Build(services);
        var options = new ChatOptions { Tools = [tools.DeleteFile, tools.ReadFile] };

        await billing.GetResponseAsync("clean up", options);

        tools.Deleted.Should().Be(0, "the billing policy denies what it does not allow");
        tools.Read.Should().Be(1);

        await support.GetResponseAsync("clean up", options);

        tools.Deleted.Should().Be(1, "the support pipeline runs under the top-level policy");
    }

    [Fact]
    public async Task UseAgentGuard_UnknownPolicyName_FailsWhenThePipelineIsBuilt()
    {
        await using var services = Create("""{ "AgentGuard": { "Policies": { "billing": { "DefaultDecision": "Deny" } } } }""");

        var build = () => new ChatClientBuilder(DeleteThenDone()).UseAgentGuard(o => o.Policy = "biling").UseFunctionInvocation().Build(services);

        build.Should().Throw<InvalidOperationException>().WithMessage("*policy 'biling'*AgentGuard:Policies*(configured: billing)*");
    }

    [Fact]
    public async Task DeniedCall_TagsFunctionInvokingChatClientsExecuteToolSpan()
    {
        const string sourceName = "AgentGuard.Tests.MeaiTelemetry";
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        await using var services = Create();
        var tools = new Tools();
        var client = new ChatClientBuilder(DeleteThenDone())
            .UseAgentGuard()
            .UseFunctionInvocation()
            .UseOpenTelemetry(sourceName: sourceName)
            .Build(services);

        await client.GetResponseAsync("clean up", new ChatOptions { Tools = [tools.DeleteFile, tools.ReadFile] });

        List<Activity> executeTool;
        lock (spans)
        {
            executeTool = [.. spans.Where(s => (string?)s.GetTagItem("gen_ai.operation.name") == "execute_tool")];
        }

        var denied = executeTool.Single(s => (string?)s.GetTagItem("gen_ai.tool.name") == "delete_file");
        denied.GetTagItem(TelemetryTags.Decision).Should().Be("deny");
        denied.GetTagItem(TelemetryTags.RuleId).Should().Be("no-delete");
        denied.GetTagItem(TelemetryTags.ErrorType).Should().Be(TelemetryTags.DeniedErrorType);
        denied.Status.Should().Be(ActivityStatusCode.Error);
        var allowed = executeTool.Single(s => (string?)s.GetTagItem("gen_ai.tool.name") == "read_file");
        allowed.GetTagItem(TelemetryTags.Decision).Should().Be("allow");
        allowed.Status.Should().NotBe(ActivityStatusCode.Error);
    }
}
