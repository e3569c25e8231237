using System.Text.Json;
using AgentGuard.Tests.Corpora;
using CsCheck;

namespace AgentGuard.Tests.Properties;

/// <summary>
/// "A detected secret never leaves a fragment" in a tool's JSON result: a line that holds a secret, the body of a JSON
/// object as System.Text.Json (quotes as <c>\u0022</c>, <c>' &lt; &gt; &amp; +</c> escaped) and Python's <c>json.dumps</c>
/// write it, once or serialized again inside another JSON string. The secrets hold the delimiters the escapes stand for
/// (quotes, an apostrophe, a backslash, <c>&lt; &gt; &amp;</c>, a comma, a space), so a value is one as written and
/// several decoded; a value the line's syntax does not quote holds none of them. A secret that holds <c>","</c> inside a
/// JSON body, decoded twice, reads as the end of one member and the start of the next (<c>…ZR.","fnG…LE :…</c> writes a
/// key <c>"fnG…LE"</c> and a colon); its redaction stopped there (seed 9EgUv9Ky8wf2 of a million iterations, about one
/// failure in six runs of 20,000) until a quote was taken to close a string only when written as escaped as the quote that
/// opened it (the forty-sixth session). Each secret as the encoder wrote it is covered whole by what the audit redactor
/// replaces, or not touched. Iterations from <c>AGENTGUARD_FUZZ_ITERATIONS</c> (default 20,000).
/// </summary>
public sealed class SecretNoFragmentJsonResultPropertyTests
{
    private const string EscapedSymbols = "!@#$%^*-_=+/.:~?\"'\\&<>;, ";

    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 20_000;

    /// <summary>Lines a tool returns, {0} the secret as the line's syntax writes it (C-style escaped inside double quotes).</summary>
    private static readonly string[] Lines =
    [
        "password = \"{0}\"", "api_key: \"{0}\"", "{\"password\": \"{0}\", \"user\": \"app\"}", "<password>{0}</password>",
        "connect(host=\"db\", password=\"{0}\", port=5432)", "export TOKEN=\"{0}\"\n./deploy.sh", "client_secret = '{0}'",
        "Authorization: Bearer {0}", "the password for \"deploy\" is \"{0}\".", "secret=\"{0}\" user=\"app\"",
        "<add key=\"DbPassword\" value=\"{0}\" />", "token: {0}\nuser: app",
    ];

    [Fact]
    public void DetectedSecrets_InAJsonResult_AreRedactedWholeEverywhere()
    {
        var detector = new SecretDetector();
        Gen.Select(Secret(8, 80), Gen.Int[0, Lines.Length - 1], Gen.Int[0, 3]).Sample((secret, line, encoding) =>
        {
            var (text, written) = Write(Lines[line], secret, encoding);
            return UnreportedOrRedactedWhole(detector, text, written);
        }, iter: Iterations);
    }

    /// <summary>The line, serialized (0, 1: .NET, Python; 2, 3: the same serialized twice) and the secret as written there.</summary>
    internal static (string Text, string Written) Write(string line, string secret, int encoding)
    {
        var inLine = line.Contains("\"{0}\"", StringComparison.Ordinal) ? CEscaped(secret)
            : line.Contains(">{0}<", StringComparison.Ordinal) ? System.Security.SecurityElement.Escape(secret)
            : Unquoted(secret);
        var text = line.Replace("{0}", inLine, StringComparison.Ordinal);
        var written = inLine;
        for (var level = 0; level <= encoding / 2; level++)
        {
            var encoder = encoding % 2 == 0 ? "dotnet" : "python";
            text = InjectionCorpusAsJsonTests.AsJson(text, encoder);
            written = Escaped(written, encoder);
        }

        return (text, written);
    }

    private static string Escaped(string value, string encoder) => Detection.JsonWrittenSecrets.Escaped(value, encoder);

    /// <summary>An unquoted value holds no delimiter of its syntax: those of the secret are replaced by letters.</summary>
    private static string Unquoted(string secret) => string.Concat(secret.Select(c => "\"'\\&<>;, ".Contains(c, StringComparison.Ordinal) ? 'x' : c));

    private static string CEscaped(string value) => JsonSerializer.Serialize(value)[1..^1]
        .Replace("\\u0022", "\\\"", StringComparison.Ordinal).Replace("\\u0027", "'", StringComparison.Ordinal)
        .Replace("\\u003C", "<", StringComparison.Ordinal).Replace("\\u003E", ">", StringComparison.Ordinal)
        .Replace("\\u0026", "&", StringComparison.Ordinal).Replace("\\u002B", "+", StringComparison.Ordinal);

    private static Gen<string> Secret(int minBody, int maxBody) => Gen.Select(
        Gen.Char[GeneratedSecrets.Letters],
        Gen.Frequency((3, Gen.Char[GeneratedSecrets.Letters]), (1, Gen.Char[EscapedSymbols])).Array[minBody, maxBody],
        Gen.Char[GeneratedSecrets.Letters],
        (first, body, last) => first + new string(body) + last)
        .Where(secret => !GeneratedSecrets.SecretNames.Any(name => secret.Contains(name, StringComparison.OrdinalIgnoreCase)) && !secret.Contains("://", StringComparison.Ordinal));

    /// <summary>
    /// For example tests of the shapes this property found: <paramref name="secret"/> in every line, written by both
    /// encoders once and twice, is redacted whole or not touched.
    /// </summary>
    internal static void AssertRedactedWholeOrNotAtAllEverywhere(string secret)
    {
        var detector = new SecretDetector();
        foreach (var line in Lines)
        {
            for (var encoding = 0; encoding < 4; encoding++)
            {
                var (text, written) = Write(line, secret, encoding);
                Assert.True(UnreportedOrRedactedWhole(detector, text, written), $"{line} / encoding {encoding}: {text}");
            }
        }
    }

    /// <summary>For example tests: <paramref name="secret"/> as the password of the JSON body line, written by <paramref name="encoding"/>, is reported and redacted whole.</summary>
    internal static void AssertPasswordReportedAndCoveredWhole(string secret, int encoding)
    {
        var (text, written) = Write("{\"password\": \"{0}\", \"user\": \"app\"}", secret, encoding);
        var findings = new List<SecretFinding>();
        new SecretDetector().Find(text, findings);
        Assert.NotEmpty(findings);
        Assert.True(UnreportedOrRedactedWhole(new SecretDetector(), text, written), text);
    }

    internal static bool UnreportedOrRedactedWhole(SecretDetector detector, string text, string written)
    {
        var findings = new List<SecretFinding>();
        detector.Find(text, findings);
        var covered = new bool[text.Length];
        foreach (var span in ArgumentRedactor.RedactionSpans(text, findings))
        {
            for (var i = span.Start; i < span.Start + span.Length && i < text.Length; i++)
            {
                covered[i] = true;
            }
        }

        var any = false;
        var all = true;
        for (var at = text.IndexOf(written, StringComparison.Ordinal); at >= 0; at = text.IndexOf(written, at + written.Length, StringComparison.Ordinal))
        {
            for (var i = at; i < at + written.Length; i++)
            {
                any |= covered[i];
                all &= covered[i];
            }
        }

        return !any || all;
    }
}
