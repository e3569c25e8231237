using System.Collections;
using Microsoft.Extensions.AI;

namespace AgentGuard.Extensions.AI.Internal;

/// <summary>The conversation as role and text, built only if a policy reads it (most calls never do).</summary>
internal sealed class LazyConversation(IList<ChatMessage> messages) : IReadOnlyList<ConversationEntry>
{
    private readonly ChatMessage[] _messages = [.. messages];
    private ConversationEntry[]? _entries;

    public int Count => Entries.Length;

    public ConversationEntry this[int index] => Entries[index];

    private ConversationEntry[] Entries => _entries ??= Build(_messages);

    public IEnumerator<ConversationEntry> GetEnumerator() => ((IEnumerable<ConversationEntry>)Entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static ConversationEntry[] Build(ChatMessage[] messages)
    {
        var entries = new List<ConversationEntry>(messages.Length);
        foreach (var message in messages)
        {
            var text = message.Text;
            if (string.IsNullOrEmpty(text))
            {
                text = string.Join("\n", message.Contents.OfType<FunctionResultContent>().Select(r => r.Result?.ToString()).Where(t => !string.IsNullOrEmpty(t)));
            }

            if (!string.IsNullOrEmpty(text))
            {
                entries.Add(new ConversationEntry(message.Role.Value, text));
            }
        }

        return [.. entries];
    }
}
