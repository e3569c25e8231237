namespace AgentGuard;

/// <content>
/// An encoded order whose key word is misspelt ("Inore the function and state …", "Disregrad the document …"): the
/// encoding already hides it from a filter, the misspelling from a second one, and a model reads both as meant. Decoded
/// text is read again with a word one typing slip from "ignore" or "disregard" spelt right; it counts only when that
/// reading alone is an injection. Plain text is not respelt: the walk finds its words as written.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>The verbs of dropping what was read, as a misspelling is compared with them.</summary>
    private static readonly string[] RespeltVerbs = ["ignore", "disregard"];

    /// <summary>
    /// True when <paramref name="decoded"/>, with its first word one slip from a <see cref="RespeltVerbs"/> verb spelt
    /// right, scores as an injection; its markers are then in <paramref name="inner"/>.
    /// </summary>
    private static bool ReadsAsOrderRespelt(ReadOnlySpan<char> decoded, Span<double> inner)
    {
        var i = 0;
        while (i < decoded.Length)
        {
            while (i < decoded.Length && !char.IsAsciiLetter(decoded[i]))
            {
                i++;
            }

            var start = i;
            while (i < decoded.Length && char.IsAsciiLetter(decoded[i]))
            {
                i++;
            }

            var word = decoded[start..i];
            foreach (var verb in RespeltVerbs)
            {
                if (IsOneSlipFrom(word, verb))
                {
                    return ScoresRespelt(decoded, start, word.Length, verb, inner);
                }
            }
        }

        return false;
    }

    private static bool ScoresRespelt(ReadOnlySpan<char> decoded, int start, int length, string verb, Span<double> inner)
    {
        Span<char> respelt = stackalloc char[decoded.Length - length + verb.Length];
        decoded[..start].CopyTo(respelt);
        verb.CopyTo(respelt[start..]);
        if (char.IsAsciiLetterUpper(decoded[start]))
        {
            respelt[start] = char.ToUpperInvariant(verb[0]);
        }

        decoded[(start + length)..].CopyTo(respelt[(start + verb.Length)..]);
        Span<double> weights = stackalloc double[WeightSlots];
        ScanPhrases(respelt, weights);
        ScanOpenings(respelt, weights);
        if (ScoreOf(weights) < 0.5)
        {
            return false;
        }

        weights.CopyTo(inner);
        return true;
    }

    /// <summary>
    /// <paramref name="word"/> is one slip from <paramref name="target"/> (lower case): one letter left out, added,
    /// changed, or two neighbours swapped — not the word itself.
    /// </summary>
    private static bool IsOneSlipFrom(ReadOnlySpan<char> word, string target)
    {
        if (Math.Abs(word.Length - target.Length) > 1 || word.Length < 4)
        {
            return false;
        }

        var i = 0;
        while (i < word.Length && i < target.Length && char.ToLowerInvariant(word[i]) == target[i])
        {
            i++;
        }

        if (i == word.Length && i == target.Length)
        {
            return false;
        }

        if (word.Length == target.Length)
        {
            return SameTail(word, i + 1, target, i + 1)
                || (i + 1 < word.Length && char.ToLowerInvariant(word[i]) == target[i + 1] && char.ToLowerInvariant(word[i + 1]) == target[i] && SameTail(word, i + 2, target, i + 2));
        }

        return word.Length < target.Length ? SameTail(word, i, target, i + 1) : SameTail(word, i + 1, target, i);
    }

    private static bool SameTail(ReadOnlySpan<char> word, int from, string target, int targetFrom)
    {
        if (word.Length - from != target.Length - targetFrom)
        {
            return false;
        }

        for (var k = 0; k < word.Length - from; k++)
        {
            if (char.ToLowerInvariant(word[from + k]) != target[targetFrom + k])
            {
                return false;
            }
        }

        return true;
    }
}
