using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Extensions.AI.Tests.Replay.Conversations;

/// <summary>What happened when a recorded conversation was replayed.</summary>
internal sealed record ConversationOutcome(Conversation Conversation, int Calls, int Executed, int ApprovalsAsked, IReadOnlyList<string> Stops)
{
    /// <summary>Some recorded call did not run (denied, or sent for an approval that was refused).</summary>
    public bool Interrupted => Executed < Calls;
}

/// <summary>
/// Replays a recorded conversation as the application that hosted the agent would run it: the system instructions,
/// then one <c>GetResponseAsync</c> per user message over the growing history, through <c>UseAgentGuard()</c> over the
/// real <see cref="FunctionInvokingChatClient"/>. The scripted model makes the recorded calls step by step and gives the
/// recorded replies; the tools (the catalogue's names, descriptions and schemas) return the recorded results. Approvals
/// are asked of an approver that refuses and counts.
/// </summary>
internal static class ConversationRunner
{
    public static async Task<ConversationOutcome> RunAsync(Conversation conversation, ReplayPolicy policy)
    {
        if (policy == ReplayPolicy.Written)
        {
            throw new ArgumentException("conversations are replayed with no policy or with zero configuration only", nameof(policy));
        }

        var approver = new RefusingApprover();
        var audit = new RecordingAuditSink();
        await using var services = GuardHost.Create("""{ "AgentGuard": {} }""", builder =>
        {
            if (policy == ReplayPolicy.ZeroConfiguration)
            {
                builder.AddDefaultPolicyPack();
            }

            builder.AddAuditSink(audit);
        }, s => s.AddSingleton<IApprovalHandler>(approver));

        var catalogue = ConversationCorpus.CatalogueOf(conversation);
        var executed = new ConcurrentBag<string>();
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        var script = new List<Func<IReadOnlyList<ChatMessage>, ChatMessage>>();
        foreach (var turn in conversation.Turns)
        {
            foreach (var step in turn.Steps)
            {
                var calls = new List<(string, string, Dictionary<string, object?>)>();
                foreach (var call in step)
                {
                    var callId = "call-" + results.Count.ToString(CultureInfo.InvariantCulture);
                    results[callId] = call.Result;
                    calls.Add((callId, call.Tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(call.Arguments.ToJsonString())!));
                }

                script.Add(ScriptedChatClient.CallTools([.. calls]));
            }

            script.Add(ScriptedChatClient.Say(turn.Reply ?? string.Empty));
        }

        var tools = conversation.ToolsOf(catalogue).Select(tool => (AITool)new ReplayFunction(tool, results, executed)).ToList();
        var client = new ChatClientBuilder(new ScriptedChatClient([.. script])).UseAgentGuard().UseFunctionInvocation().Build(services);
        var options = new ChatOptions
        {
            Tools = tools,
            AdditionalProperties = new AdditionalPropertiesDictionary { [GuardContextKeys.SessionId] = conversation.Id },
        };

        var history = catalogue.Instructions.Length > 0 ? new List<ChatMessage> { new(ChatRole.System, catalogue.Instructions) } : [];
        foreach (var turn in conversation.Turns)
        {
            history.Add(new ChatMessage(ChatRole.User, turn.User));
            var response = await client.GetResponseAsync(history, options);
            history.AddRange(response.Messages);
        }

        var stops = audit.Records.Where(r => r.PolicyDecision != DecisionEffect.Allow)
            .Select(r => $"{r.ToolName}: {string.Join(",", r.Rules)} [{string.Join("; ", r.Evidence)}]").ToList();
        return new ConversationOutcome(conversation, results.Count, executed.Count, approver.Asked, stops);
    }
}
