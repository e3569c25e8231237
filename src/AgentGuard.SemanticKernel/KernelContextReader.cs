using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AgentGuard.SemanticKernel;

/// <summary>Reads session facts from what Semantic Kernel carries: chat history, execution settings, kernel data, arguments.</summary>
internal static class KernelContextReader
{
    private const string Prefix = "agentguard.";

    /// <summary>The prompt (latest user message), the agent's instructions (system messages) and the conversation.</summary>
    public static GuardContext FromChatHistory(ChatHistory? history, string? agentName)
    {
        if (history is null || history.Count == 0)
        {
            return agentName is null ? GuardContext.Empty : new GuardContext { Agent = new GuardAgent(agentName, agentName) };
        }

        string? prompt = null;
        string? instructions = null;
        var conversation = new List<ConversationEntry>(history.Count);
        foreach (var message in history)
        {
            var text = message.Content;
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var role = message.Role.Label;
            conversation.Add(new ConversationEntry(role, text));
            if (message.Role == AuthorRole.User)
            {
                prompt = text;
            }
            else if (message.Role == AuthorRole.System || message.Role == AuthorRole.Developer)
            {
                instructions = instructions is null ? text : instructions + "\n" + text;
            }
        }

        GuardAgent? agent = null;
        if (agentName is not null || instructions is not null)
        {
            // The id falls back to the ambient scope's agent, so instructions never hide the host's agent id.
            var id = agentName ?? AgentGuardScope.Current?.Context.Agent?.Id ?? string.Empty;
            agent = new GuardAgent(id, agentName, instructions);
        }

        return new GuardContext { Prompt = prompt, Conversation = conversation, Agent = agent };
    }

    /// <summary>
    /// The <see cref="GuardContextKeys"/> set by code: kernel data, then execution-settings extension data, then (when
    /// <paramref name="arguments"/> came from code, not from the model) the kernel arguments. Later sources win.
    /// </summary>
    public static List<KeyValuePair<string, object?>>? Properties(Kernel kernel, PromptExecutionSettings? settings, KernelArguments? arguments)
    {
        List<KeyValuePair<string, object?>>? properties = null;
        AddContextKeys(ref properties, kernel.Data);
        if (settings?.ExtensionData is { } extensionData)
        {
            AddContextKeys(ref properties, extensionData!);
        }

        if (arguments is not null)
        {
            if (arguments.ExecutionSettings is { } allSettings)
            {
                foreach (var entry in allSettings.Values)
                {
                    if (entry?.ExtensionData is { } data)
                    {
                        AddContextKeys(ref properties, data!);
                    }
                }
            }

            AddContextKeys(ref properties, arguments);
        }

        return properties;
    }

    /// <summary>True when <paramref name="name"/> is one of AgentGuard's context keys rather than a tool argument.</summary>
    public static bool IsContextKey(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    private static void AddContextKeys(ref List<KeyValuePair<string, object?>>? properties, IEnumerable<KeyValuePair<string, object?>> source)
    {
        foreach (var pair in source)
        {
            if (pair.Key is not null && IsContextKey(pair.Key))
            {
                (properties ??= []).Add(pair);
            }
        }
    }
}
