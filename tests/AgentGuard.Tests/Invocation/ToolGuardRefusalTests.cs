using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Invocation;

/// <summary>Refusals decided before the engine go through the same audit path, and the model texts come from one catalogue.</summary>
public sealed class ToolGuardRefusalTests
{
    [Fact]
    public async Task Refuse_SystemRule_IsAuditedRecordedInTheSessionAndEnforcedInAuditMode()
    {
        var sink = new Sink();
        const string json = """{ "AgentGuard": { "Mode": "Audit", "Rules": [ { "Id": "second-call", "Effect": "Deny", "Match": { "Tools": ["probe"] }, "When": { "Sequence": { "Tools": ["probe"], "AtLeast": 2, "OnlyAllowed": false } } } ] } }""";
        await using var services = TestHost.Create(json, b => b.Services.AddSingleton<IAuditSink>(sink));
        var guard = services.GetRequiredService<ToolGuard>();
        var context = new GuardContext { SessionId = "s1" };

        var refused = guard.Refuse(new ToolCallEvent("probe", ToolKind.McpTool) { Source = "srv", CallId = "7" }, context, "agentguard:test-refusal", "not in the registry", alert: true);
        var next = await guard.Engine.EvaluateAsync(new ToolCallEvent("probe", ToolKind.McpTool), context);

        refused.Effect.Should().Be(DecisionEffect.Deny, "a refusal protects integrity and is enforced in audit mode too");
        refused.RuleIds.Should().Equal("agentguard:test-refusal");
        refused.ModelMessage.Should().Be("probe was not run: this tool is not available.");
        sink.Records.Should().Contain(r => r.CallId == "7" && r.Rules.SequenceEqual(new[] { "agentguard:test-refusal" }) && r.Decision == DecisionEffect.Deny && r.Alert);
        next.PolicyEffect.Should().Be(DecisionEffect.Deny, "the refused call counts in the session's history");
    }

    [Theory]
    [InlineData(true, "pay was not run: it requires approval, which was not given.", "pay was not run: this tool is not available.", "pay was not run: its safety check could not be completed.")]
    [InlineData(false, "The action was not run: it requires approval, which was not given.", "The action was not run: this tool is not available.", "The action was not run: its safety check could not be completed.")]
    public async Task Messages_NameToolInModelMessage_IsHonouredByEverySentence(bool nameTool, string approval, string unavailable, string failed)
    {
        await using var services = TestHost.Create($$"""{ "AgentGuard": { "NameToolInModelMessage": {{(nameTool ? "true" : "false")}} } }""");
        var messages = services.GetRequiredService<ToolGuard>().Messages;

        messages.ApprovalNotGiven("pay").Should().Be(approval);
        messages.NotAvailable("pay").Should().Be(unavailable);
        messages.CheckFailed("pay").Should().Be(failed);
        messages.NotAvailable(ModelText.UnnamedTool).Should().Be("The tool call was not run: it names no tool.");
    }

    [Fact]
    public async Task IsDecided_OnlyTheMarkedObjectWhileItRuns()
    {
        await using var services = TestHost.Create("""{ "AgentGuard": { } }""");
        var guard = services.GetRequiredService<ToolGuard>();
        var call = new object();
        var lookAlike = new object();

        bool during, other;
        using (guard.MarkDecided(call))
        {
            during = guard.IsDecided(call);
            other = guard.IsDecided(lookAlike);
        }

        during.Should().BeTrue();
        other.Should().BeFalse();
        guard.IsDecided(call).Should().BeFalse("the mark ends with the call");
    }

    private sealed class Sink : IAuditSink
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<AuditRecord> _records = new();

        public IReadOnlyList<AuditRecord> Records => [.. _records];

        public void Write(AuditRecord record) => _records.Enqueue(record);
    }
}
