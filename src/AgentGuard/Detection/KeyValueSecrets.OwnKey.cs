namespace AgentGuard;

internal static partial class KeyValueSecrets
{
    /// <summary>
    /// What follows a non-secret part of a name is a key of its own when it is a word and then <c>key</c>
    /// (<c>hockeyapp_key</c>, <c>monkeylearn_api_key</c>: after <c>hockey</c> and <c>monkey</c> come <c>appkey</c> and
    /// <c>learnapikey</c>), so the name is read from there; a bare <c>key</c> or <c>keys</c> after the part (<c>publickey</c>,
    /// <c>hotkeys</c>) and a token after it (<c>PublicKeyToken</c>, an assembly's public key token) are not.
    /// </summary>
    private static bool NamesOwnKey(ReadOnlySpan<char> rest) => rest.Length >= 5 && rest.EndsWith("key", StringComparison.Ordinal);
}
