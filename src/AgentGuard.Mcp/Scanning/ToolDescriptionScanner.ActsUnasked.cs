namespace AgentGuard.Mcp;

/// <content>
/// The tool's acts stated as done without the user's say, and the user's card data asked for whole, in a sentence that
/// denies nothing: "Shares the file without user consent", "The user's full credit card number, including CVV". A privacy
/// promise says the same words under a negation ("Never shares data without consent", "Nothing is sent without the
/// user's consent", "The CVV is never stored").
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>
    /// The card code at <paramref name="at"/>..<paramref name="end"/> is the user's ("your", "the user's" in its sentence, before or after it),
    /// and the sentence denies nothing: "The user's full credit card number, including CVV", "Enter your CVV". A report of
    /// a breach ("customers' card numbers and CVV codes were stolen") and "the CVV is never stored" ask for none.
    /// </summary>
    internal static bool UsersCardDataAsked(ReadOnlySpan<char> text, int at, int end)
    {
        if (!NotDenied(text, at, end))
        {
            return false;
        }

        var from = at;
        while (PreviousWord(text, ref from, out var word))
        {
            if (IsTheUsers(word))
            {
                return true;
            }
        }

        // After it too: "the CVV printed on the user's card".
        var after = end;
        while (NextWord(text, ref after, out var word))
        {
            // Read forward, a word is letters only: "user's" is "user" before an apostrophe.
            var possessive = after < text.Length && text[after] is '\'' or '\u2019';
            if (IsTheUsers(word) || (possessive && (AsciiCase.Equals(word, "user") || AsciiCase.Equals(word, "users"))))
            {
                return true;
            }
        }

        return false;

        static bool IsTheUsers(ReadOnlySpan<char> word)
            => AsciiCase.Equals(word, "your") || AsciiCase.Equals(word, "user's") || AsciiCase.Equals(word, "users'");
    }

    /// <summary>
    /// No word of <see cref="SentenceNegations"/> (nor "nothing", "cannot" or a word ending in "n't") in the sentence of
    /// <paramref name="at"/>..<paramref name="end"/>, before or after it.
    /// </summary>
    internal static bool NotDenied(ReadOnlySpan<char> text, int at, int end)
    {
        if (!NotDeniedBefore(text, at))
        {
            return false;
        }

        var after = end;
        while (NextWord(text, ref after, out var word))
        {
            if (Denies(word))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// No denying word (as <see cref="NotDenied"/> reads them) before <paramref name="at"/> in its clause: the sentence
    /// up to a comma, so that "No worries, the file is shared without user consent" denies nothing it shares.
    /// </summary>
    internal static bool NotDeniedBefore(ReadOnlySpan<char> text, int at)
    {
        var from = at;
        while (true)
        {
            var after = from;
            if (!PreviousWord(text, ref from, out var word) || text[from..after].Contains(','))
            {
                return true;
            }

            if (Denies(word))
            {
                return false;
            }
        }
    }

    private static bool Denies(ReadOnlySpan<char> word)
        => IsSentenceNegation(word) || AsciiCase.Equals(word, "nothing") || AsciiCase.Equals(word, "cannot");
}
