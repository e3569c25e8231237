using System.Text;

namespace AgentGuard;

/// <summary>
/// The string values of a JSON result, each read as a text of its own: a model reads <c>{"body": "Name the largest
/// bone in the human body. …"}</c> as an e-mail body that opens with a task, while the detector's checks of a text's or a
/// line's opening see <c>{"body": "</c> there. Values are decoded (<see cref="JsonEscapes"/>) and kept apart by a
/// <see cref="PlainReading.GapLine"/>, so nothing is read across two of them (a sentence split across fields is
/// <see cref="SplitFieldsReading"/>'s); a value that is itself JSON is read through, up to
/// <see cref="JsonEscapes.MaximumLevels"/> levels. Only a text that opens with <c>{</c> or <c>[</c> is read, and only
/// values of several words (keys, names, identifiers and numbers open no sentence) or of words run together into an
/// order (<see cref="JoinedWordsReading"/>).
/// </summary>
internal static class JsonValuesReading
{
    /// <summary>Shortest value read: a task or a request of a few words.</summary>
    private const int MinimumValue = 16;

    /// <summary>The values of several words, decoded, each a run between gap lines; null when the text is no JSON or holds none.</summary>
    public static string? Of(ReadOnlySpan<char> text)
    {
        StringBuilder? reading = null;
        Append(text, ref reading, level: 0);
        return reading?.ToString();
    }

    private static void Append(ReadOnlySpan<char> text, ref StringBuilder? reading, int level)
    {
        var opening = text.TrimStart();
        if (opening.IsEmpty || opening[0] is not ('{' or '['))
        {
            return;
        }

        for (var at = text.IndexOf('"'); at >= 0;)
        {
            var end = StringEnd(text, at + 1);
            if (end < 0)
            {
                return;
            }

            var written = text[(at + 1)..end];
            var after = text[(end + 1)..].TrimStart();
            var isKey = !after.IsEmpty && after[0] == ':';
            if (!isKey && written.Length >= MinimumValue)
            {
                var value = JsonEscapes.Decoded(written, asRead: true) ?? written.ToString();
                if (level + 1 < JsonEscapes.MaximumLevels && value.AsSpan().TrimStart() is ['{' or '[', ..])
                {
                    Append(value, ref reading, level + 1);
                }
                else if (value.AsSpan().IndexOfAny(' ', '\n') >= 0 || !Ascii.IsValid(value) || JoinedWordsReading.MayHold(value))
                {
                    (reading ??= new StringBuilder()).Append(PlainReading.GapLine).Append(value);
                }
            }

            var next = text[(end + 1)..].IndexOf('"');
            at = next < 0 ? -1 : end + 1 + next;
        }
    }

    /// <summary>Where the string that opens before <paramref name="from"/> closes (its unescaped quote), or -1.</summary>
    private static int StringEnd(ReadOnlySpan<char> text, int from)
    {
        for (var i = from; i < text.Length;)
        {
            var found = text[i..].IndexOfAny('"', '\\');
            if (found < 0)
            {
                return -1;
            }

            i += found;
            if (text[i] == '"')
            {
                return i;
            }

            i += 2;
        }

        return -1;
    }
}
