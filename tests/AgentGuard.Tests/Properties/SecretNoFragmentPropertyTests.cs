using CsCheck;

namespace AgentGuard.Tests.Properties;

/// <summary>
/// "A detected secret never leaves a fragment", as a CsCheck property: a generated credential (letters, digits and the
/// symbols generated passwords and tokens draw from, 8 to 500 characters, starting and ending with a letter or digit) written into
/// a syntax that carries it (assignment, quoted member, header, flag, XML element, netrc, connection string), with text
/// before and after it, is either not reported at all, or everything the audit redactor replaces covers all of it:
/// no part of a secret the detector found reaches the audit file. Longer values are not covered: over about 600
/// characters a value that is not recognised as a whole can hold a provider prefix or a key-like run that is
/// (docs/detection.md, sixth pass). Iterations come from
/// <c>AGENTGUARD_FUZZ_ITERATIONS</c> (default 20,000).
/// </summary>
public sealed class SecretNoFragmentPropertyTests
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Symbols a generated secret holds; not the syntaxes' own delimiters (quotes, ',', ';', white space).</summary>
    private const string Symbols = "!@#$%^*-_=+/.:~?";

    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 20_000;

    /// <summary>Syntaxes whose value ends at white space, a quote or the end: {0} is the secret.</summary>
    private static readonly string[] Syntaxes =
    [
        "API_KEY={0}", "export SECRET_TOKEN={0}", "client_secret: {0}", "\"api_key\": \"{0}\"", "token = '{0}'", "password={0}",
        "DB_PASSWORD=\"{0}\"", "Authorization: Bearer {0}", "X-Api-Key: {0}", "--password {0}", "--token={0}", "<password>{0}</password>",
        "machine example.net login deploy password {0}", "Server=db;User Id=app;Password={0}", "secret_key => \"{0}\"", "var apiKey string = \"{0}\"",
    ];

    private static readonly Gen<string> Secret = Gen.Select(
        Gen.Char[Letters],
        Gen.Frequency((4, Gen.Char[Letters]), (1, Gen.Char[Symbols])).Array[6, 498],
        Gen.Char[Letters],
        (first, body, last) => first + new string(body) + last);

    private static readonly Gen<string> Before = Gen.OneOf(Gen.Const(string.Empty), Gen.Const("# settings\n"), Gen.Const("  "), Gen.Const("config:\n  "), Gen.Const("{\"x\": 1}\n"));

    private static readonly Gen<string> After = Gen.OneOf(Gen.Const(string.Empty), Gen.Const("\n"), Gen.Const("\r\nnext=1"), Gen.Const(" # rotated"), Gen.Const("\nuser: app"));

    [Fact]
    public void DetectedSecret_InAnySyntax_IsRedactedWhole()
    {
        var detector = new SecretDetector();
        Gen.Select(Secret, Gen.Int[0, Syntaxes.Length - 1], Before, After).Sample((secret, syntax, before, after) =>
        {
            var line = string.Format(System.Globalization.CultureInfo.InvariantCulture, Syntaxes[syntax], secret);
            var text = before + line + after;
            var start = before.Length + line.IndexOf(secret, StringComparison.Ordinal);
            var findings = new List<SecretFinding>();
            detector.Find(text, findings);
            var spans = ArgumentRedactor.RedactionSpans(text, findings);
            var overlaps = spans.Any(s => s.Start < start + secret.Length && s.Start + s.Length > start);
            if (!overlaps)
            {
                return true;
            }

            var covered = new bool[secret.Length];
            foreach (var span in spans)
            {
                for (var i = Math.Max(start, span.Start); i < Math.Min(start + secret.Length, span.Start + span.Length); i++)
                {
                    covered[i - start] = true;
                }
            }

            return covered.All(c => c);
        }, iter: Iterations);
    }
}
