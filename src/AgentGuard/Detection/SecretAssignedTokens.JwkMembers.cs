namespace AgentGuard;

/// <content>
/// A JSON Web Key's private members have one-letter names (RFC 7517, RFC 7518 §6): <c>"d"</c>, the private exponent or
/// scalar of an RSA or EC key, <c>"p"</c> and <c>"q"</c>, its primes, and <c>"k"</c>, a symmetric key's value. A name of
/// one letter is otherwise too short to read; as a quoted JSON member with one of these letters it is read, and its
/// value is held to the same generated shape as any other.
/// </content>
internal static partial class SecretAssignedTokens
{
    private static bool JwkPrivateMember(string text, int nameStart, int nameEnd)
        => nameEnd - nameStart == 1 && text[nameStart] is 'd' or 'p' or 'q' or 'k'
        && nameStart > 0 && text[nameStart - 1] == '"' && nameEnd < text.Length && text[nameEnd] == '"';
}
