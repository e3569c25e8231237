using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentGuard.Extensions.AI.Tests.Replay;

/// <summary>
/// A tool of the recorded catalogue (its real name, description and parameter schema) that returns what the tool
/// returned in the recording for the call being replayed, and records that it ran.
/// </summary>
internal sealed class ReplayFunction(ReplayTool tool, IReadOnlyDictionary<string, string> resultsByCallId, ConcurrentBag<string> executed) : AIFunction
{
    public override string Name => tool.Name;

    public override string Description => tool.Description;

    public override JsonElement JsonSchema => tool.Parameters;

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var callId = FunctionInvokingChatClient.CurrentContext?.CallContent.CallId
            ?? throw new InvalidOperationException("The replayed call has no call id.");
        executed.Add(callId);
        return ValueTask.FromResult<object?>(resultsByCallId[callId]);
    }
}
