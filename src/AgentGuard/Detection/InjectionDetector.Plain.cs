namespace AgentGuard;

/// <content>
/// Text written to dodge word matching ("ignоre" with a Cyrillic "о", "**ignore** **previous**", full-width or
/// mathematical letters, small capitals, soft hyphens inside words, runs of spaces between words, letters spaced apart) is
/// read a second time the way a model reads it (<see cref="PlainReading"/>), and so are a sentence laid out one word per
/// line (<see cref="WordPerLineReading"/>), words spelled out letter by letter ("i-g-n-o-r-e", <see cref="SpelledOutReading"/>),
/// letters spaced apart with a mark between words ("i g n o r e / a l l", <see cref="SpacedLettersReading"/>), digits and
/// signs for letters ("1gn0r3", "|gn0r3", <see cref="LeetReading"/>), words joined by hyphens ("IGNORE-ALL-TEXT-BELOW",
/// <see cref="HyphenJoinedReading"/>), a sentence split across fields or cells (<see cref="SplitFieldsReading"/>):
/// what its disguised lines say counts as if it were written plainly. Text turned upside down (<see cref="UpsideDownReading"/>)
/// and Pig Latin (<see cref="PigLatinReading"/>) are read as decoded text: they count when they are an injection alone.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>
    /// Reads the plain reading of <paramref name="text"/>, if any line changes, and hands it back (null when none does).
    /// With <paramref name="mayRespace"/> (no second reader needs the walk over the text as written), a text whose lines
    /// change only in their spacing (justified text, a rendered manual: runs of spaces between words on most lines) is not
    /// read twice: <paramref name="respaced"/> is the text with those lines folded, for the walk to read instead of the text.
    /// <paramref name="readAny"/>: one of the readings found something to read in the text.
    /// </summary>
    private static string? ScanPlainReading(ReadOnlySpan<char> text, Span<double> weights, bool mayRespace, out string? respaced, out bool readAny)
    {
        respaced = null;
        var plain = mayRespace ? PlainReading.Of(text, out respaced) : PlainReading.Of(text);
        readAny = respaced is not null;
        readAny |= ScanRuns(plain, weights);
        readAny |= ScanReading(WordPerLineReading.Of(text), weights);
        readAny |= ScanReading(SpelledOutReading.Of(text), weights);
        readAny |= ScanReading(SpacedLettersReading.Of(text), weights);
        readAny |= ScanRuns(LeetReading.Of(text), weights);
        readAny |= ScanReading(HyphenatedReading.Of(text), weights);
        readAny |= ScanRuns(HyphenJoinedReading.Of(text, out var shortJoinedRuns), weights);
        readAny |= ScanRuns(JoinedWordsReading.Of(text), weights);
        readAny |= ReadDecoded(UpsideDownReading.Of(text), weights);
        readAny |= ReadDecoded(PigLatinReading.Of(text), weights);
        if (plain is not null)
        {
            // Words joined by invisible characters are run together once the plain reading drops them.
            _ = ScanRuns(JoinedWordsReading.Of(plain), weights);
        }

        readAny |= shortJoinedRuns is not null;
        ScanShortJoinedRuns(shortJoinedRuns, weights);

        // A sentence joined from fields or cells is read for its phrases only: its opening is no line's opening.
        if (SplitFieldsReading.Of(text) is { Length: >= 4 } joinedFields)
        {
            readAny = true;
            ScanPhrases(joinedFields, weights);
        }

        return plain;
    }

    /// <summary>Markers a short joined run may raise: orders that need no sentence around them.</summary>
    private static readonly Marker[] ShortRunMarkers = [Marker.IgnorePrevious, Marker.RoleChange, Marker.NewInstructions, Marker.PromptLeak];

    /// <summary>
    /// Short joined runs ("ignore-all-previous-instructions", <see cref="HyphenJoinedReading"/>) read for their phrases
    /// only, and only for an order that stands without a sentence: a slug is no sentence, and the weak cues a slug's words
    /// hold ("end-of-file", "read-before-use") would add up as if written in prose.
    /// </summary>
    private static void ScanShortJoinedRuns(string? shortRuns, Span<double> weights)
    {
        if (shortRuns is null)
        {
            return;
        }

        Span<double> own = stackalloc double[WeightSlots];
        ScanPhrases(shortRuns, own);
        foreach (var marker in ShortRunMarkers)
        {
            Raise(weights, marker, own[(int)marker]);
        }
    }

    /// <summary>
    /// The plain reading scanned run by run (whether there was one): its runs of lines lie apart in the text (<see cref="PlainReading.GapLine"/>
    /// between them), so nothing the scan reads across lines — a phrase, a comment, a window — joins two of them.
    /// </summary>
    private static bool ScanRuns(string? plain, Span<double> weights)
    {
        if (plain is null)
        {
            return false;
        }

        var rest = plain.AsSpan();
        while (!rest.IsEmpty)
        {
            var gap = rest.IndexOf(PlainReading.GapLine, StringComparison.Ordinal);
            var run = gap < 0 ? rest : rest[..gap];
            if (run.Length >= 4)
            {
                ScanPhrases(run, weights);
                ScanOpenings(run, weights);
            }

            // The next run starts with the gap line's line break, so its first line is read as a line's opening.
            rest = gap < 0 ? [] : rest[(gap + PlainReading.GapLine.Length - 1)..];
        }

        return true;
    }

    /// <summary>
    /// The values of a JSON result (<see cref="JsonValuesReading"/>) scanned run by run. A value's text stands in the
    /// decoded result as it stands here, so the walk of the result already checks every stop of a value but those near
    /// its edges, where a check reads past the value into the result's keys (or here, into nothing): a long value's
    /// stops farther than <see cref="ValueEdge"/> from both ends are left to that walk, which halves what a JSON result
    /// costs. Not when the result was walked respaced (<paramref name="resultRespaced"/>): then its text differs.
    /// </summary>
    private static void ScanValues(string? values, Span<double> weights, bool resultRespaced)
    {
        if (values is null)
        {
            return;
        }

        var rest = values.AsSpan();
        while (!rest.IsEmpty)
        {
            var gap = rest.IndexOf(PlainReading.GapLine, StringComparison.Ordinal);
            var run = gap < 0 ? rest : rest[..gap];
            if (run.Length >= 4)
            {
                var none = default(NoReader);
                var interior = !resultRespaced && run.Length > 2 * ValueEdge;
                _ = ScanPhrases(run, weights, ref none, interior ? ValueEdge : int.MaxValue, run.Length - ValueEdge);
                ScanOpenings(run, weights);
            }

            rest = gap < 0 ? [] : rest[(gap + PlainReading.GapLine.Length - 1)..];
        }
    }

    /// <summary>
    /// The readings that rewrite the words around them (ROT13, reversed text, and the plain readings of
    /// <see cref="ScanPlainReading"/>) over a JSON result's string values, each a text of its own: in the result, a value
    /// that is all disguise (borrowed or full-width letters, ROT13, reversed, words run together) reads as a quoted
    /// string, which mentions an order rather than gives it, and would be missed where the same words standing alone are
    /// read. The other whole-text readings (hidden characters, encodings, Morse, other languages) read what they decode
    /// as a text of its own already, in the result as in a value. The plain readings find in the values only what they
    /// found in the result, whose decoded text holds every value: when none of them read anything in the result
    /// (<paramref name="resultRead"/> false, nearly every clean result), the values are not read again.
    /// </summary>
    private static void ScanValueReadings(string? values, Span<double> weights, bool resultRead)
    {
        if (values is not { Length: >= 4 })
        {
            return;
        }

        ScanRotated(values, weights);
        ScanReversed(values, weights);
        if (resultRead)
        {
            _ = ScanPlainReading(values, weights, mayRespace: false, out _, out _);
        }
    }

    /// <summary>How far from a value's ends its stops are walked again (<see cref="ScanValues"/>): past the longest window a check reads.</summary>
    private const int ValueEdge = 1024;

    /// <summary>
    /// A reading that turns the text's letters into others (null when the text holds nothing it reads so), read as decoded
    /// text: it counts only when it is an injection on its own. Whether there was one.
    /// </summary>
    private static bool ReadDecoded(string? reading, Span<double> weights)
    {
        if (reading is { Length: >= 4 })
        {
            ReadDecodedText(reading, weights);
        }

        return reading is not null;
    }

    /// <summary>
    /// A reading of the text (null when the text holds nothing it reads otherwise) scanned for phrases and line openings;
    /// whether there was one.
    /// </summary>
    private static bool ScanReading(string? reading, Span<double> weights)
    {
        if (reading is { Length: >= 4 })
        {
            ScanPhrases(reading, weights);
            ScanOpenings(reading, weights);
        }

        return reading is not null;
    }
}
