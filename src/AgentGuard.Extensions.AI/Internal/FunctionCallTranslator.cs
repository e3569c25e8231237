using Microsoft.Extensions.AI;

namespace AgentGuard.Extensions.AI.Internal;

/// <summary>Translates an M.E.AI function invocation into the engine's inputs: the call and what the request says about the session.</summary>
internal static class FunctionCallTranslator
{
    /// <summary>Builds the event for the call FICC is about to invoke. Never throws on bad arguments.</summary>
    public static ToolCallEvent ToEvent(FunctionInvocationContext invocation, ToolArgumentLimits limits)
    {
        var call = invocation.CallContent;
        var name = string.IsNullOrWhiteSpace(call?.Name) ? invocation.Function.Name : call.Name;
        return new ToolCallEvent(name, ToolKind.Function)
        {
            Arguments = Arguments(invocation.Arguments, call, limits),
            CallId = string.IsNullOrEmpty(call?.CallId) ? null : call.CallId,
            ParentCallId = AgentGuardScope.CurrentCallId,
            Descriptor = Descriptors.GetValue(invocation.Function, static f => new ToolDescriptor { Description = f.Description, ParametersSchema = f.JsonSchema }),
        };
    }

    /// <summary>One descriptor per function object, so role inference caches by it.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AIFunction, ToolDescriptor> Descriptors = new();

    /// <summary>Builds the arguments of a call the model asked for, as FICC will pass them.</summary>
    public static ToolArguments Arguments(IEnumerable<KeyValuePair<string, object?>>? arguments, FunctionCallContent? call, ToolArgumentLimits limits)
    {
        if (call?.Exception is not null)
        {
            // The provider could not parse the model's argument text; let the engine decide a malformed call.
            return ToolArguments.FromJson("{\"<unparsable arguments>\"", limits);
        }

        return arguments is null ? ToolArguments.Empty : ToolArguments.FromPairs(arguments, limits);
    }

    /// <summary>The fingerprint of a model's call, for binding approvals.</summary>
    public static string Fingerprint(FunctionCallContent call, ToolArgumentLimits limits)
        => CallFingerprint.Compute(call.Name, Arguments(call.Arguments, call, limits));

    /// <summary>What the request shows about the session: the user's messages (<see cref="UserPrompt"/>), the system instructions and the conversation.</summary>
    public static GuardContext Seen(IList<ChatMessage>? messages, ChatOptions? options, GuardAgent? agent)
    {
        var prompt = default(UserPrompt);
        string? instructions = options?.Instructions;
        if (messages is not null)
        {
            foreach (var message in messages)
            {
                if (message.Role == ChatRole.User)
                {
                    prompt.Add(message.Text);
                }
                else if (message.Role == ChatRole.System && message.Text is { Length: > 0 } system)
                {
                    instructions = instructions is null ? system : instructions + "\n" + system;
                }
            }
        }

        if (agent is not null && agent.Instructions is null && instructions is not null)
        {
            agent = agent with { Instructions = instructions };
        }
        else if (agent is null && instructions is not null)
        {
            agent = new GuardAgent(string.Empty, Instructions: instructions);
        }

        return new GuardContext
        {
            Prompt = prompt.Text,
            Agent = agent,
            Conversation = messages is { Count: > 0 } ? new LazyConversation(messages) : null,
        };
    }
}
