using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AgentGuard.Mcp;

/// <content>The phrase search, as a second reader of the injection detector's word-start walk.</content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>
    /// At each stop of the walk, the first phrase in table order that matches there on word boundaries is a finding.
    /// When the text has line breaks, tabs, no-break or doubled spaces, phrases match as if every run of white space
    /// were one space ("ignore\n  previous" is "ignore previous"), read from the text as it is: no collapsed copy.
    /// The stops are a superset of where a phrase can start (every word start, the phrases' non-letter first
    /// characters, every non-ASCII character, which may fold to an ASCII letter).
    /// </summary>
    private struct PhraseReader(bool collapsing, List<string>? findings) : IWordStartReader
    {
        /// <summary>The findings so far, in text order.</summary>
        public List<string>? Findings { readonly get; private set; } = findings;

        public readonly string WalkCharacters => ToolDescriptionScanner.WalkCharacters;

        public readonly bool NonAscii => true;

        public readonly bool HasFirstLook => true;

        /// <summary>
        /// The union look-up of the detector's anchors (<see cref="PhrasePrefilter.FirstSet"/>) and the phrases
        /// (<see cref="PhrasePrefilter.SecondSet"/>), plus <see cref="LookBack"/> where '.' or '/' comes before the stop.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly int Look(ReadOnlySpan<char> text, int at)
            => FirstLook.Look(text, at, collapsing) | (AfterLookBack(text, at) ? LookBack : 0);

        /// <summary>The scanner reads one thing of the detector's assessment: whether it is addressed to the model (<see cref="AddressedToModel"/>).</summary>
        public readonly bool StopsWhenDecided => true;

        /// <summary>Decided once <see cref="AddressedToModel"/> holds: weights only rise, and neither the score nor a marker can fall.</summary>
        public readonly bool Decided(ReadOnlySpan<double> weights) => AddressedToModel(weights);

        /// <summary>True when the walk stopped at an invisible or bidirectional character (every one is not ASCII, so a stop).</summary>
        public bool SawHiddenCharacter { readonly get; private set; }

        /// <summary>True when the walk stopped at a C1 control character (U+0080..U+009F; every one is not ASCII, so a stop).</summary>
        public bool SawControlCharacter { readonly get; private set; }

        /// <summary>
        /// True when the walk stopped at a Cyrillic or Greek letter, a small capital, or a combining mark after an ASCII
        /// letter, inside a word of Latin letters (every one is not ASCII, so a stop).
        /// </summary>
        public bool SawMixedScript { readonly get; private set; }

        /// <summary>Where the last word found to hold too few ASCII letters for a mixed-script word ends (<see cref="InLatinWord"/>).</summary>
        private int _notLatinUntil;

        /// <summary>True when the walk stopped at an upper-case pseudo-tag (each '&lt;' is a stop).</summary>
        public bool SawPseudoMarkup { readonly get; private set; }

        /// <summary>
        /// At each stop, the position before it first when that holds '.' or '/' (never a stop itself: a phrase starting
        /// with one has an ASCII letter second, so it starts right before a word start, or before a non-ASCII character
        /// that may fold to that letter), then the stop.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void At(ReadOnlySpan<char> text, int at, int look)
        {
            if (AfterLookBack(text, at))
            {
                Stop(text, at - 1, collapsing ? Prefilter.MayStartAtCollapsed(text, at - 1) : Prefilter.MayStartAt(text, at - 1));
            }

            Stop(text, at, (look & PhrasePrefilter.SecondSet) != 0);
        }

        /// <summary>A bit of <see cref="Look"/>'s answer besides the two sets: the position before the stop holds '.' or '/'.</summary>
        private const int LookBack = 4;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool AfterLookBack(ReadOnlySpan<char> text, int at) => at > 0 && text[at - 1] is '.' or '/';

        /// <param name="text">The text.</param>
        /// <param name="at">The stop.</param>
        /// <param name="mayStart">False when the prefilter ruled every phrase out at <paramref name="at"/> (for an ASCII character).</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Stop(ReadOnlySpan<char> text, int at, bool mayStart)
        {
            // Most stops were ruled out by the walk's one look; the rest is a call. No phrase has white space or a control
            // character second, so neither has a stop followed by one ("weekly.\n").
            var c = text[at];
            if (c == '<' && !SawPseudoMarkup && IsPseudoTag(text, at))
            {
                SawPseudoMarkup = true;
            }

            if (c > '\x7F')
            {
                Candidates(text, at, prefiltered: false);
            }
            else if (at + 1 < text.Length && text[at + 1] <= ' ')
            {
                return;
            }
            else if (mayStart)
            {
                Candidates(text, at, prefiltered: true);
            }
        }

        /// <summary>The phrases that may start at a stop; <paramref name="prefiltered"/> when <see cref="At"/> has already asked the prefilter.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Candidates(ReadOnlySpan<char> text, int at, bool prefiltered)
        {
            var c = text[at];
            if (c > '\x7F')
            {
                if ((HiddenCharacters.Contains(c) && !JoinsASequence(text, at) && !InRecommendedSubdivisionFlag(text, at)) || (IsVariationSelector(c) && AfterAsciiLetter(text, at)))
                {
                    SawHiddenCharacter = true;
                }

                if (c <= LastC1Control)
                {
                    SawControlCharacter = true;
                }
            }

            if (!SawMixedScript && at >= _notLatinUntil && (IsLookAlikeScript(c) || (IsCombiningMark(c) && AfterAsciiLetter(text, at))) && InLatinWord(text, at, ref _notLatinUntil))
            {
                SawMixedScript = true;
            }

            if (!prefiltered && (collapsing ? !Prefilter.MayStartAtCollapsed(text, at) : !Prefilter.MayStartAt(text, at)))
            {
                return;
            }

            // A non-ASCII character is compared with the phrases that start with the ASCII letter its upper case is, if
            // any (the ordinal comparison folds none today; the result must not depend on that).
            var second = at + 1 < text.Length ? text[at + 1] : '\0';
            if (collapsing && char.IsWhiteSpace(second))
            {
                second = ' ';
            }

            var candidates = c > '\x7F' ? FoldedCandidates(c) : second > '\x7F' ? ByFirstChar[char.ToLowerInvariant(c)] : ByPair[PairIndex(c, second)];
            if (candidates.Length == 0)
            {
                return;
            }

            // Eight ASCII characters are compared with each phrase's first eight in one step, unless collapsing white
            // space could change them.
            var ascii = AsciiPrefix.TryRead(text, at, out var chars) && !(collapsing && MayCollapse(chars));
            for (var i = 0; i < candidates.Length; i++)
            {
                ref readonly var candidate = ref candidates[i]; // by reference: an entry holds three vectors
                if (ascii && (!candidate.Prefix.Matches(chars) || !RestMayMatch(text, at, in candidate)))
                {
                    continue;
                }

                var phrase = candidate.Phrase;
                var end = ascii && phrase.Length <= AsciiPrefix.Length ? at + phrase.Length
                    : collapsing ? MatchCollapsed(text, at, phrase)
                    : AsciiCase.StartsWith(text[at..], phrase) ? at + phrase.Length : -1;

                // Whole words only: "/etc/passwd" is not in "/etc/passwded", "silently" not in "unsilently".
                if (end >= 0 && OnWordBoundaries(text, at, end, phrase) && (candidate.Condition == PhraseCondition.None || Holds(candidate.Condition, text, at, end)))
                {
                    var list = Findings;
                    Add(ref list, candidate.Finding);
                    Findings = list;
                    break;
                }
            }
        }

        /// <summary>
        /// For a phrase longer than eight characters whose first eight matched: false when the next eight characters of
        /// the text, read as they are, rule it out ("assistant manager" is not "assistant must"); true when they may match
        /// or cannot be read that way (not ASCII, the end of the text, or white space that collapsing could change,
        /// also a double space across the two halves).
        /// </summary>
        private readonly bool RestMayMatch(ReadOnlySpan<char> text, int at, in PhraseEntry candidate)
            => candidate.Phrase.Length <= AsciiPrefix.Length
                || !AsciiPrefix.TryRead(text, at + AsciiPrefix.Length, out var rest)
                || (collapsing && (MayCollapse(rest) || (text[at + AsciiPrefix.Length - 1] == ' ' && text[at + AsciiPrefix.Length] == ' ')))
                || candidate.Rest.Matches(rest);

        /// <summary>True when eight ASCII characters hold a control character or two spaces in a row.</summary>
        private static bool MayCollapse(Vector128<ushort> chars)
        {
            var spaces = Vector128.Equals(chars, Vector128.Create((ushort)' ')).ExtractMostSignificantBits();
            return (spaces & (spaces >> 1)) != 0 || Vector128.LessThan(chars, Vector128.Create((ushort)' ')) != Vector128<ushort>.Zero;
        }
    }

    /// <summary>
    /// A Greek or Cyrillic letter, the scripts whose letters look like Latin ones ("о", "е", "с", "ο", "ς"), or a Latin
    /// small capital ("ᴍ", "ᴘ", "ᴛ", "ɴ": U+1D00..U+1D22 and the phonetic small capitals other than "ɪ", which phonetic
    /// spellings use).
    /// </summary>
    private static bool IsLookAlikeScript(char c)
        => c is (>= '\u0370' and <= '\u03FF') or (>= '\u0400' and <= '\u052F') or (>= '\u1D00' and <= '\u1D22')
            or '\u0262' or '\u0274' or '\u0280' or '\u028F' or '\u0299' or '\u029C' or '\u029F';

    /// <summary>A combining diacritical mark (U+0300..U+036F): after an ASCII letter it changes the letter's look a little and its code wholly ("i\u0307gnore").</summary>
    private static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';

    /// <summary>A variation selector (U+FE00..U+FE0F): after an emoji it picks a presentation; after a letter it is invisible.</summary>
    private static bool IsVariationSelector(char c) => c is >= '\uFE00' and <= '\uFE0F';

    /// <summary>The last C1 control character (C1: U+0080..U+009F, among them the one-character escape U+009B).</summary>
    private const char LastC1Control = '\u009F';

    private static bool AfterAsciiLetter(ReadOnlySpan<char> text, int at) => at > 0 && char.IsAsciiLetter(text[at - 1]);

    /// <summary>The fewest ASCII letters a word must hold for a Greek or Cyrillic letter in it to be a look-alike ("2πr" holds one).</summary>
    internal const int LatinLettersOfAMixedWord = 2;

    /// <summary>
    /// The letter at <paramref name="at"/> stands in a word (a run of letters) that holds at least
    /// <see cref="LatinLettersOfAMixedWord"/> ASCII letters: "ignоre" spelled with a Cyrillic о, which reads alike to the
    /// model and matches no phrase. A word wholly in one script, a symbol in a formula ("2πr", "Δt"), or an accented
    /// Latin letter ("café") is not one. When the answer is no for a letter, <paramref name="notLatinUntil"/> becomes the end
    /// of its word: the answer is no for every later letter of that word too (each is not ASCII where it is asked), so a
    /// text in another script reads each word once, not once for each of its letters.
    /// </summary>
    private static bool InLatinWord(ReadOnlySpan<char> text, int at, ref int notLatinUntil)
    {
        var latin = 0;
        for (var i = at - 1; i >= 0 && char.IsLetter(text[i]) && latin < LatinLettersOfAMixedWord; i--)
        {
            latin += char.IsAsciiLetter(text[i]) ? 1 : 0;
        }

        var end = at + 1;
        for (; end < text.Length && char.IsLetter(text[end]) && latin < LatinLettersOfAMixedWord; end++)
        {
            latin += char.IsAsciiLetter(text[end]) ? 1 : 0;
        }

        if (latin >= LatinLettersOfAMixedWord)
        {
            return true;
        }

        if (char.IsLetter(text[at]))
        {
            notLatinUntil = end;
        }

        return false;
    }

    /// <summary>
    /// Where <paramref name="phrase"/> (lower-case ASCII, single spaces) ends when it starts at <paramref name="at"/> of
    /// the text read with every run of white space as one space, ignoring case as an ordinal comparison does; -1 when
    /// it does not start there.
    /// </summary>
    private static int MatchCollapsed(ReadOnlySpan<char> text, int at, string phrase)
    {
        var i = at;
        for (var k = 0; k < phrase.Length; k++)
        {
            if (i >= text.Length)
            {
                return -1;
            }

            var t = text[i];
            var p = phrase[k];
            if (p == ' ')
            {
                if (!char.IsWhiteSpace(t))
                {
                    return -1;
                }

                do
                {
                    i++;
                }
                while (i < text.Length && char.IsWhiteSpace(text[i]));
                continue;
            }

            var same = t <= '\x7F' ? char.ToLowerInvariant(t) == p : text.Slice(i, 1).Equals(phrase.AsSpan(k, 1), StringComparison.OrdinalIgnoreCase);
            if (!same)
            {
                return -1;
            }

            i++;
        }

        return i;
    }
}
