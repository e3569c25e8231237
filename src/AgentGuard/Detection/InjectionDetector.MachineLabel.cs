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
        if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
        {
            return;
        }

        RaiseIf(InjectionPatterns.MachineLabel(), text, at, weights, Marker.AddressedToAi, 0.55);
    }
}
