namespace AgentGuard;

/// <summary>
/// A Kubernetes secret of type <c>kubernetes.io/dockerconfigjson</c> (or the older <c>kubernetes.io/dockercfg</c>)
/// keeps a registry's credentials as base64 under the key <c>.dockerconfigjson</c> (<c>.dockercfg</c>): the key names
/// the value, so a base64 run assigned to it is a credential whatever its length (<c>.dockerconfigjson: eyJhdXRocyI6…</c>).
/// The key as a file name, a type, a JSONPath or a template (<c>--from-file=.dockerconfigjson=~/.docker/config.json</c>,
/// <c>{.data.\.dockerconfigjson}</c>, <c>{{ .Values.x }}</c>) has no such value after it.
/// </summary>
internal static class SecretDockerConfigs
{
    /// <summary>The key anchor (ignoring case) that leads here.</summary>
    internal const string Anchor = ".dockerc";

    /// <summary>The shortest base64 value taken (a fake of twelve characters is labelled so by scanners' tests).</summary>
    private const int MinValue = 12;

    private const int MaxValue = 64 * 1024;

    /// <summary>True when the name <paramref name="name"/> is one of the two keys.</summary>
    public static bool Handles(ReadOnlySpan<char> name)
        => name.EndsWith(".dockerconfigjson", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dockercfg", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the value assigned after the key that ends at <paramref name="end"/>.</summary>
    public static void Match(string text, int end, List<SecretFinding> found)
    {
        var i = end;
        if (i < text.Length && text[i] is '"' or '\'')
        {
            i++;
        }

        i = SkipBlanks(text, i);
        if (i >= text.Length || text[i] is not (':' or '='))
        {
            return;
        }

        i = SkipBlanks(text, i + 1);
        var quote = i < text.Length && text[i] is '"' or '\'' ? text[i] : '\0';
        if (quote != '\0')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && i - start < MaxValue && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '/' or '='))
        {
            i++;
        }

        var value = text.AsSpan(start, i - start);
        var ends = quote != '\0' ? i < text.Length && text[i] == quote : i >= text.Length || text[i] is ' ' or '\t' or '\r' or '\n' or ',' or '}';
        if (ends && value.Length >= MinValue && SecretText.HasLettersAndDigits(value) && !SecretText.IsPlaceholder(value))
        {
            found.Add(new SecretFinding("docker-config", start, value.Length));
        }
    }

    private static int SkipBlanks(string text, int i)
    {
        var limit = i + 8;
        while (i < text.Length && i < limit && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }
}
