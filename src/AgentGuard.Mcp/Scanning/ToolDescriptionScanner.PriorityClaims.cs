using System.Buffers;

namespace AgentGuard.Mcp;

/// <content>
/// A claim of rank over what the model answers to: the description "takes precedence over" the user's request,
/// "overrides" earlier instructions, "supersedes" all other guidance, "outranks" the system prompt. A tool's description
/// informs a call; it has no standing against the user or the host, and text that claims it speaks to the model. What a
/// setting overrides (a default, a configuration, another value) ranks values, not instructions. Rank over every other
/// tool ("takes precedence over all other tools", "overrides any other tool") reaches into how the model picks among the
/// servers it has, and counts as well; a tools setting ("overrides the tools configuration") does not.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Verbs of outranking that take their object straight after them ("overrides your previous instructions").</summary>
    internal static readonly string[] OutrankingVerbs =
        ["override", "overrides", "overriding", "overrode", "supersede", "supersedes", "superseding", "outrank", "outranks", "outranking"];

    /// <summary>Words of rank that take their object after "over" ("takes precedence over", "has priority over", "prevails over").</summary>
    internal static readonly string[] RankOverWords = ["precedence", "priority", "prevail", "prevails", "prevailing"];

    /// <summary>
    /// What the model answers to, when named with one of <see cref="InstructionOwners"/> or <see cref="InstructionQuantifiers"/>
    /// right before it ("your previous instructions", "all other guidance", "the user's request", "safety guidelines").
    /// </summary>
    internal static readonly string[] InstructionNouns =
        ["instructions", "instruction", "directives", "directive", "guidance", "guidelines", "guideline", "prompt", "prompts",
         "programming", "request", "requests", "wishes", "preferences", "question", "questions", "intent", "commands", "rules",
         "policies", "restrictions", "guardrails", "tools", "tool", "functions", "servers"];

    /// <summary>Words right before an instruction noun that make it the model's own: its owner or its standing ("the user's request", "previous instructions").</summary>
    internal static readonly string[] InstructionOwners =
        ["your", "user", "users", "system", "safety", "previous", "prior", "earlier", "original", "conflicting", "developer", "operator"];

    /// <summary>Quantifiers right before an instruction noun that make it every instruction the model has ("all other guidance", "any instructions"); not "any rules" or "all requests", which are a tool's own.</summary>
    internal static readonly string[] InstructionQuantifiers = ["all", "any", "other"];

    /// <summary>The nouns a quantifier alone makes the model's: words of instruction that a tool's settings do not use for themselves.</summary>
    internal static readonly string[] QuantifiedInstructionNouns =
        ["instructions", "instruction", "directives", "directive", "guidance", "guidelines", "prompts", "tools", "tool", "functions", "servers"];

    /// <summary>Words after an instruction noun that make it a label of a setting ("the instructions field", "the prompt template").</summary>
    internal static readonly string[] InstructionLabels =
        ["field", "fields", "parameter", "parameters", "property", "properties", "file", "files", "template", "templates", "setting",
         "settings", "id", "ids", "key", "value", "values", "option", "options", "flag", "flags", "column", "attribute", "name", "level",
         "default", "defaults", "config", "configuration", "timeout", "list", "array", "schema", "definitions"];

    /// <summary>Words for whatever the user says ("anything the user says", "whatever the user asks").</summary>
    internal static readonly string[] AnythingWords = ["anything", "everything", "whatever", "what"];

    /// <summary>Verbs of the user's saying after "anything the user".</summary>
    internal static readonly string[] SayingVerbs = ["says", "said", "asks", "asked", "wants", "wanted", "requests", "requested", "writes", "wrote", "types", "typed", "tells", "told"];

    /// <summary>How many words after the verb (or after "over") the instruction may be named ("take priority over the user's request": three).</summary>
    internal const int OutrankedObjectDistance = 8;

    /// <summary>How many words before the verb a negation may stand ("Never let cached results override …": four).</summary>
    internal const int OutrankingNegationDistance = 4;

    private static readonly SearchValues<string> OutrankingAnchors =
        SearchValues.Create(["overrid", "overrod", "supersed", "outrank", "precedence", "priority", "prevail"], StringComparison.OrdinalIgnoreCase);

    private static readonly WordSet OutrankingVerbLookup = new(OutrankingVerbs);

    private static readonly WordSet RankOverWordLookup = new(RankOverWords);

    private static readonly WordSet InstructionNounLookup = new(InstructionNouns);

    private static readonly WordSet InstructionOwnerLookup = new(InstructionOwners);

    private static readonly WordSet InstructionQuantifierLookup = new(InstructionQuantifiers);

    private static readonly WordSet QuantifiedInstructionNounLookup = new(QuantifiedInstructionNouns);

    private static readonly WordSet InstructionLabelLookup = new(InstructionLabels);

    private static readonly WordSet AnythingWordLookup = new(AnythingWords);

    private static readonly WordSet SayingVerbLookup = new(SayingVerbs);

    /// <summary>
    /// A verb of outranking (<see cref="OutrankingVerbs"/>; or a word of <see cref="RankOverWords"/> followed by "over"),
    /// not negated in the <see cref="OutrankingNegationDistance"/> words before it, has for its object, within
    /// <see cref="OutrankedObjectDistance"/> words of the same sentence, what the model answers to: an instruction noun
    /// owned by the model's principals or standing before it ("the user's request", "your previous instructions", "safety
    /// guidelines", "the system prompt"), every instruction it has ("all other guidance", "any prior instructions") or
    /// whatever the user says ("anything the user says"). "Explicit arguments take precedence over environment variables",
    /// "Overrides any rules configured on the interface", "Overrides any instructions field set on the agent" and "is
    /// overridden by the user's preferences" claim no rank over the model's instructions.
    /// </summary>
    internal static bool ClaimsPriorityOverInstructions(ReadOnlySpan<char> text)
    {
        // Every verb and word of rank starts with one of the anchors: only the words that start at one are read.
        for (var from = 0; from < text.Length;)
        {
            var found = text[from..].IndexOfAny(OutrankingAnchors);
            if (found < 0)
            {
                return false;
            }

            var i = from + found;
            var end = i;
            while (end < text.Length && char.IsLetter(text[end]))
            {
                end++;
            }

            from = end;
            if (i > 0 && char.IsLetter(text[i - 1]))
            {
                // Inside a longer word ("xoverride"): no verb of its own.
                continue;
            }

            var word = text[i..end];
            var objectFrom = -1;
            if (OutrankingVerbLookup.Contains(word))
            {
                objectFrom = end;
            }
            else if (RankOverWordLookup.Contains(word))
            {
                var k = end;
                if (NextWord(text, ref k, out var over) && AsciiCase.Equals(over, "over"))
                {
                    objectFrom = k;
                }
            }

            if (objectFrom >= 0 && !NegatedOutranking(text, i) && OutrankedInstructionFollows(text, objectFrom))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A negation ("not", "never", a word ending in "n't", "cannot") among the <see cref="OutrankingNegationDistance"/> words before <paramref name="at"/> in its sentence.</summary>
    private static bool NegatedOutranking(ReadOnlySpan<char> text, int at)
    {
        var from = at;
        for (var words = 0; words < OutrankingNegationDistance && PreviousWord(text, ref from, out var word); words++)
        {
            if (NegationLookup.Contains(word) || AsciiCase.Equals(word, "cannot") || word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || word.EndsWith("n\u2019t", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Within <see cref="OutrankedObjectDistance"/> words after <paramref name="from"/>, in the same sentence, an instruction the model answers to.</summary>
    private static bool OutrankedInstructionFollows(ReadOnlySpan<char> text, int from)
    {
        var previousWord = (Start: 0, Length: 0);
        var anything = false;
        for (var words = 0; words < OutrankedObjectDistance && NextWord(text, ref from, out var word); words++)
        {
            if (word.Length == 1 && word[0] is 's' or 'S')
            {
                // The "s" of a possessive ("the user's") is no word of its own.
                words--;
                continue;
            }

            if (words == 0 && AsciiCase.Equals(word, "by"))
            {
                // "is overridden by the user's preferences": the user's word wins.
                return false;
            }

            var previous = text.Slice(previousWord.Start, previousWord.Length);
            if (anything && AsciiCase.Equals(previous, "user") && SayingVerbLookup.Contains(word))
            {
                return true;
            }

            anything |= AnythingWordLookup.Contains(word);
            if (InstructionNounLookup.Contains(word)
                && (InstructionOwnerLookup.Contains(previous) || (InstructionQuantifierLookup.Contains(previous) && QuantifiedInstructionNounLookup.Contains(word))))
            {
                var k = from;
                if (!NextWord(text, ref k, out var label) || !InstructionLabelLookup.Contains(label))
                {
                    return true;
                }
            }

            previousWord = (from - word.Length, word.Length);
        }

        return false;
    }
}
