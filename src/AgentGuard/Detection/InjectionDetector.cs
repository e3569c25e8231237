using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentGuard;

/// <summary>
/// The default <see cref="IInjectionDetector"/>: deterministic, weighted markers of instructions aimed at the model —
/// "ignore previous instructions", text addressed to the AI, fake system/role tags, hidden Unicode, instructions in
/// HTML comments and markdown images, exfiltration and tool-invocation instructions, secrecy towards the user. One
/// vectorized pass finds anchor words; each family's regex runs only at its anchors. The score combines the markers'
/// weights as independent evidence (1 − Π(1 − wᵢ)), so one strong marker or two medium ones cross the default 0.5.
/// </summary>
internal sealed class InjectionDetector : IInjectionDetector
{
    /// <summary>
    /// Anchors of at least three characters and none starting with a space (short anchors and anchors starting with a
    /// frequent character make the multi-string search slow); a hit inside a word is skipped. Nouns that address the model
    /// (" ai ", "assistant", " llm") and objects of prompt leaks ("system prompt") are checked backwards for the
    /// greeting, "note to", "if you are" or verb that precedes them.
    /// </summary>
    private static readonly (string Anchor, Family Family)[] AnchorTable =
    [
        ("ignore", Family.Ignore), ("disregard", Family.Ignore), ("forget", Family.Ignore), ("override", Family.Ignore), ("bypass", Family.Ignore), ("skip ", Family.Ignore), ("neglect", Family.Ignore),
        ("you are now", Family.RoleChange), ("from now on", Family.FromNowOn),
        ("your new", Family.NewTask), ("your real", Family.NewTask), ("your actual", Family.NewTask), ("your true", Family.NewTask), ("your primary", Family.NewTask), ("your only", Family.NewTask), ("your updated", Family.NewTask),
        ("instruction", Family.NewInstructions),
        ("ai ", Family.AiNoun), ("ai,", Family.AiNoun), ("ai:", Family.AiNoun), ("ai.", Family.AiNoun), ("ais ", Family.AiNoun),
        ("assistant", Family.AiNoun), ("llm", Family.AiNoun), ("language model", Family.AiNoun), ("agent", Family.AiNoun), ("chatbot", Family.AiNoun), ("copilot", Family.AiNoun), ("gpt", Family.AiNoun), ("claude", Family.AiNoun), ("automated", Family.AiNoun),
        ("important:", Family.Urgent), ("important!", Family.Urgent), ("urgent", Family.Urgent), ("you must", Family.Urgent), ("immediately", Family.Urgent),
        ("<system", Family.RoleTag), ("</system", Family.RoleTag), ("[inst]", Family.RoleTag), ("[/inst]", Family.RoleTag), ("<<sys>>", Family.RoleTag), ("### ", Family.RoleTag), ("[system", Family.RoleTag), ("system message:", Family.RoleTag), ("system prompt:", Family.RoleTag), ("<assistant>", Family.RoleTag), ("</user>", Family.RoleTag), ("<instructions>", Family.RoleTag), ("{{system", Family.RoleTag), ("system override", Family.RoleTag), ("admin override", Family.RoleTag), ("developer mode", Family.RoleTag), ("system:", Family.RoleTag),
        ("<!--", Family.HtmlComment),
        ("display:none", Family.HiddenCss), ("display: none", Family.HiddenCss), ("font-size:0", Family.HiddenCss), ("font-size: 0", Family.HiddenCss), 
        ("send", Family.SendTo), ("forward", Family.SendTo), ("email", Family.SendTo), ("e-mail", Family.SendTo), ("post it", Family.SendTo), ("post the", Family.SendTo), ("post all", Family.SendTo), ("post them", Family.SendTo), ("post this", Family.SendTo), ("upload", Family.SendTo), ("transmit", Family.SendTo), ("exfiltrate", Family.SendTo), ("leak", Family.SendTo), ("copy", Family.SendTo), ("submit", Family.SendTo), ("share", Family.SendTo), ("relay", Family.SendTo),
        ("include", Family.EmbedInUrl), ("append", Family.EmbedInUrl), ("add the", Family.EmbedInUrl), ("add it", Family.EmbedInUrl), ("add them", Family.EmbedInUrl), ("embed", Family.EmbedInUrl), ("encode", Family.EmbedInUrl), ("insert", Family.EmbedInUrl),
        ("call", Family.CallTool), ("use the", Family.CallTool), ("use your", Family.CallTool), ("invoke", Family.CallTool), ("run the", Family.CallTool), ("run this", Family.CallTool), ("execute", Family.CallTool), ("trigger", Family.CallTool), ("activate", Family.CallTool), ("eval", Family.CallTool),
        ("do not", Family.Secrecy), ("don't", Family.Secrecy), ("dont ", Family.Secrecy), ("never", Family.Secrecy), ("without", Family.Secrecy),
        ("system prompt", Family.PromptObject), ("system message", Family.PromptObject), ("your instructions", Family.PromptObject), ("your prompt", Family.PromptObject), ("your rules", Family.PromptObject), ("initial prompt", Family.PromptObject), ("initial instructions", Family.PromptObject), ("hidden prompt", Family.PromptObject), ("original instructions", Family.PromptObject), ("hidden instructions", Family.PromptObject), 
    ];

    private static readonly AnchorSearch Anchors = new(AnchorTable.Select(a => a.Anchor).OrderBy(a => char.ToLowerInvariant(a[0])), StringComparison.OrdinalIgnoreCase);

    /// <summary>Anchors grouped by lower-case first character, so a hit is dispatched with a handful of comparisons.</summary>
    private static readonly (string Anchor, Family Family)[][] ByFirstChar = BuildDispatch();

    /// <summary>Zero-width, bidi-control and tag-character (high surrogate of U+E0000..U+E007F) code units.</summary>
    private static readonly SearchValues<char> Hidden = SearchValues.Create("\u200B\u2060\u2061\u2062\u2063\u2064\uFEFF\u180E\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uDB40");

    private static readonly SearchValues<char> TemplateTokenChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_");
    private static readonly SearchValues<char> TemplateChars = SearchValues.Create("{}$<[");

    /// <summary>What an exfiltration instruction sends to; without one nearby, "send" is just a verb.</summary>
    private static readonly SearchValues<string> SendTargets = SearchValues.Create(["http", "www.", "@", "url", "endpoint", "webhook", "server", "address", "inbox", "domain", "site", "link"], StringComparison.OrdinalIgnoreCase);

    /// <summary>What a tool-invocation instruction names.</summary>
    private static readonly SearchValues<string> ToolNouns = SearchValues.Create(["tool", "function", "command", "action", "plugin", "api", "endpoint", "skill", "capabilit", "_", "code", "script", "payload"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Where an embedding instruction puts data.</summary>
    private static readonly SearchValues<string> UrlNouns = SearchValues.Create(["url", "link", "query", "image", "request"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("\n!?;");

    private static readonly string[] StrongQualifiers = ["previous", "prior", "above", "earlier", "preceding", "all", "your", "system", "initial", "original", "safety", "any", "existing", "developer", "default", "given"];

    public InjectionAssessment Assess(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 4)
        {
            return InjectionAssessment.None;
        }

        Span<double> weights = stackalloc double[(int)Marker.Count];
        ScanHidden(text, weights, depth: 0);
        ScanPhrases(text, weights);
        return Combine(weights);
    }

    private static InjectionAssessment Combine(ReadOnlySpan<double> weights)
    {
        var remaining = 1.0;
        List<string>? markers = null;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0)
            {
                remaining *= 1 - weights[i];
                (markers ??= []).Add(MarkerNames[i]);
            }
        }

        return markers is null ? InjectionAssessment.None : new InjectionAssessment(Math.Round(1 - remaining, 3), markers);
    }

    private static void ScanPhrases(string text, Span<double> weights)
    {
        if (text.Length > 0 && char.IsLetter(text[0]))
        {
            // A text that opens with "AI: …" or "Assistant, …" has no whitespace before its first word.
            Guarded(text, 0, "ai", Family.AiNoun, weights);
        }

        for (var group = 0; group < Anchors.GroupCount; group++)
        {
            for (var at = Anchors.Next(text, group, 0); at >= 0; at = Anchors.Next(text, group, at + 1))
            {
                Dispatch(text, at, weights);
            }
        }

        // Two-character structural anchors get their own vectorized single-string passes.
        for (var at = text.IndexOf("<|", StringComparison.Ordinal); at >= 0; at = text.IndexOf("<|", at + 2, StringComparison.Ordinal))
        {
            Guarded(text, at, "<|", Family.RoleTag, weights);
        }

        for (var at = text.IndexOf("![", StringComparison.Ordinal); at >= 0; at = text.IndexOf("![", at + 2, StringComparison.Ordinal))
        {
            Guarded(text, at, "![", Family.MarkdownImage, weights);
        }
    }

    private static void Dispatch(string text, int at, Span<double> weights)
    {
        {
            var first = char.ToLowerInvariant(text[at]);
            if (first >= ByFirstChar.Length || (char.IsLetter(first) && at > 0 && char.IsLetterOrDigit(text[at - 1])))
            {
                return;
            }

            foreach (var (anchor, family) in ByFirstChar[first])
            {
                if (text.AsSpan(at).StartsWith(anchor, StringComparison.OrdinalIgnoreCase))
                {
                    var word = anchor[0] is ' ' or '\n' ? at + 1 : at;
                    Guarded(text, word, anchor.TrimStart(), family, weights);
                }
            }
        }
    }

    private static void Guarded(string text, int at, string anchor, Family family, Span<double> weights)
    {
        try
        {
            Check(text, at, anchor, family, weights);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern that cannot decide in time proves nothing; the other anchors still count.
        }
    }

    private static void Check(string text, int at, string anchor, Family family, Span<double> weights)
    {
        switch (family)
        {
            case Family.Ignore:
                var ignore = FirstMatch(InjectionPatterns.IgnorePrevious(), text, at);
                if (ignore.Length > 0 && HasStrongQualifier(ignore))
                {
                    Raise(weights, Marker.IgnorePrevious, 0.9);
                }
                else if (IsMatchAt(InjectionPatterns.ForgetEverything(), text, at))
                {
                    Raise(weights, Marker.IgnorePrevious, 0.85);
                }

                break;
            case Family.RoleChange:
                RaiseIf(InjectionPatterns.RoleChange(), text, at, weights, Marker.RoleChange, 0.6);
                break;
            case Family.FromNowOn:
                RaiseIf(InjectionPatterns.FromNowOn(), text, at, weights, Marker.NewInstructions, 0.3);
                break;
            case Family.NewTask:
                RaiseIf(InjectionPatterns.NewTask(), text, at, weights, Marker.NewInstructions, 0.45);
                break;
            case Family.NewInstructions:
                if (!EndsLikeAHeading(text, at + anchor.Length))
                {
                    break;
                }

                var start = PreviousWords(text, at, 2);
                if (start < at)
                {
                    if (IsMatchAt(InjectionPatterns.NewInstructions(), text, start) || IsMatchAt(InjectionPatterns.NewInstructions(), text, PreviousWords(text, at, 1)))
                    {
                        Raise(weights, Marker.NewInstructions, 0.35);
                    }
                }

                break;
            case Family.AiNoun:
                AiNoun(text, at, weights);
                break;
            case Family.Urgent:
                Raise(weights, Marker.Urgent, 0.2);
                break;
            case Family.RoleTag:
                RoleTag(text, at, anchor, weights);
                break;
            case Family.HtmlComment:
                HtmlComment(text, at, weights);
                break;
            case Family.HiddenCss:
                Raise(weights, Marker.HiddenText, 0.25);
                break;
            case Family.MarkdownImage:
                MarkdownImage(text, at, weights);
                break;
            case Family.SendTo:
                if (!Ahead(text, at, 160, SendTargets))
                {
                    break;
                }

                var send = FirstMatch(InjectionPatterns.SendTo(), text, at);
                if (send.Length > 0)
                {
                    var sensitive = InjectionPatterns.SensitiveObject().IsMatch(send);
                    Raise(weights, sensitive ? Marker.Exfiltration : Marker.SendExternal, sensitive ? 0.6 : 0.3);
                }

                break;
            case Family.EmbedInUrl when Ahead(text, at, 120, UrlNouns):
                RaiseIf(InjectionPatterns.EmbedInUrl(), text, at, weights, Marker.Exfiltration, 0.5);
                break;
            case Family.CallTool:
                if (!Ahead(text, at, 100, ToolNouns, sentence: true) || !CouldNameTool(text, at))
                {
                    break;
                }

                var call = FirstMatch(InjectionPatterns.CallTool(), text, at);
                if (call.Length > 0)
                {
                    Raise(weights, Marker.ToolInvocation, call.Contains('_') ? 0.45 : 0.4);
                }
                else
                {
                    RaiseIf(InjectionPatterns.RunFollowing(), text, at, weights, Marker.ToolInvocation, 0.4);
                }

                break;
            case Family.Secrecy:
                RaiseIf(InjectionPatterns.Secrecy(), text, at, weights, Marker.Secrecy, 0.65);
                break;
            case Family.PromptObject:
                if (Backwards(InjectionPatterns.PromptLeak(), "rpoosdltwe", text, at, 3))
                {
                    Raise(weights, Marker.PromptLeak, 0.55);
                }

                break;
        }
    }

    private static void AiNoun(string text, int at, Span<double> weights)
    {
        if (!CouldAddressAi(text, at))
        {
            return;
        }

        // Forward: "AI assistant, please …", "the AI reading this". Backward: "Dear AI", "Note to the AI", "If you are an AI".
        RaiseIf(InjectionPatterns.AddressAi(), text, at, weights, Marker.AddressedToAi, 0.55);
        if (weights[(int)Marker.AddressedToAi] >= 0.6)
        {
            return;
        }

        if (Backwards(InjectionPatterns.NoteToAi(), "nmirdo", text, at, 4) || Backwards(InjectionPatterns.GreetAi(), "dahgpy", text, at, 2) || Backwards(InjectionPatterns.IfYouAreAi(), "i", text, at, 6))
        {
            Raise(weights, Marker.AddressedToAi, 0.6);
        }
    }

    /// <summary>
    /// Cheap pre-check for an AI noun: either punctuation or a reading verb follows it ("AI, please", "the AI reading
    /// this"), or the word before it can open a greeting, a "note to" or an "if you are".
    /// </summary>
    private static bool CouldAddressAi(string text, int at)
    {
        var i = at;
        while (i < text.Length && i - at < 24 && char.IsLetter(text[i]))
        {
            i++;
        }

        // Up to two nouns ("AI assistant", "language model").
        while (i < text.Length && text[i] == ' ' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i - at < 24)
        {
            var next = i + 1;
            while (next < text.Length && char.IsLetter(text[next]))
            {
                next++;
            }

            var word = text.AsSpan(i + 1, next - i - 1);
            if (IsReadingVerb(word))
            {
                return true;
            }

            if (!(word.Equals("assistant", StringComparison.OrdinalIgnoreCase) || word.Equals("assistants", StringComparison.OrdinalIgnoreCase) || word.Equals("agent", StringComparison.OrdinalIgnoreCase) || word.Equals("agents", StringComparison.OrdinalIgnoreCase) || word.Equals("model", StringComparison.OrdinalIgnoreCase) || word.Equals("models", StringComparison.OrdinalIgnoreCase) || word.Equals("system", StringComparison.OrdinalIgnoreCase)))
            {
                break;
            }

            i = next;
        }

        while (i < text.Length && text[i] == ' ' && i - at < 32)
        {
            i++;
        }

        if (i < text.Length && text[i] is ',' or ':' or '!')
        {
            return true;
        }

        var previous = PreviousWords(text, at, 1);
        if (previous >= at)
        {
            return false;
        }

        var end = previous;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '\''))
        {
            end++;
        }

        var before = text.AsSpan(previous, end - previous);
        if (IsOneOf(before, Determiners))
        {
            // "note to the AI", "if you are an AI", "dear the …": a determiner needs an opener before it.
            var earlier = PreviousWords(text, previous, 1);
            if (earlier >= previous)
            {
                return false;
            }

            end = earlier;
            while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '\''))
            {
                end++;
            }

            return IsOneOf(text.AsSpan(earlier, end - earlier), OpenersBeforeAi);
        }

        return IsOneOf(before, OpenersBeforeAi);
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var candidate in words)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsReadingVerb(ReadOnlySpan<char> word)
    {
        foreach (var prefix in ReadingVerbs)
        {
            if (word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ReadingVerbs = ["read", "process", "summari", "pars", "analy", "scan", "view", "see", "that", "who"];

    private static readonly string[] Determiners = ["the", "a", "an", "any", "all", "every"];

    /// <summary>Words that can stand right before an AI noun in "note to the AI", "Dear AI", "if you are an AI".</summary>
    private static readonly string[] OpenersBeforeAi = ["to", "for", "are", "you're", "be", "dear", "attention", "hey", "hello", "hi", "greetings", "psst", "yo", "note", "message", "instructions", "instruction", "reminder", "memo", "directive", "request", "order"];

    /// <summary>Tries <paramref name="regex"/> (whose matches start with one of <paramref name="firstLetters"/>) at the start of each of the up to <paramref name="words"/> words before <paramref name="at"/>.</summary>
    private static bool Backwards(Regex regex, string firstLetters, string text, int at, int words)
    {
        var start = at;
        for (var w = 0; w < words; w++)
        {
            var previous = PreviousWords(text, start, 1);
            if (previous == start)
            {
                return false;
            }

            start = previous;
            if (firstLetters.Contains(char.ToLowerInvariant(text[start]), StringComparison.Ordinal) && IsMatchAt(regex, text, start))
            {
                return true;
            }
        }

        return false;
    }

    private static void RoleTag(string text, int at, string anchor, Span<double> weights)
    {
        if (anchor == "<|")
        {
            // Chat-template tokens: <|im_start|>, <|system|>, <|endoftext|>.
            var close = text.IndexOf("|>", at + 2, Math.Min(24, text.Length - at - 2), StringComparison.Ordinal);
            if (close > at + 2 && !text.AsSpan(at + 2, close - at - 2).ContainsAnyExcept(TemplateTokenChars))
            {
                Raise(weights, Marker.FakeRoleTag, 0.8);
            }

            return;
        }

        if (anchor == "system:")
        {
            // "System:" opening a line reads as a chat transcript's system turn; weak on its own.
            if (at == 0 || text[at - 1] is '\n' or '\r')
            {
                Raise(weights, Marker.FakeRoleTag, 0.3);
            }

            return;
        }

        if (anchor == "[system")
        {
            // "[system]" / "[system message]" as a turn marker; an INI section "[system]" followed by key=value is not.
            var close = text.IndexOf(']', at);
            if (close > at && close - at < 24 && !IsIniSection(text, close))
            {
                var content = text.AsSpan(at + 1, close - at - 1).Trim();
                if (content.Equals("system", StringComparison.OrdinalIgnoreCase) || content.StartsWith("system ", StringComparison.OrdinalIgnoreCase))
                {
                    Raise(weights, Marker.FakeRoleTag, 0.6);
                }
            }

            return;
        }

        if (anchor == "### ")
        {
            // A markdown heading that names a chat role: "### System:", "### Instruction", "### Assistant".
            var rest = text.AsSpan(at + 4);
            foreach (var role in (ReadOnlySpan<string>)["system", "instruction", "assistant", "user:", "human:"])
            {
                if (rest.StartsWith(role, StringComparison.OrdinalIgnoreCase))
                {
                    Raise(weights, Marker.FakeRoleTag, 0.8);
                    return;
                }
            }

            return;
        }

        if (anchor == "<system")
        {
            var next = at + anchor.Length < text.Length ? text[at + anchor.Length] : '\0';
            if (next is not ('>' or ' ' or '_' or '-'))
            {
                return;
            }
        }

        Raise(weights, Marker.FakeRoleTag, 0.8);
    }

    private static bool IsIniSection(string text, int close)
        => close + 1 < text.Length && text[close + 1] is '\n' or '\r' && text.AsSpan(close + 1, Math.Min(64, text.Length - close - 1)).TrimStart().IndexOf('=') is > 0 and < 40;

    private static void HtmlComment(string text, int at, Span<double> weights)
    {
        var close = text.IndexOf("-->", at + 4, Math.Min(4000, text.Length - at - 4), StringComparison.Ordinal);
        var body = close < 0 ? text.AsSpan(at + 4, Math.Min(4000, text.Length - at - 4)) : text.AsSpan(at + 4, close - at - 4);
        var count = 0;
        foreach (var _ in InjectionPatterns.InstructionWord().EnumerateMatches(body))
        {
            if (++count >= 2)
            {
                Raise(weights, Marker.HiddenInstruction, 0.65);
                return;
            }
        }
    }

    private static void MarkdownImage(string text, int at, Span<double> weights)
    {
        var image = InjectionPatterns.MarkdownImage().Match(text, at);
        if (!image.Success)
        {
            return;
        }

        var target = image.Groups[2].ValueSpan;
        var query = target.IndexOf('?');
        if (query >= 0 && (target[query..].ContainsAny(TemplateChars) || target.Contains("%7B", StringComparison.OrdinalIgnoreCase) || target.Contains("data=", StringComparison.OrdinalIgnoreCase) || target.Contains("base64", StringComparison.OrdinalIgnoreCase)))
        {
            Raise(weights, Marker.Exfiltration, 0.6);
        }

        if (InjectionPatterns.InstructionWord().Count(image.Groups[1].ValueSpan) + InjectionPatterns.InstructionWord().Count(image.Groups[3].ValueSpan) >= 2)
        {
            Raise(weights, Marker.HiddenInstruction, 0.6);
        }
    }

    private static void ScanHidden(string text, Span<double> weights, int depth)
    {
        var span = text.AsSpan();
        var zeroWidth = 0;
        var bidi = 0;
        StringBuilder? tags = null;
        var index = span.IndexOfAny(Hidden);
        while (index >= 0)
        {
            var c = span[index];
            if (c == '\uDB40')
            {
                if (index + 1 < span.Length && span[index + 1] is >= '\uDC00' and <= '\uDC7F' && !IsFlagSequence(span, index))
                {
                    (tags ??= new StringBuilder()).Append((char)(span[index + 1] - 0xDC00));
                }
            }
            else if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                bidi++;
            }
            else if (c != '\uFEFF' || index > 0)
            {
                zeroWidth++;
            }

            var next = span[(index + 1)..].IndexOfAny(Hidden);
            index = next < 0 ? -1 : index + 1 + next;
        }

        if (zeroWidth > 0)
        {
            Raise(weights, Marker.ZeroWidth, zeroWidth >= 3 ? 0.5 : 0.15);
        }

        if (bidi > 0)
        {
            Raise(weights, Marker.BidiOverride, 0.4);
            if (depth == 0 && text.Contains('\u202E'))
            {
                // Right-to-left overrides display reversed text: read it the way it is displayed.
                ScanPhrases(ReverseOverridden(text), weights);
            }
        }

        if (tags is { Length: > 0 })
        {
            Raise(weights, Marker.UnicodeTags, 0.8);
            if (depth == 0)
            {
                // Tag characters spell invisible ASCII: read what they say.
                var hidden = tags.ToString();
                ScanPhrases(hidden, weights);
            }
        }
    }

    private static string ReverseOverridden(string text)
    {
        var builder = new StringBuilder();
        var index = text.IndexOf('\u202E');
        while (index >= 0)
        {
            var end = text.IndexOfAny(['\u202C', '\n'], index + 1);
            var segment = text.AsSpan(index + 1, (end < 0 ? text.Length : end) - index - 1);
            for (var i = segment.Length - 1; i >= 0; i--)
            {
                builder.Append(segment[i]);
            }

            builder.Append('\n');
            index = end < 0 ? -1 : text.IndexOf('\u202E', end);
        }

        return builder.ToString();
    }

    /// <summary>Subdivision flags (🏴 + tag letters + cancel tag) are the one legitimate use of tag characters.</summary>
    private static bool IsFlagSequence(ReadOnlySpan<char> span, int index)
    {
        var i = index;
        while (i >= 2 && span[i - 2] == '\uDB40')
        {
            i -= 2;
        }

        return i >= 2 && span[i - 2] == '\uD83C' && span[i - 1] == '\uDFF4';
    }

    private static bool HasStrongQualifier(ReadOnlySpan<char> match)
    {
        foreach (var qualifier in StrongQualifiers)
        {
            if (match.Contains(qualifier, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int PreviousWords(string text, int at, int words)
    {
        var i = at;
        for (var w = 0; w < words; w++)
        {
            while (i > 0 && text[i - 1] is ' ' or '\t' or ',' or '\n')
            {
                i--;
            }

            var wordEnd = i;
            while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] == '\''))
            {
                i--;
            }

            if (i == wordEnd)
            {
                break;
            }
        }

        return i;
    }

    /// <summary>True when one of <paramref name="words"/> occurs within <paramref name="window"/> characters after <paramref name="at"/> (cheap pre-check before a regex).</summary>
    private static bool Ahead(string text, int at, int window, SearchValues<string> words, bool sentence = false)
    {
        var span = text.AsSpan(at, Math.Min(window, text.Length - at));
        var end = sentence ? span.IndexOfAny(SentenceEnds) : span.IndexOf('\n');
        return (end < 0 ? span : span[..end]).IndexOfAny(words) >= 0;
    }

    /// <summary>
    /// Cheap pre-check for <see cref="InjectionPatterns.CallTool"/>/<see cref="InjectionPatterns.RunFollowing"/>: within
    /// the next four words a tool noun follows, a snake_case name appears, or "following"/"this"/"these" introduces code.
    /// </summary>
    private static bool CouldNameTool(string text, int at)
    {
        var i = at;
        for (var w = 0; w < 5 && i < text.Length; w++)
        {
            while (i < text.Length && text[i] is ' ' or '`' or '\'' or '"')
            {
                i++;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-'))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            var word = text.AsSpan(start, i - start).TrimEnd('.');
            if (word.Contains('_') || word.IndexOfAny(ToolNouns) == 0 || word.Equals("following", StringComparison.OrdinalIgnoreCase) || word.Equals("this", StringComparison.OrdinalIgnoreCase) || word.Equals("these", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"instructions:", "instructions -", "instructions follow": the shape of a heading that introduces new instructions.</summary>
    private static bool EndsLikeAHeading(string text, int i)
    {
        if (i < text.Length && text[i] is 's' or 'S')
        {
            i++;
        }

        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i < text.Length && text[i] is ':' or '-' or 'f' or 'F';
    }

    /// <summary>True when the <c>\G</c>-anchored <paramref name="regex"/> matches at <paramref name="at"/> (no allocation).</summary>
    private static bool IsMatchAt(Regex regex, string text, int at) => regex.IsMatch(text.AsSpan(at));

    /// <summary>The match of the <c>\G</c>-anchored <paramref name="regex"/> at <paramref name="at"/>, or empty (no allocation).</summary>
    private static ReadOnlySpan<char> FirstMatch(Regex regex, string text, int at)
    {
        var span = text.AsSpan(at);
        foreach (var match in regex.EnumerateMatches(span))
        {
            return span.Slice(match.Index, match.Length);
        }

        return [];
    }

    private static void RaiseIf(Regex regex, string text, int at, Span<double> weights, Marker marker, double weight)
    {
        if (IsMatchAt(regex, text, at))
        {
            Raise(weights, marker, weight);
        }
    }

    private static void Raise(Span<double> weights, Marker marker, double weight)
    {
        if (weight > weights[(int)marker])
        {
            weights[(int)marker] = weight;
        }
    }

    private static (string Anchor, Family Family)[][] BuildDispatch()
    {
        var table = new (string, Family)[128][];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = [.. AnchorTable.Where(a => char.ToLowerInvariant(a.Anchor[0]) == c)];
        }

        return table;
    }

    private static readonly string[] MarkerNames =
    [
        "ignore-previous", "role-change", "new-instructions", "addressed-to-ai", "urgent-override", "fake-role-tag", "hidden-instruction",
        "hidden-text", "exfiltration", "send-external", "tool-invocation", "secrecy", "prompt-leak", "zero-width", "bidi-override", "unicode-tags",
    ];

    private enum Marker
    {
        IgnorePrevious,
        RoleChange,
        NewInstructions,
        AddressedToAi,
        Urgent,
        FakeRoleTag,
        HiddenInstruction,
        HiddenText,
        Exfiltration,
        SendExternal,
        ToolInvocation,
        Secrecy,
        PromptLeak,
        ZeroWidth,
        BidiOverride,
        UnicodeTags,
        Count,
    }

    private enum Family
    {
        Ignore,
        RoleChange,
        FromNowOn,
        NewTask,
        NewInstructions,
        AiNoun,
        Urgent,
        RoleTag,
        HtmlComment,
        HiddenCss,
        MarkdownImage,
        SendTo,
        EmbedInUrl,
        CallTool,
        Secrecy,
        PromptObject,
    }
}
