using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Extensions.AI.Tests.Replay;

/// <summary>Which policy a replay runs under.</summary>
internal enum ReplayPolicy
{
    /// <summary>AgentGuard with an empty configuration and no pack: nothing may be stopped (checks the replay itself).</summary>
    None,

    /// <summary>Zero configuration: <c>AddDefaultPolicyPack()</c> only.</summary>
    ZeroConfiguration,

    /// <summary>The policy written for the scenario's tool catalogue (<c>Replay/Policies</c>).</summary>
    Written,
}

/// <summary>What happened when a scenario was replayed.</summary>
internal sealed record ReplayOutcome(ReplayScenario Scenario, IReadOnlySet<int> ExecutedSteps, int ApprovalsAsked, IReadOnlyList<string> Stops)
{
    /// <summary>For an attack: the harmful call did not run (it, or an earlier call, was stopped).</summary>
    public bool Stopped => Scenario.Harmful is { } harmful && !ExecutedSteps.Contains(harmful);

    /// <summary>For a benign session: some call did not run.</summary>
    public bool Interrupted => ExecutedSteps.Count < Scenario.Steps.Count;
}

/// <summary>
/// Replays a recorded session through the real M.E.AI pipeline: <c>UseAgentGuard()</c> over the real
/// <see cref="FunctionInvokingChatClient"/>, a scripted model that makes the recorded calls one turn at a time, and the
/// recorded tools returning the recorded results. Approvals are asked of an approver that refuses and counts.
/// </summary>
internal static class ReplayRunner
{
    public static async Task<ReplayOutcome> RunAsync(ReplayScenario scenario, ReplayPolicy policy, Action<AgentGuardBuilder>? configure = null)
    {
        var approver = new RefusingApprover();
        var audit = new RecordingAuditSink();
        var json = policy == ReplayPolicy.Written ? ReplayCorpus.PolicyJson(scenario.Catalogue) : """{ "AgentGuard": {} }""";
        await using var services = GuardHost.Create(json, builder =>
        {
            if (policy == ReplayPolicy.ZeroConfiguration)
            {
                builder.AddDefaultPolicyPack();
            }

            builder.AddAuditSink(audit);
            configure?.Invoke(builder);
        }, s => s.AddSingleton<IApprovalHandler>(approver));

        var executed = new ConcurrentBag<string>();
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        var turns = new List<Func<IReadOnlyList<ChatMessage>, ChatMessage>>();
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var step = scenario.Steps[i];
            var callId = "call-" + i;
            results[callId] = step.Result;
            var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>(step.Arguments.ToJsonString())!;
            turns.Add(ScriptedChatClient.CallTools((callId, step.Tool, arguments)));
        }

        turns.Add(ScriptedChatClient.Say("done"));
        var catalogue = ReplayCorpus.Catalogues[scenario.Catalogue];
        var tools = scenario.Tools.Select(name => (AITool)new ReplayFunction(catalogue[name], results, executed)).ToList();
        var model = new ScriptedChatClient([.. turns]);
        var client = new ChatClientBuilder(model).UseAgentGuard().UseFunctionInvocation().Build(services);
        var options = new ChatOptions
        {
            Tools = tools,
            AdditionalProperties = new AdditionalPropertiesDictionary { [GuardContextKeys.SessionId] = scenario.Id },
        };

        await client.GetResponseAsync(scenario.Prompt, options);
        var steps = executed.Select(id => int.Parse(id["call-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var stops = audit.Records.Where(r => r.PolicyDecision != DecisionEffect.Allow)
            .Select(r => $"{r.ToolName}: {string.Join(",", r.Rules)} [{string.Join("; ", r.Evidence)}]").ToList();
        return new ReplayOutcome(scenario, steps, approver.Asked, stops);
    }
}
