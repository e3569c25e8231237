namespace AgentGuard;

/// <content>
/// Importance pressed twice: "THIS IS IMPORTANT! THIS IS IMPORTANT! You must first …", "URGENT URGENT: …", "This is
/// really important, extremely important, …". A note in a manual says "Important:" once; an injection has to outweigh the
/// reader's own task and repeats the call. Alone it orders nothing (it weighs less than the threshold); it raises the
/// weight of the urgency that one call gives. Checked only at "important!", "important:" and "urgent" (notes and
/// subject lines, rare in prose), reading the next 80 characters for the same word.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>At an urgency call (<paramref name="anchor"/> at <paramref name="at"/>): the same word again within the next 80 characters.</summary>
    private static void RepeatedUrgency(ReadOnlySpan<char> text, int at, string anchor, Span<double> weights)
    {
        var word = anchor.StartsWith("important", StringComparison.Ordinal) ? "important" : anchor == "urgent" ? "urgent" : null;
        if (word is null)
        {
            return;
        }

        var from = at + word.Length;
        var window = text[from..Math.Min(text.Length, from + 80)];
        if (window.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
        {
            Raise(weights, Marker.Urgent, 0.35);
        }
    }
}
