namespace AgentGuard;

/// <content>
/// A random UUID or a hex key given, on a line of its own, to a bare one-word name (<c>railway = 'a52a85d1-…'</c>,
/// <c>assemblyai = fa0ed915…</c>, <c>SONARQUBE=5eeee8e4…</c>, <c>postmark: "f59dffd2-…",</c>): many services issue
/// their API keys as a version-4 UUID or as 32, 40 or 64 hex digits, and a configuration file names the key after the
/// service. <see cref="GeneratedShape"/> leaves hex and UUIDs alone after any name, since ids, hashes and commits are
/// hex too; here the position is narrower: the name is one word in one letter case (no <c>commit_sha</c>,
/// <c>requestId</c>), not the name of an id, hash, version or record nor a name the key-name scanner reads, alone at
/// the start of its line with the value ending it; a UUID must be a random one (version 4, RFC 9562 variant), a hex
/// value 32, 40 or 64 digits with letters and digits.
/// </content>
internal static partial class SecretAssignedTokens
{
    /// <summary>Bare names (lower-cased letters) of ids, digests and records beyond <see cref="NotSecretNames"/>.</summary>
    private static readonly string[] NotKeyBareNames =
        ["md", "crc", "sum", "hex", "color", "colour", "uid", "gid", "tenant", "subscription", "client", "app", "application", "account", "project",
         "org", "organization", "workspace", "instance", "device", "node", "cluster", "user", "owner", "group", "team", "channel", "room", "order",
         "invoice", "customer", "product", "item", "entity", "resource", "record", "message", "event", "transaction", "txn", "tx", "block", "address",
         "hashes", "sha", "checksums", "sums", "snapshot", "release", "deployment", "container", "pod", "volume", "disk", "machine", "host", "server",
         "source", "target", "result", "response", "reference", "previous", "current", "latest", "base", "merge", "pr", "issue", "ticket", "task",
         "license", "serial", "model", "bucket", "table", "database", "schema", "index", "document", "folder", "directory", "upload", "download"];

    private static bool ServiceNamedRandomHex(string text, int nameStart, int nameEnd, ReadOnlySpan<char> value, int after)
    {
        var name = text.AsSpan(nameStart, nameEnd - nameStart);
        return name.Length is >= 3 and <= 32 && (RandomUuid(value) || KeyLengthHex(value)) && OneWordOneCase(name)
            && StartsLine(text, nameStart) && EndsLine(text, after) && !NotSecretName(name) && !IsNotKeyBareName(name) && !name.ContainsAny(KeyWords) && !SecretText.IsPlaceholder(value);
    }

    /// <summary>
    /// Words of the key-name scanner's anchors: a name holding one (<c>monkey2</c>, <c>tokens</c>) was read there, and
    /// what it declined is not read again here.
    /// </summary>
    private static readonly System.Buffers.SearchValues<string> KeyWords = System.Buffers.SearchValues.Create(["key", "token", "secret", "pass", "pwd", "auth", "credential", "private", "access"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Letters and digits only, a letter first, all letters in one case: a service's name, not a compound.</summary>
    private static bool OneWordOneCase(ReadOnlySpan<char> name)
    {
        bool upper = false, lower = false;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            upper |= char.IsAsciiLetterUpper(c);
            lower |= char.IsAsciiLetterLower(c);
        }

        return char.IsAsciiLetter(name[0]) && !(upper && lower);
    }

    /// <summary>Only white space, and one opening quote, stand before the name on its line.</summary>
    private static bool StartsLine(string text, int nameStart)
    {
        var k = nameStart;
        if (k > 0 && text[k - 1] is '"' or '\'')
        {
            k--;
        }

        while (k > 0 && text[k - 1] is ' ' or '\t')
        {
            k--;
        }

        return k == 0 || text[k - 1] is '\n' or '\r';
    }

    /// <summary>After the value (and its closing quote) at most a ',' or ';' and white space end the line.</summary>
    private static bool EndsLine(string text, int after)
    {
        var k = after;
        if (k < text.Length && text[k] is ',' or ';')
        {
            k++;
        }

        while (k < text.Length && text[k] is ' ' or '\t')
        {
            k++;
        }

        return k >= text.Length || text[k] is '\n' or '\r';
    }

    /// <summary>A version-4 UUID of the RFC 9562 variant: 8-4-4-4-12 hex digits, '4' opening the third group, 8, 9, a or b the fourth.</summary>
    private static bool RandomUuid(ReadOnlySpan<char> value)
    {
        if (value.Length != 36 || value[8] != '-' || value[13] != '-' || value[18] != '-' || value[23] != '-' || value[14] != '4' || char.ToLowerInvariant(value[19]) is not ('8' or '9' or 'a' or 'b'))
        {
            return false;
        }

        for (var k = 0; k < value.Length; k++)
        {
            if (k is not (8 or 13 or 18 or 23) && !char.IsAsciiHexDigit(value[k]))
            {
                return false;
            }
        }

        return SecretText.HasLettersAndDigits(value);
    }

    /// <summary>32, 40 or 64 hex digits in one letter case, with letters and digits, at 3 bits per character or more.</summary>
    private static bool KeyLengthHex(ReadOnlySpan<char> value)
        => value.Length is 32 or 40 or 64 && (!value.ContainsAnyExcept(LowerHex) || !value.ContainsAnyExcept(UpperHex)) && SecretText.HasLettersAndDigits(value) && SecretText.Entropy(value) >= 3.0;

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    private static readonly System.Buffers.SearchValues<char> UpperHex = System.Buffers.SearchValues.Create("0123456789ABCDEF");

    private static bool IsNotKeyBareName(ReadOnlySpan<char> name)
    {
        Span<char> buffer = stackalloc char[32];
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsAsciiLetter(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        var lowered = buffer[..length];
        foreach (var word in NotKeyBareNames)
        {
            if (lowered.SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }
}
