namespace AgentGuard.Mcp;

/// <content>
/// What the classes of an extra act share: a sentence that makes its order a standing one (at every call, always, the
/// first time the tool runs), and a host written without a scheme ("mx.mailrelay-hub.net", "docker.fastmirror.cc").
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Words that make a sentence's order a standing one by themselves.</summary>
    internal static readonly string[] StandingCallWords = ["whenever", "automatically", "always"];

    /// <summary>Words before "any", "each" or "every" that make it a time of every call or a scope of every thing ("for every transfer", "to each payment", "of every text").</summary>
    internal static readonly string[] StandingPrepositions = ["before", "after", "on", "with", "during", "at", "for", "to", "in", "into", "of", "from", "creating"];

    /// <summary>Words that, opening a sentence, time its order ("When creating any bucket", "Before each deployment").</summary>
    internal static readonly string[] TimingOpeners = ["when", "whenever", "before", "after", "for", "on", "each", "every"];

    /// <summary>What "first" times: "the first time it runs", "on first use".</summary>
    internal static readonly string[] FirstTimes = ["time", "use", "run", "call", "launch", "start", "startup"];

    /// <summary>
    /// Top-level domains a host written without a scheme may end in: the common generic ones and country codes that no
    /// file's extension shares ("py", "md", "sh", "rs" are left out).
    /// </summary>
    internal static readonly string[] HostEndings =
        ["com", "net", "org", "io", "co", "cc", "biz", "dev", "app", "xyz", "info", "me", "ai", "site", "online", "shop", "store", "cloud",
         "tech", "pro", "top", "ru", "cn", "de", "uk", "fr", "nl", "eu", "us", "ca", "au", "jp", "br", "tk", "to", "ly", "gg", "ws",
         "link", "live", "click", "club", "space", "website", "host", "email", "tools", "page", "digital", "services", "network", "zone",
         "today", "world", "su", "asia", "mobi", "name"];

    private static readonly WordSet StandingCallWordLookup = new(StandingCallWords);

    private static readonly WordSet StandingPrepositionLookup = new(StandingPrepositions);

    private static readonly WordSet TimingOpenerLookup = new(TimingOpeners);

    private static readonly WordSet FirstTimeLookup = new(FirstTimes);

    private static readonly WordSet HostEndingLookup = new(HostEndings);

    /// <summary>
    /// The sentence <paramref name="start"/>..<paramref name="end"/> makes its order a standing one: "whenever",
    /// "automatically", "always"; "each" or "every" ("for every transfer", "Mirror every uploaded file"); "any" after a
    /// preposition ("before any deployment") or in a sentence a time opens ("When creating any bucket"); "for all";
    /// "the first time", "on first use".
    /// </summary>
    private static bool StandsAtEveryCall(ReadOnlySpan<char> text, int start, int end)
    {
        var from = start;
        var previous = (Start: 0, Length: 0);
        var timedOpening = false;
        for (var count = 0; from < end && NextWord(text, ref from, out var word); count++)
        {
            if (count == 0)
            {
                timedOpening = TimingOpenerLookup.Contains(word);
            }

            if (StandingCallWordLookup.Contains(word)
                || EachOrEvery(word)
                || (AsciiCase.Equals(word, "any") && (timedOpening || StandingPrepositionLookup.Contains(text.Slice(previous.Start, previous.Length))))
                || (AsciiCase.Equals(word, "all") && AsciiCase.Equals(text.Slice(previous.Start, previous.Length), "for"))
                || (FirstTimeLookup.Contains(word) && AsciiCase.Equals(text.Slice(previous.Start, previous.Length), "first"))
                || (AsciiCase.Equals(word, "time") && (AsciiCase.Equals(text.Slice(previous.Start, previous.Length), "every") || AsciiCase.Equals(text.Slice(previous.Start, previous.Length), "each"))))
            {
                return true;
            }

            previous = (from - word.Length, word.Length);
        }

        return false;
    }

    private static bool EachOrEvery(ReadOnlySpan<char> word) => AsciiCase.Equals(word, "each") || AsciiCase.Equals(word, "every");

    /// <summary>
    /// A host written without a scheme: two or more labels of lower-case letters, digits and '-', the last one a
    /// top-level domain of <see cref="HostEndings"/>, perhaps a path after a '/'; not an example or placeholder domain.
    /// "ASP.NET" and "Node.js" are no hosts.
    /// </summary>
    internal static bool IsWrittenHost(ReadOnlySpan<char> token)
    {
        var slash = token.IndexOf('/');
        var host = slash >= 0 ? token[..slash] : token;
        var lastDot = host.LastIndexOf('.');
        if (lastDot <= 0 || host.IndexOf('.') < 2 || OnExampleDomain(host))
        {
            return false;
        }

        foreach (var c in host)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
            {
                return false;
            }
        }

        return !host.Contains("..", StringComparison.Ordinal) && HostEndingLookup.Contains(host[(lastDot + 1)..]);
    }
}
