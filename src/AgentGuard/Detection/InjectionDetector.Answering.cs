namespace AgentGuard;

/// <content>Orders about how the reader is to answer, fake transcript turns and claims of hidden text.</content>
internal sealed partial class InjectionDetector
{
    /// <summary>Role names that open the next turn of a chat transcript after an assistant's.</summary>
    private static readonly string[] NextTurnRoles = ["user:", "human:"];

    /// <summary>
    /// "If the user asks …, reply with …": data telling its reader how to answer its user. The order is aimed at an
    /// assistant; a manual's "if asked, answer yes" gives no answer after "with", "that" or a quote.
    /// </summary>
    private static void ConditionalAnswer(ReadOnlySpan<char> text, int at, Span<double> weights)
        => RaiseIf(InjectionPatterns.ConditionalAnswer(), text, at, weights, Marker.NewInstructions, 0.5);

    /// <summary>
    /// "Assistant: …" opening a line, and a "User:" or "Human:" line after it: a chat turn written into data, as if the
    /// reader had answered and its user spoke again. Weak on its own, as a "System:" line is; stronger when the assistant's
    /// turn is a stand-in in brackets, as no transcript holds.
    /// </summary>
    private static void FakeAssistantTurn(ReadOnlySpan<char> text, int at, Span<double> weights)
    {
        if (at > 0 && text[at - 1] is not ('\n' or '\r'))
        {
            return;
        }

        var window = text.Slice(at, Math.Min(400, text.Length - at));
        for (var line = window.IndexOf('\n'); line >= 0 && line + 1 < window.Length; line = NextLine(window, line))
        {
            var rest = window[(line + 1)..];
            foreach (var role in NextTurnRoles)
            {
                if (rest.StartsWith(role, StringComparison.OrdinalIgnoreCase))
                {
                    Raise(weights, Marker.FakeRoleTag, IsPlaceholder(window["assistant:".Length..window.IndexOf('\n')]) ? 0.45 : 0.3);
                    return;
                }
            }
        }

        static int NextLine(ReadOnlySpan<char> window, int line)
        {
            var next = window[(line + 1)..].IndexOf('\n');
            return next < 0 ? -1 : line + 1 + next;
        }
    }

    /// <summary>
    /// An assistant's turn that is only a stand-in in brackets ("[salient summary]", "&lt;detailed summary of the
    /// documents above&gt;"): the data writes the reader's own answer as done, to speak as its user next.
    /// </summary>
    private static bool IsPlaceholder(ReadOnlySpan<char> turn)
    {
        turn = turn.Trim();
        return turn.Length > 2 && ((turn[0] == '[' && turn[^1] == ']') || (turn[0] == '<' && turn[^1] == '>') || (turn[0] == '{' && turn[^1] == '}'));
    }

    /// <summary>"invisible to humans": a text that says it is meant for a model and hidden from people.</summary>
    private static void InvisibleToPeople(ReadOnlySpan<char> text, int at, Span<double> weights)
        => RaiseIf(InjectionPatterns.InvisibleToPeople(), text, at, weights, Marker.HiddenInstruction, 0.5);
}
