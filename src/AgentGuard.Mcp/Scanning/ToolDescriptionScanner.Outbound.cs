namespace AgentGuard.Mcp;

/// <content>
/// A tool's own behaviour that sends data to a party outside the call, stated in prose ("also reads your SSH keys and
/// uploads them to our server", "a copy is quietly forwarded to an external collector"): a destination outside the
/// call, a verb that moved the data there, and either a word that makes the sending a second, unasked act or a secret
/// as what is sent. A file-transfer tool's "Uploads a local file to a remote server over SFTP" is its job.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Verbs, in any form, that put data somewhere else, before the destination in its sentence.</summary>
    internal static readonly string[] SendingForms =
        ["send", "sends", "sent", "upload", "uploads", "uploaded", "forward", "forwards", "forwarded", "post", "posts", "posted",
         "transmit", "transmits", "transmitted", "mirror", "mirrors", "mirrored", "copy", "copies", "copied", "relay", "relays",
         "relayed", "sync", "syncs", "synced", "leak", "leaks", "leaked", "exfiltrate", "exfiltrates", "exfiltrated", "report",
         "reports", "reported", "stream", "streams", "streamed", "ship", "ships", "shipped", "beacon", "beacons", "share", "shares",
         "shared", "sell", "sells", "sold"];

    /// <summary>
    /// Verbs that keep data somewhere, which put it outside the call only before a destination outside it ("stores them on
    /// our analytics endpoint", "cached on our servers together with the request's cookies"); a conversation kept ("Stores
    /// the chat log locally") is sent nowhere. Not "stored" or "saved": "stored procedures", "a secret stored encrypted in
    /// git" keep nothing anywhere.
    /// </summary>
    internal static readonly string[] StoringForms = ["store", "stores", "save", "saves", "cache", "caches", "cached", "log", "logs", "logged", "retain", "retains", "retained"];

    /// <summary>Words that make the sending a second act the caller did not ask for.</summary>
    internal static readonly string[] SecondActWords = ["also", "additionally", "addition", "well", "quietly", "silently", "secretly", "covertly", "automatically"];

    /// <summary>What is sent when it is a secret (a "key" only when not a public one), or the user's personal data (contacts, location, keystrokes, clipboard, browsing).</summary>
    internal static readonly string[] SentSecrets =
        ["credential", "credentials", "password", "passwords", "token", "tokens", "secret", "secrets", "cookie", "cookies", "key", "keys",
         "environment", "env", "home", "passphrase", "wallet", "keychain", "contacts", "location", "locations", "keystrokes",
         "clipboard", "browsing", "screenshot", "screenshots"];

    /// <summary>
    /// The destination at <paramref name="at"/> is where a verb of <see cref="SendingForms"/> or <see cref="StoringForms"/>
    /// earlier in its sentence puts data, not under its own negation ("Do not send credentials to third parties" is a
    /// promise), and the sentence holds a word of <see cref="SecondActWords"/>, or a secret (<see cref="SentSecrets"/>)
    /// before the destination.
    /// </summary>
    internal static bool SentOutside(ReadOnlySpan<char> text, int at, int end)
    {
        // Read backwards, a key is a secret unless the word before it is "public" ("the SSH public key").
        var from = at;
        var sent = false;
        var marked = false;
        var key = false;
        while (PreviousWord(text, ref from, out var word))
        {
            marked |= key && !AsciiCase.Equals(word, "public");
            key = false;
            if (SendingFormLookup.Contains(word) || StoringFormLookup.Contains(word))
            {
                // "Do not send credentials to third parties", "Your data is never sold to advertisers": a promise, not a sending.
                if (NegationBefore(text, from) >= 0)
                {
                    return false;
                }

                sent = true;
            }

            if (SecondActLookup.Contains(word) || (SentSecretLookup.Contains(word) && !IsKey(word)))
            {
                marked = true;
            }

            key = IsKey(word);
        }

        if (!sent)
        {
            return false;
        }

        // A key that opens the sentence has no "public" before it.
        marked |= key;
        // After the destination, only a second act counts: what follows it names the place ("the remote server's authorized_keys").
        var after = end;
        while (!marked && NextWord(text, ref after, out var word))
        {
            marked = SecondActLookup.Contains(word);
        }

        return marked;

        static bool IsKey(ReadOnlySpan<char> word) => AsciiCase.Equals(word, "key") || AsciiCase.Equals(word, "keys");
    }

    /// <summary>What is taken when it is a secret, for <see cref="TakesASecret"/> (a "key" only when not a public one; social security numbers too).</summary>
    internal static readonly string[] TakenSecrets =
        ["credential", "credentials", "password", "passwords", "token", "tokens", "secret", "secrets", "cookie", "cookies", "key", "keys",
         "passphrase", "passphrases", "wallet", "wallets", "keychain", "creds", "ssn", "ssns"];

    /// <summary>How many words after the verb the secret may come ("harvests any API tokens it finds": three).</summary>
    internal const int TakenSecretDistance = 6;

    /// <summary>
    /// A verb of taking ending at <paramref name="end"/> has a secret as its object within <see cref="TakenSecretDistance"/>
    /// words of the same sentence: "harvests any API tokens", "leaks the user's session cookies", "scrapes stored browser
    /// passwords". "Scrapes the page's links", "harvests metrics", "detects leaked credentials" take no secret.
    /// </summary>
    internal static bool TakesASecret(ReadOnlySpan<char> text, int end)
    {
        var from = end;
        var wasPublic = false;
        for (var words = 0; words < TakenSecretDistance && NextWord(text, ref from, out var word); words++)
        {
            if (TakenSecretLookup.Contains(word) && !(wasPublic && (AsciiCase.Equals(word, "key") || AsciiCase.Equals(word, "keys"))))
            {
                return true;
            }

            wasPublic = AsciiCase.Equals(word, "public");
        }

        return false;
    }

    private static readonly WordSet TakenSecretLookup = new(TakenSecrets);

    private static readonly WordSet SendingFormLookup = new(SendingForms);

    private static readonly WordSet StoringFormLookup = new(StoringForms);

    private static readonly WordSet SecondActLookup = new(SecondActWords);

    private static readonly WordSet SentSecretLookup = new(SentSecrets);
}
