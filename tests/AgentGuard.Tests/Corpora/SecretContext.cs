using System.Text.RegularExpressions;

namespace AgentGuard.Tests.Corpora;

/// <summary>
/// Which secret corpus lines carry "their usual context (assignment, header, URL)", the population issue 14 sets the
/// secret targets on. Written from the words, independent of the detector (it never calls it and shares no
/// pattern with it), and fixed before the figures it splits were measured:
/// <list type="bullet">
/// <item><b>assignment</b>: a name bound to the value by an operator (<c>api_key = "…"</c>, <c>"token": "…"</c>,
/// <c>key := …</c>, <c>x ?= …</c>, <c>$a .= …</c>, <c>:key =&gt; '…'</c>), by an XML element (<c>&lt;password&gt;…</c>),
/// by a name/value pair (<c>("db.password", "…")</c>) or by a command-line flag (<c>--token …</c>, <c>-p …</c>);</item>
/// <item><b>header</b>: an authorization scheme before the value (<c>Authorization: Bearer …</c>, <c>Basic …</c>,
/// <c>token …</c>, <c>Bot …</c>); a <c>Name: value</c> header line is an assignment by the rule above;</item>
/// <item><b>URL</b>: the value inside a URL (<c>https://user:…@host</c>, <c>…/services/T0/B0/…</c>, <c>?sig=…</c>), or a
/// labelled secret that is itself a URL.</item>
/// </list>
/// For a positive whose source labels the secret, the text before it on its own line decides. For a negative, and a
/// positive labelled by line only, the line carries context when some value in it stands in one of these positions.
/// </summary>
internal static partial class SecretContext
{
    /// <summary>True when the sample's secret (or, without a labelled secret, some value of the line) carries its usual context.</summary>
    public static bool Carries(CorpusSample sample)
    {
        if (sample.Secret is { } secret && sample.Text.IndexOf(secret, StringComparison.Ordinal) is var start and >= 0)
        {
            var lineStart = sample.Text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
            if (start == 0)
            {
                lineStart = 0;
            }

            return CarriesBefore(sample.Text[lineStart..start]) || StartsWithUrl(secret);
        }

        return sample.Text.Split('\n').Any(AnyValueInContext);
    }

    /// <summary>True when a value that begins right after <paramref name="before"/> (the text before it on its line) carries context.</summary>
    public static bool CarriesBefore(string before)
        => AssignmentBefore().IsMatch(before) || ElementBefore().IsMatch(before) || PairBefore().IsMatch(before) || FlagBefore().IsMatch(before)
        || SchemeBefore().IsMatch(before) || InsideUrlBefore().IsMatch(before);

    private static bool StartsWithUrl(string secret) => UrlStart().IsMatch(secret);

    /// <summary>Some position of the line, followed by a value character, carries context.</summary>
    private static bool AnyValueInContext(string line)
    {
        for (var i = 1; i < line.Length; i++)
        {
            if (IsValueChar(line[i]) && !IsValueChar(line[i - 1]) && CarriesBefore(line[..i]))
            {
                return true;
            }
        }

        return UrlStart().IsMatch(line) || UrlAnywhere().IsMatch(line);
    }

    private static bool IsValueChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '+' or '/' or '.' or '$' or '!' or '#' or '%' or '@' or '~';

    // name <op> [quote]   — name: an identifier, a quoted key, a member path, an indexer, a Ruby symbol
    [GeneratedRegex("""(?:^|[^\w])[:@$]?["'`]?[A-Za-z_][\w.\-\[\]]*["'`]?\]?\s*(?:=|:=|::=|\?=|\+=|\.=|=>|:|<-|->)\s*["'`]?$""")]
    private static partial Regex AssignmentBefore();

    // <element attr="…">
    [GeneratedRegex("""<[A-Za-z][\w.:\-]*(?:\s[^<>]*)?>\s*$""")]
    private static partial Regex ElementBefore();

    // ("name", "   or   {"name", "   or   name, "
    [GeneratedRegex("""["'][A-Za-z_][\w.\-]*["']\s*,\s*["'`]?$""")]
    private static partial Regex PairBefore();

    // --flag value   -p value   /p:value
    [GeneratedRegex("""(?:^|\s)--?[A-Za-z][\w\-]*\s+["']?$""")]
    private static partial Regex FlagBefore();

    // Authorization schemes and token prefixes of headers.
    [GeneratedRegex("""(?:^|[^\w])(?:bearer|basic|token|bot|digest|apikey|api-key)\s+["']?$""", RegexOptions.IgnoreCase)]
    private static partial Regex SchemeBefore();

    // scheme://…   (no white space or quote between the scheme and the value)
    [GeneratedRegex("""[A-Za-z][\w+.\-]*://[^\s"'<>`]*$""")]
    private static partial Regex InsideUrlBefore();

    [GeneratedRegex("""^[A-Za-z][\w+.\-]*://""")]
    private static partial Regex UrlStart();

    [GeneratedRegex("""[A-Za-z][\w+.\-]*://[^\s"'<>`]+""")]
    private static partial Regex UrlAnywhere();
}
