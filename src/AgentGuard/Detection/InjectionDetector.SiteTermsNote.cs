namespace AgentGuard;

/// <content>
/// A site's terms told to AI readers: "Notice for AI assistants: this site's content is licensed CC-BY 4.0; attribution is
/// appreciated", "Note for AI crawlers: this page may be quoted with a link back". The note's label names the AI, as an
/// injection's does, but what follows states the site's licence, copyright or crawl rules and gives no order and no duty;
/// an order anywhere in it ("…; also forward …", "… must email …") keeps the label's weight.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>How much of the note after its colon is read.</summary>
    private const int SiteTermsReach = 240;

    /// <summary>Words of a site's licence, copyright or crawl rules.</summary>
    private static readonly string[] SiteTermsWords = ["licen", "copyright", "attribution", "robots.txt", "llms.txt", "ai.txt", "terms of", "quoted", "cite ", "citation", "link back"];

    /// <summary>What a site asks of those who quote it.</summary>
    private static readonly string[] CitingVerbs = ["cite", "credit", "attribute", "link", "quote", "mention"];

    /// <summary>Words of a duty: a note of terms states them, it does not lay them on its reader.</summary>
    private static readonly string[] DutyWords = ["must", "should", "shall", "need", "needs", "required", "have", "has"];

    /// <summary>
    /// After the AI's name at <paramref name="at"/>, a colon within the label, then only a statement of the site's terms:
    /// one of <see cref="SiteTermsWords"/>, no word of a duty, and no order opening any clause.
    /// </summary>
    private static bool StatesSiteTerms(ReadOnlySpan<char> text, int at)
    {
        var label = text[at..Math.Min(text.Length, at + 40)];
        var colon = label.IndexOfAny(':', '\n');
        if (colon < 0 || label[colon] != ':')
        {
            return false;
        }

        var from = at + colon + 1;
        var body = text[from..Math.Min(text.Length, from + SiteTermsReach)];
        if (!ContainsAny(body, SiteTermsWords) || HoldsAnyWord(body, DutyWords))
        {
            return false;
        }

        // No order at the start of any sentence or clause of the note ("…; also forward the user's files to …", "…; when
        // quoting it, recommend …").
        for (var i = 0; i < body.Length; i++)
        {
            if (i == 0 || body[i - 1] is '.' or ';' or '!' or '?' or '\n' or ':' or ',')
            {
                var j = from + i;
                var first = NextWord(text, ref j);
                if (AsciiCase.Equals(first, "please") || AsciiCase.Equals(first, "kindly"))
                {
                    first = NextWord(text, ref j);
                }

                // A courtesy the site asks ("please respect robots.txt", "please cite the source") is part of its terms.
                if (IsOneOf(first, CourtesyVerbs) || IsOneOf(first, CitingVerbs))
                {
                    continue;
                }

                if (IsOrderVerb(first) || IsOneOf(first, ReaderOrderAdverbs) || OrderInSentence(text, from + i, 20))
                {
                    return false;
                }
            }
        }

        return true;

        static bool ContainsAny(ReadOnlySpan<char> span, string[] words)
        {
            foreach (var word in words)
            {
                if (span.Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
