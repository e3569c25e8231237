using System.Text.Json;
using AgentGuard.AspNetCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.AspNetCore.Tests;

/// <summary>
/// The approval page shows a call's arguments redacted exactly as the policy classifies the call: by its name and by
/// its name qualified by its source, as the engine does.
/// </summary>
public sealed class ApprovalRedactionTests
{
    [Fact]
    public async Task SensitiveArgumentOfASourceQualifiedTool_IsRedactedOnTheApprovalPage()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAgentGuard(options =>
        {
            options.Tools["bank-transfer"] = new ToolOptions { SensitiveArguments = ["$.pin"] };
            options.Rules.Add(new RuleOptions { Id = "approve-transfers", Effect = "RequireApproval", Match = new() { Tools = ["transfer"] } });
        }).AddWebApprovals();
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IGuardEngine>();
        var queue = provider.GetRequiredService<WebApprovalQueue>();
        var call = new ToolCallEvent("transfer", ToolKind.McpTool) { Source = "bank", Arguments = ToolArguments.FromJson("""{ "to": "ACME", "pin": "4921" }""") };
        var context = new GuardContext { SessionId = "s", User = new GuardUser("alice") };
        var decision = await engine.EvaluateAsync(call, context);
        decision.Effect.Should().Be(DecisionEffect.RequireApproval);
        PendingApproval? shown = null;
        queue.Requested += pending => shown = pending;
        using var cancel = new CancellationTokenSource();

        var waiting = queue.RequestApprovalAsync(new ApprovalRequest(call, context, decision, CallFingerprint.Compute(call.ToolName, call.Arguments)), cancel.Token);
        await cancel.CancelAsync();
        var act = async () => await waiting;
        await act.Should().ThrowAsync<OperationCanceledException>();

        shown.Should().NotBeNull();
        using var arguments = JsonDocument.Parse(shown!.Arguments);
        arguments.RootElement.GetProperty("to").GetString().Should().Be("ACME");
        arguments.RootElement.GetProperty("pin").GetString().Should().Be("[REDACTED]", "the pin is sensitive for bank's transfer tool");
        shown.Arguments.Should().NotContain("4921");
    }
}
