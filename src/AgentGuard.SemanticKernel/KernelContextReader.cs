using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AgentGuard.SemanticKernel;

/// <summary>Reads session facts from what Semantic Kernel carries: chat history, execution settings, kernel data, arguments.</summary>
internal static class KernelContextReader
{
    private const string Prefix = "agentguard.";

    /// <summary>
    /// The prompt (the user's messages, <see cref="UserPrompt"/>), the agent's instructions (system messages) and the conversation. The agent's id
    /// is never read from the history: an author name travels with the model's messages, so it comes from the host
    /// (<see cref="GuardContextKeys.AgentId"/> in kernel data or settings, or the ambient scope).
    /// </summary>
    public static GuardContext FromChatHistory(ChatHistory? history)
    {
        if (history is null || history.Count == 0)
        {
            return GuardContext.Empty;
        }

        var prompt = default(UserPrompt);
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
                prompt.Add(text);
            }
            else if (message.Role == AuthorRole.System || message.Role == AuthorRole.Developer)
            {
                instructions = instructions is null ? text : instructions + "\n" + text;
            }
        }

        GuardAgent? agent = null;
        if (instructions is not null)
        {
            // The id comes from the ambient scope's agent, so instructions never hide the host's agent id.
            var ambient = AgentGuardScope.Current?.Context.Agent;
            agent = new GuardAgent(ambient?.Id ?? string.Empty, ambient?.Name, instructions);
        }

        return new GuardContext { Prompt = prompt.Text, Conversation = conversation, Agent = agent };
    }

    /// <summary>
    /// The <see cref="GuardContextKeys"/> the host set: kernel data, then the execution settings (the request's, then
    /// those carried by <paramref name="arguments"/>). Later sources win. The arguments' own name/value pairs are never
    /// read: they are the namespace the model writes to (manual function calling passes the model's arguments to
    /// <c>InvokeAsync</c> unchanged), so a model could otherwise choose its user, groups, environment or session.
    /// </summary>
    public static List<KeyValuePair<string, object?>>? Properties(Kernel? kernel, PromptExecutionSettings? settings, KernelArguments? arguments)
    {
        List<KeyValuePair<string, object?>>? properties = null;
        if (kernel is not null)
        {
            AddContextKeys(ref properties, kernel.Data);
        }

        if (settings?.ExtensionData is { } extensionData)
        {
            AddContextKeys(ref properties, extensionData!);
        }

        if (arguments?.ExecutionSettings is { } allSettings)
        {
            foreach (var entry in allSettings.Values)
            {
                if (entry?.ExtensionData is { } data)
                {
                    AddContextKeys(ref properties, data!);
                }
            }
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
