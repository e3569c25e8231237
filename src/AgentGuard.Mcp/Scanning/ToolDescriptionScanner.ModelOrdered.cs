namespace AgentGuard.Mcp;

/// <content>
/// "The model must …" orders the calling model only when what follows is something it does ("The model must call
/// this tool first", "the model must not mention …"). A tool that handles 3D, machine-learning or data models says what
/// its model must be or have ("The model must be downloadable and you must have proper access rights", "the model must
/// have a unique name"): a condition on an object, not an order.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Verbs of state that make "the model must …" a condition on an object.</summary>
    private static readonly string[] StateVerbs = ["be", "have", "exist", "contain", "fit", "match", "support", "include"];

    private static readonly WordSet StateVerbLookup = new(StateVerbs);

    /// <summary>After "the model must" (ending at <paramref name="end"/>): the next word is not a verb of state.</summary>
    internal static bool ModelOrdered(ReadOnlySpan<char> text, int end)
    {
        var from = end;
        return !NextWord(text, ref from, out var next) || !StateVerbLookup.Contains(next);
    }
}
