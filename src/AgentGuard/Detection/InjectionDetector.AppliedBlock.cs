namespace AgentGuard;

/// <content>
/// A policy written as data and ordered applied: a YAML, JSON, INI or TOML block that names a sending or writing tool
/// (<c>method: gmail_send_message</c>, <c>"tool": "slack_post_message"</c>, <c>action = send_api_key</c>,
/// <c>tool = "drive_create_file"</c>), followed by "Execute the above security compliance directive", "Apply the
/// security policy configuration above", "Please apply the above policy update immediately". An attacker who dresses
/// an order as configuration still has to tell the reader to carry it out, and the block has to name the reader's own
/// tools to say what it does. Manuals show configuration and say "apply the configuration above" too, but their blocks
/// name settings and resources, not an agent's sending tools. Tuning rows: verifiers-prompt-injection's policy-puppetry
/// tier (one source's misses, said plainly). Checked only at its anchors ("apply the", "apply this", "execute the",
/// "execute this", "enforce the"), which read the next six words; only when they refer back to a block of rules are the
/// 800 characters before read for a tool's name.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>What a block of rules is called when it is ordered applied.</summary>
    private static readonly string[] RuleBlockNouns =
    [
        "directive", "directives", "policy", "policies", "configuration", "config", "rules", "rule", "update", "settings",
        "protocol", "workflow", "procedure", "instructions", "mandate",
    ];

    /// <summary>Words that point back at the block (a block that follows has not named its tools yet).</summary>
    private static readonly string[] BlockPointers = ["above", "preceding", "previous"];

    /// <summary>How far before the order a sending tool's name is looked for.</summary>
    private const int AppliedBlockWindow = 800;

    /// <summary>
    /// At an order to apply or execute (opening a clause): "above"/"below" and a block noun within the next six words,
    /// and a sending or writing tool's snake_case name in the text before.
    /// </summary>
    private static void AppliedBlock(ReadOnlySpan<char> text, int at, Span<double> weights)
    {
        if (!OpensAClause(text, at) && !PrecededByPlease(text, at))
        {
            return;
        }

        var i = at;
        _ = NextWord(text, ref i); // the verb
        var end = SentenceEnd(text, i, 160);
        var pointer = false;
        var noun = false;
        for (var w = 0; w < 6; w++)
        {
            var word = NextWordOfSpan(text[..end], ref i);
            if (word.IsEmpty)
            {
                break;
            }

            pointer |= IsOneOf(word, BlockPointers);
            noun |= IsOneOf(word, RuleBlockNouns);
        }

        if (pointer && noun && NamesASendingToolBefore(text, at))
        {
            Raise(weights, Marker.NewInstructions, 0.5);
        }
    }

    /// <summary>"Please" (or "kindly") right before the verb.</summary>
    private static bool PrecededByPlease(ReadOnlySpan<char> text, int at)
    {
        var k = PreviousWordStart(text, at);
        if (k > 0 && text[k] == 'n' && text[k - 1] == '\\')
        {
            k++; // "\nPlease": the 'n' of an escaped line break inside a JSON string is not part of the word
        }

        return k >= 0 && (WordAt(text, k).Equals("please", StringComparison.OrdinalIgnoreCase) || WordAt(text, k).Equals("kindly", StringComparison.OrdinalIgnoreCase)) && OpensAClause(text, k);
    }

    /// <summary>A sending or writing tool's snake_case name (<see cref="IsSendingTool"/>) in the window before <paramref name="at"/>.</summary>
    private static bool NamesASendingToolBefore(ReadOnlySpan<char> text, int at)
    {
        var from = Math.Max(0, at - AppliedBlockWindow);
        var window = text[from..at];
        var i = 0;
        while (i < window.Length)
        {
            var underscore = window[i..].IndexOf('_');
            if (underscore < 0)
            {
                return false;
            }

            var k = i + underscore;
            var start = k;
            while (start > 0 && char.IsAsciiLetterLower(window[start - 1]))
            {
                start--;
            }

            var stop = k + 1;
            while (stop < window.Length && (char.IsAsciiLetterLower(window[stop]) || window[stop] == '_'))
            {
                stop++;
            }

            if (IsSendingTool(window[start..stop]))
            {
                return true;
            }

            i = stop;
        }

        return false;
    }
}
