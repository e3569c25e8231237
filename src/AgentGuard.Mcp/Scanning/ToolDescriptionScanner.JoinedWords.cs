using System.Buffers;

namespace AgentGuard.Mcp;

/// <content>
/// An order written with its words joined by underscores or hyphens ("ignore_previous_instructions",
/// "IGNORE-ALL-PREVIOUS-INSTRUCTIONS", "you_are_now_jailbroken"), in a description or as a schema property's name: the
/// phrase search compares words separated by white space, so such an order went unread. Each token of at least
/// <see cref="JoinedWordsMinimum"/> letter words joined by '_' or '-' is read again, alone, with its joints as spaces.
/// Identifiers and hyphenated words of real servers ("include_archived_items", "state-of-the-art") hold no phrase. Only
/// orders (instruction findings) are taken from a joined token: an identifier that names a credential ("private_key_id"
/// of a service-account key) or the prompt of an LLM tool ("custom_system_prompt") is a name, not an order.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>How many joined words make a token worth reading again (two-word identifiers such as "system_prompt" are names).</summary>
    internal const int JoinedWordsMinimum = 3;

    /// <summary>The findings a joined token carries: orders. An identifier that names a credential ("private_key_id", "aws_secret_key") is a name, not a request for it.</summary>
    private const string OrderFinding = "instruction:";

    /// <summary>Findings a joined token does not carry: a prompt named as a parameter is no order.</summary>
    private const string PromptNamed = "instruction:\"system prompt\"";

    /// <summary>Reads again, with their joints as spaces, the tokens of <paramref name="text"/> of at least <see cref="JoinedWordsMinimum"/> words joined by '_' or '-'.</summary>
    private static void ReadJoinedWords(ReadOnlySpan<char> text, ref List<string>? findings)
    {
        var next = text.IndexOfAny('_', '-');
        if (next < 0)
        {
            return;
        }

        char[]? folded = null;
        var length = 0;
        try
        {
            while (next >= 0)
            {
                var joint = next;
                var start = joint;
                while (start > 0 && char.IsAsciiLetter(text[start - 1]))
                {
                    start--;
                }

                var end = joint;
                var words = start < joint ? 1 : 0;
                while (words > 0 && end + 1 < text.Length && text[end] is '_' or '-' && char.IsAsciiLetter(text[end + 1]))
                {
                    end++;
                    while (end < text.Length && char.IsAsciiLetter(text[end]))
                    {
                        end++;
                    }

                    words++;
                }

                if (words >= JoinedWordsMinimum && (start == 0 || !char.IsAsciiDigit(text[start - 1])))
                {
                    folded ??= ArrayPool<char>.Shared.Rent(Math.Min(text.Length + 1, 4096));
                    if (length + (end - start) + 1 <= folded.Length)
                    {
                        for (var k = start; k < end; k++)
                        {
                            folded[length++] = text[k] is '_' or '-' ? ' ' : text[k];
                        }

                        folded[length++] = '\u2029';
                    }
                }

                var resume = Math.Max(end, joint + 1);
                var rest = resume < text.Length ? text[resume..].IndexOfAny('_', '-') : -1;
                next = rest < 0 ? -1 : resume + rest;
            }

            if (length == 0)
            {
                return;
            }

            var spaced = folded.AsSpan(0, length);
            var reader = new PhraseReader(false, null);
            foreach (var at in new WordStarts(spaced, WalkCharacters, nonAscii: false))
            {
                reader.At(spaced, at, reader.Look(spaced, at));
            }

            if (reader.Findings is { } found)
            {
                foreach (var finding in found)
                {
                    if (finding.StartsWith(OrderFinding, StringComparison.Ordinal) && finding != PromptNamed)
                    {
                        Add(ref findings, finding);
                    }
                }
            }
        }
        finally
        {
            if (folded is not null)
            {
                ArrayPool<char>.Shared.Return(folded);
            }
        }
    }
}
