using System.Text;

namespace AgentGuard;

/// <summary>
/// What the user asked in a conversation, as adapters hand it to the engine in <see cref="GuardContext.Prompt"/>: every
/// user message the adapter sees, oldest first, one per line. A request often spans turns ("my user id is mia_li_3668",
/// then "change my flight", then "yes, go ahead"), and a turn in which the agent called no tool is seen by no decision;
/// provenance, the task scope and "named by the user" read the user's words of the whole conversation, not only the
/// latest message. Only user messages count: the model's and the tools' messages never do.
/// </summary>
internal struct UserPrompt
{
    private string? _single;
    private StringBuilder? _many;

    /// <summary>Adds one user message; empty text is skipped.</summary>
    public void Add(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (_single is null && _many is null)
        {
            _single = text;
            return;
        }

        _many ??= new StringBuilder(_single!.Length + text.Length + 1).Append(_single);
        _many.Append('\n').Append(text);
        _single = null;
    }

    /// <summary>The prompt: null without user messages, the message itself when there is one (no copy).</summary>
    public readonly string? Text => _many?.ToString() ?? _single;
}
