namespace AgentGuard;

/// <content>
/// "PW" on its own, the shorthand a password is written under in notes, tickets, chat and e-mail (<c>ID: deploy PW: …</c>,
/// <c>계정/PW:…</c>, <c>(pw:…)</c>). The search anchors on <c>pw:</c>, <c>pw=</c> and <c>pw :</c> only (rare in ordinary
/// text: <c>upward</c> and <c>kpw</c> are not followed by a separator), and the two-letter name could name other things,
/// so the value under it must look like a password: letters with digits or symbols, six characters or more (or long and
/// varied), not a number, a word, a variable or a placeholder.
/// </content>
internal static partial class KeyValueSecrets
{
    /// <summary>The anchors of the bare shorthand: the name with the separator after it.</summary>
    internal static readonly string[] PasswordShorthandAnchors = ["pw:", "pw=", "pw :"];

    /// <summary>The normalized name is the bare shorthand <c>pw</c> (a longer name ending in it, <c>db_pw</c>, is read as before).</summary>
    private static bool IsPasswordShorthand(ReadOnlySpan<char> key) => key.SequenceEqual("pw");

    /// <summary>A value under the bare shorthand: a password by its look, with letters in it (<c>pw: 1200.50</c> is a number).</summary>
    private static bool LooksLikeShorthandPassword(ReadOnlySpan<char> value)
        => value.IndexOfAny(' ', '\t') < 0 && (value.ContainsAnyInRange('A', 'Z') || value.ContainsAnyInRange('a', 'z')) && LooksLikePassword(value) && !SecretRandomLetters.IsNameOfWords(value);
}
