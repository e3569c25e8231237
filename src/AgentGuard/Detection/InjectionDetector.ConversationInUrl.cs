namespace AgentGuard;

/// <content>
/// A link whose query is a template of the reader's conversation — "…/c?d={conversation}", "&amp;ctx={chat_history}",
/// "?q={system_prompt}" — handed to the reader to call, fetch, open or visit: a tool's error or a page that has the agent
/// fill its own conversation into the attacker's URL (the Markdown image that carries template data, without the image).
/// The template names what only the reader holds (the conversation, its history, messages, context, prompt, memory) and
/// stands as a query value or right after the query's start; API documentation names parameters by the resource they
/// identify ("/conversations/{conversation_id}", "?key={API_KEY}"), and a template outside a link fills nothing in.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>How far back from the template the link's scheme is looked for.</summary>
    private const int TemplatedLinkReach = 240;

    /// <summary>Verbs that have the reader request the link.</summary>
    private static readonly string[] LinkCallingVerbs = ["call", "calling", "fetch", "fetching", "open", "opening", "visit", "visiting", "load", "loading", "request", "requesting", "retry", "navigate", "browse", "curl", "get", "click", "ping", "send", "post", "go"];

    /// <summary>At a template's name right after '{' or '[' ("conversation}", "chat_history]"): a query of a link the reader is told to request.</summary>
    private static void ConversationInUrl(ReadOnlySpan<char> text, int at, Span<double> weights)
    {
        if (at < 2 || text[at - 1] is not ('{' or '[') || text[at - 2] is not ('=' or '?' or '&'))
        {
            return;
        }

        // The link: back to its scheme without a blank.
        var from = Math.Max(0, at - TemplatedLinkReach);
        var start = at - 2;
        while (start > from && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not ('"' or '\'' or '(' or '<'))
        {
            start--;
        }

        var link = text[start..at];
        if (!link.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !link.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var end = SentenceEnd(text, at, 200);
        if (HasWordOf(text[ProseSentenceStart(text, start)..start], LinkCallingVerbs) || HasWordOf(text[at..end], LinkCallingVerbs))
        {
            Raise(weights, Marker.Exfiltration, 0.6);
        }
    }
}
