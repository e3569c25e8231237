using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentGuard.Mcp;

/// <content>
/// A switch of the input schema, named for taking in the user's secrets, that is on by default: <c>include_credentials</c>,
/// <c>attachSshKeys</c>, <c>allow_credential_access</c> with <c>"default": true</c>. The "boolean authorization" attack
/// needs no sentence: the model leaves the default and the tool reads the credentials (the thirty-fourth session read the
/// default only where a description says "Default: true"). The property's name is read as words (split at '_', '-',
/// '.', digits and lower-to-upper case changes): a verb that takes something in, and a secret named last or before the
/// word for its files, keys, values or access. A switch that leaves secrets out, masks, verifies or skips them
/// (<c>redact_secrets</c>, <c>verify_ssh_host_keys</c>), one that takes in something about secrets, not the secrets
/// (<c>include_credential_count</c>, <c>include_secret_names</c>), one with no taking verb (<c>use_default_credentials</c>)
/// and one off by default are not it.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Verbs of a switch's name that take something in (beyond <see cref="TakingInVerbs"/>).</summary>
    internal static readonly string[] SwitchTakingVerbs =
        [.. TakingInVerbs, "share", "expose", "dump", "allow", "grant", "access", "fetch", "harvest"];

    /// <summary>Words of a switch's name that leave the secrets out, protect or check them: such a switch takes nothing in.</summary>
    internal static readonly string[] SwitchGuardWords =
        ["redact", "mask", "hide", "exclude", "skip", "strip", "remove", "verify", "validate", "check", "detect", "omit", "sanitize",
         "sanitise", "obfuscate", "encrypt", "no", "without", "ignore", "filter", "block", "deny", "disable"];

    /// <summary>Secrets named in one word of a switch's name.</summary>
    internal static readonly string[] SwitchSecretWords =
        ["credential", "credentials", "creds", "secret", "secrets", "password", "passwords", "passwd", "keychain", "keychains",
         "keystore", "keystores", "dotenv", "ssh"];

    /// <summary>Words that make the word before them a secret ("private keys", "api key", "env files").</summary>
    internal static readonly string[] SwitchSecretQualifiers = ["private", "api", "env", "ssh"];

    /// <summary>Words that may follow the secret: its files, keys, values, contents or access ("ssh_keys", "credential_access").</summary>
    internal static readonly string[] SwitchSecretHeads =
        ["file", "files", "key", "keys", "value", "values", "content", "contents", "data", "material", "access"];

    /// <summary>The most words of a switch's name that are read.</summary>
    private const int SwitchNameWords = 8;

    private static readonly WordSet SwitchTakingVerbLookup = new(SwitchTakingVerbs);

    private static readonly WordSet SwitchGuardWordLookup = new(SwitchGuardWords);

    private static readonly WordSet SwitchSecretWordLookup = new(SwitchSecretWords);

    private static readonly WordSet SwitchSecretQualifierLookup = new(SwitchSecretQualifiers);

    private static readonly WordSet SwitchSecretHeadLookup = new(SwitchSecretHeads);

    /// <summary>
    /// The property name <paramref name="name"/> says its switch takes in the user's secrets: one of its words is a taking
    /// verb (<see cref="SwitchTakingVerbs"/>), none is a guard (<see cref="SwitchGuardWords"/>), and a secret stands last or
    /// before only <see cref="SwitchSecretHeads"/>: one of <see cref="SwitchSecretWords"/>, or a qualifier
    /// (<see cref="SwitchSecretQualifiers"/>) before a head ("private_keys", "env_files").
    /// </summary>
    internal static bool SwitchTakesInSecrets(ReadOnlySpan<char> name)
    {
        if (name.Length < 6 || name.Length > 64)
        {
            return false;
        }

        Span<Range> words = stackalloc Range[SwitchNameWords];
        var count = SplitName(name, words);
        var taking = false;
        var secret = false;
        for (var i = 0; i < count; i++)
        {
            var word = name[words[i]];
            if (SwitchGuardWordLookup.Contains(word))
            {
                return false;
            }

            taking |= SwitchTakingVerbLookup.Contains(word);
            if (SwitchSecretWordLookup.Contains(word) && OnlyHeadsAfter(name, words, i + 1, count))
            {
                secret = true;
            }
            else if (SwitchSecretQualifierLookup.Contains(word) && i + 1 < count && SwitchSecretHeadLookup.Contains(name[words[i + 1]])
                && !AsciiCase.Equals(name[words[i + 1]], "access") && OnlyHeadsAfter(name, words, i + 2, count))
            {
                secret = true;
            }
        }

        return taking && secret;

        static bool OnlyHeadsAfter(ReadOnlySpan<char> name, Span<Range> words, int from, int count)
        {
            for (var k = from; k < count; k++)
            {
                if (!SwitchSecretHeadLookup.Contains(name[words[k]]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Splits a property name into words at non-letters and lower-to-upper case changes ("attachSshKeys": attach, Ssh, Keys; "APIKey": API, Key); returns how many (at most the span's length).</summary>
    private static int SplitName(ReadOnlySpan<char> name, Span<Range> words)
    {
        var count = 0;
        var i = 0;
        while (i < name.Length && count < words.Length)
        {
            while (i < name.Length && !char.IsAsciiLetter(name[i]))
            {
                i++;
            }

            if (i >= name.Length)
            {
                break;
            }

            var start = i++;
            while (i < name.Length && char.IsAsciiLetter(name[i])
                && !(char.IsAsciiLetterUpper(name[i]) && char.IsAsciiLetterLower(name[i - 1]))
                && !(char.IsAsciiLetterUpper(name[i]) && char.IsAsciiLetterUpper(name[i - 1]) && i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1])))
            {
                i++;
            }

            words[count++] = start..i;
        }

        return count;
    }

    /// <summary>The property's <c>default</c> is true: the boolean, or the string "true" (as some servers write it).</summary>
    private static bool DefaultsOn(JsonObject property)
    {
        if (!property.TryGetPropertyValue("default", out var value) || value is not JsonValue v)
        {
            return false;
        }

        return v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => string.Equals(v.GetValue<string>(), "true", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>What a schema's property names say beyond their text.</summary>
    [Flags]
    private enum SchemaSignals
    {
        None = 0,

        /// <summary>A switch named for taking in secrets is on by default (<see cref="SwitchTakesInSecrets"/>).</summary>
        SecretSwitchOn = 1,

        /// <summary>A parameter is named for the contents of a secret file or key (<see cref="NamesSecretContents"/>).</summary>
        SecretContentsNamed = 2,

        /// <summary>A parameter named for a destination or a source of packages pins one by its default (<see cref="PinsADestination"/>).</summary>
        DestinationPinned = 4,
    }

    /// <summary>The signals of the property <paramref name="name"/> with schema <paramref name="property"/>.</summary>
    private static SchemaSignals SignalsOf(string name, JsonObject property)
        => (SwitchTakesInSecrets(name) && DefaultsOn(property) ? SchemaSignals.SecretSwitchOn : SchemaSignals.None)
            | (NamesSecretContents(name) ? SchemaSignals.SecretContentsNamed : SchemaSignals.None)
            | (PinsADestination(name, property) ? SchemaSignals.DestinationPinned : SchemaSignals.None);

    /// <summary>Words of a parameter's name that ask for what a file holds, or for it read or moved ("contents", "dump", "upload").</summary>
    internal static readonly string[] ContentsWords =
        ["content", "contents", "dump", "read", "reading", "extract", "upload", "exfil", "steal", "leak", "copy"];

    /// <summary>Words of a parameter's name that make it about a secret file, not its contents ("ssh_key_path", "env_file_name").</summary>
    internal static readonly string[] SecretFileAbouts = ["path", "paths", "name", "names", "location", "dir", "directory", "url", "fingerprint", "hash", "exists", "count"];

    /// <summary>Pairs of a parameter name's words that name a secret file or key ("ssh"+"key", "id"+"rsa", "env"+"file", "aws"+"credentials", "private"+"key").</summary>
    private static readonly (string First, string Second)[] SecretFilePairs =
        [("ssh", "key"), ("ssh", "keys"), ("ssh", "private"), ("id", "rsa"), ("id", "ed"), ("env", "file"), ("aws", "credentials"),
         ("credentials", "file"), ("private", "key"), ("private", "keys")];

    private static readonly WordSet ContentsWordLookup = new(ContentsWords);

    private static readonly WordSet SecretFileAboutLookup = new(SecretFileAbouts);

    /// <summary>
    /// The parameter name <paramref name="name"/> asks for the contents of a secret file or key: one of its words is of
    /// <see cref="ContentsWords"/>, two neighbouring words name a secret file (<see cref="SecretFilePairs"/>) or one is
    /// "dotenv", and none says the parameter is about the file rather than its contents (<see cref="SecretFileAbouts"/>, or "id" last: "private_key_id").
    /// </summary>
    internal static bool NamesSecretContents(ReadOnlySpan<char> name)
    {
        if (name.Length < 8 || name.Length > 64)
        {
            return false;
        }

        Span<Range> words = stackalloc Range[SwitchNameWords];
        var count = SplitName(name, words);
        var contents = false;
        var secret = false;
        for (var i = 0; i < count; i++)
        {
            var word = name[words[i]];
            if (SecretFileAboutLookup.Contains(word) || (i == count - 1 && AsciiCase.Equals(word, "id")))
            {
                return false;
            }

            contents |= ContentsWordLookup.Contains(word);
            secret |= AsciiCase.Equals(word, "dotenv");
            if (i + 1 < count)
            {
                var next = name[words[i + 1]];
                foreach (var (first, second) in SecretFilePairs)
                {
                    secret |= AsciiCase.Equals(word, first) && AsciiCase.Equals(next, second);
                }
            }
        }

        return contents && secret;
    }
}
