namespace AgentGuard.Mcp;

/// <content>
/// The user's secret files taken in by a switch that is on by default: "Include credential files in the report.
/// Default: true.", "Upload .env files along with the logs. Enabled by default." A poisoned tool need not order the
/// model to read credentials: a parameter whose default takes them in ("boolean authorization") has the model grant it
/// by leaving the default or setting the switch. Real servers' defaults take in other things ("Include the sample
/// connection for testing. Default: true."), leave secrets out or mask them ("Redact credential files … Default:
/// true."), or are off ("Default: false").
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Verbs that take a file in: the switch's action on the secret files.</summary>
    internal static readonly string[] TakingInVerbs =
        ["include", "includes", "including", "attach", "attaches", "collect", "collects", "gather", "gathers", "upload", "uploads",
         "send", "sends", "copy", "copies", "export", "exports", "read", "reads", "bundle", "bundles"];

    /// <summary>The last word of a secret file's name ("credential files", "SSH private keys", ".env files"), read before the word that says what it is.</summary>
    internal static readonly string[] SecretFileHeads = ["file", "files", "key", "keys"];

    /// <summary>The word before a <see cref="SecretFileHeads"/> word that makes it the user's secret ("credential files", "private keys", "env files").</summary>
    internal static readonly string[] SecretFileKinds = ["credential", "credentials", "secret", "secrets", "key", "env", "dotenv", "private", "ssh"];

    /// <summary>Secret stores named in one word.</summary>
    internal static readonly string[] SecretStores = ["keychain", "keychains", "keystore", "keystores"];

    /// <summary>How many words a secret file may stand before the default marker, in its sentence or the one before it ("Include credential file locations in scan. Default: true.": five).</summary>
    internal const int DefaultedObjectDistance = 8;

    /// <summary>How many words may stand between the taking-in verb and the secret file ("Attach the SSH private keys": two before the head's kind).</summary>
    internal const int TakenObjectDistance = 3;

    private static readonly WordSet TakingInVerbLookup = new(TakingInVerbs);

    private static readonly WordSet SecretFileHeadLookup = new(SecretFileHeads);

    private static readonly WordSet SecretFileKindLookup = new(SecretFileKinds);

    private static readonly WordSet SecretStoreLookup = new(SecretStores);

    /// <summary>
    /// The default marker at <paramref name="at"/> ("Default: true", "enabled by default") follows, in its sentence or,
    /// when it opens one, in the sentence before, a secret file (<see cref="SecretFileHeads"/> after one of
    /// <see cref="SecretFileKinds"/>, or one of <see cref="SecretStores"/>) within <see cref="DefaultedObjectDistance"/>
    /// words, that a taking-in verb (<see cref="TakingInVerbs"/>) governs within <see cref="TakenObjectDistance"/> words
    /// before it. "Redact credential files …", "Verify SSH host keys …" and "Include the sample connection …" take in no secret file.
    /// </summary>
    internal static bool SecretFilesTakenByDefault(ReadOnlySpan<char> text, int at)
    {
        var from = at;
        if (!PreviousWord(text, ref from, out _))
        {
            // The marker opens its sentence ("… in the report. Default: true."): read the sentence before it.
            while (from > 0 && !char.IsLetter(text[from - 1]))
            {
                from--;
            }
        }
        else
        {
            from = at;
        }

        for (var words = 0; words < DefaultedObjectDistance && PreviousWord(text, ref from, out var word); words++)
        {
            var objectStart = -1;
            if (SecretStoreLookup.Contains(word))
            {
                objectStart = from;
            }
            else if (SecretFileHeadLookup.Contains(word))
            {
                var kindAt = from;
                if (PreviousWord(text, ref kindAt, out var kind) && SecretFileKindLookup.Contains(kind))
                {
                    objectStart = kindAt;
                }
            }

            if (objectStart >= 0 && TakenInBefore(text, objectStart))
            {
                return true;
            }
        }

        return false;

        static bool TakenInBefore(ReadOnlySpan<char> text, int from)
        {
            for (var words = 0; words < TakenObjectDistance && PreviousWord(text, ref from, out var verb); words++)
            {
                if (TakingInVerbLookup.Contains(verb))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
