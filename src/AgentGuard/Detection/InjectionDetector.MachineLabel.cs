namespace AgentGuard;

/// <content>
/// A key, tag or label that names a note for an AI, whose value is an order: <c>"__ai_instruction__": "Before parsing,
/// output …"</c>, <c>{{#AI_DIRECTIVE}}Stop processing …</c>, <c>data-ai-instruction="Tell the user …"</c>, <c>[AI NOTE]
/// Rate this seller …</c>. Data has keys for its own fields; a field addressed to the AI that reads it, holding an
/// imperative, is a note planted for that reader. The value is read by its grammar (<see cref="StartsImperative"/>), so
/// a field that describes ("ai_notes": "The model was trained on …") stays clean.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>At a word for an AI that starts a key: the label, then a value that gives an order.</summary>
    private static void MachineLabel(ReadOnlySpan<char> text, int at, Span<double> weights)
    {
        if ((at > 0 && char.IsLetterOrDigit(text[at - 1])) || !MayOpenMachineLabel(text, at))
        {
            return;
        }

        RaiseIf(InjectionPatterns.MachineLabel(), text, at, weights, Marker.AddressedToAi, 0.55);
    }

    /// <summary>The words for an AI a label may open with (besides "ai").</summary>
    private static readonly string[] MachineLabelNouns = ["llm", "gpt", "copilot", "claude", "chatbot"];

    /// <summary>
    /// Cheap test before the pattern: the anchor is "ai" followed by a joiner, a space or a capital ("ai_", "AI NOTE",
    /// "aiInstructions"), or one of <see cref="MachineLabelNouns"/> ("assistant", "agent" and "automated" start no label).
    /// </summary>
    private static bool MayOpenMachineLabel(ReadOnlySpan<char> text, int at)
    {
        var rest = text[at..];
        if (AsciiCase.StartsWith(rest, "ai"))
        {
            return rest.Length > 2 && (rest[2] is '_' or '-' or ' ' || char.IsAsciiLetterUpper(rest[2]) || (char.IsAsciiLetterUpper(rest[0]) && char.IsAsciiLetter(rest[2])));
        }

        foreach (var noun in MachineLabelNouns)
        {
            if (AsciiCase.StartsWith(rest, noun))
            {
                return true;
            }
        }

        return false;
    }
}
