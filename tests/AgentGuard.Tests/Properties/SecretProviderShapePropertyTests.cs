using CsCheck;

namespace AgentGuard.Tests.Properties;

/// <summary>
/// A token of each provider's documented shape (every entry of <see cref="SecretProviderTokens.Catalogue"/> and the fixed
/// formats: AWS, Google, GitHub, GitLab, Slack, Stripe, OpenAI, Anthropic, npm, SendGrid, Twilio, JWT, webhooks,
/// Telegram, Mailchimp, Discord webhooks and bot tokens, Entra), written into text the way an attacker who wants it out may write it: between
/// delimiters, after a percent-encoded delimiter (<c>%22</c>, <c>%3D</c>, <c>%20</c>: a URL-encoded JSON body or query),
/// after a JSON or JavaScript escape (<c>\n</c>, <c>\t</c>, <c>\"</c>, <c>\u0022</c>). Two properties: between
/// delimiters and escapes the token is reported and what the audit redactor replaces covers all of it; next to any
/// characters at all (random punctuation, letters, digits) it leaves no fragment — not reported, or redacted whole.
/// Iterations from <c>AGENTGUARD_FUZZ_ITERATIONS</c> (default 20,000).
/// </summary>
public sealed class SecretProviderShapePropertyTests
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Hex = "0123456789abcdef";
    private const string Digits = "0123456789";

    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 20_000;

    /// <summary>What may stand before a token: delimiters, and the escapes of URL, JSON and JavaScript text.</summary>
    private static readonly string[] Before =
    [
        "", " ", "\"", "'", "=", ": ", "(", "[", "{", "<x>", "`", "\n", "\t", ",", "|", ">", "Bearer ", "token=",
        "%22", "%3D", "%20", "%3A%22", "\\n", "\\t", "\\r\\n", "\\\"", "\\u0022", "\\x22", "&quot;", "&#39;",
    ];

    /// <summary>What may stand after a token: delimiters outside every token alphabet, and the same escapes.</summary>
    private static readonly string[] After =
    [
        "", " ", "\"", "'", ",", ";", ")", "]", "}", "\n", "\r\n", "<", ">", "|", "`", "&x=1", "#", "!", "?", ". Next",
        "%22", "%22%7D", "%26", "\\n", "\\\"", "\\u0022", "&quot;",
    ];

    /// <summary>Any few characters: punctuation, letters, digits, white space, non-ASCII.</summary>
    private const string AnyCharacter = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\n\tabcXYZ019é…";

    private static Gen<string> Run(string alphabet, int min, int max) => Gen.Char[alphabet].Array[min, max].Select(c => new string(c));

    private static Gen<string> Run(string alphabet, int length) => Run(alphabet, length, length);

    /// <summary>Tokens of every provider's shape; bodies that read as a placeholder (a mask, <c>test</c> by chance) are left out.</summary>
    private static readonly Gen<string> Token = Gen.OneOf(
    [
        .. SecretProviderTokens.Catalogue.Select(entry => Run(
                entry.HexOnly ? Hex : entry.Kind == "django-secret-key" ? "abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)" : entry.Kind == "braintree-token" ? "abcdefghijklmnopqrstuvwxyz0123456789" : Alphanumeric,
                entry.MinBody,
                Math.Min(entry.MaxBody, entry.MinBody + 40))
            .Where(body => !SecretText.IsPlaceholder(body) && SecretText.HasLettersAndDigits(body) && (entry.Kind != "django-secret-key" || SecretText.Entropy(body) >= 4.0))
            .Select(body => entry.Prefix + body)),
        Run("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16).Select(body => "AKIA" + body),
        Run(Alphanumeric + "_-", 35).Select(body => "AIza" + body),
        Run(Alphanumeric, 36).Select(body => "ghp_" + body),
        Gen.Select(Run(Alphanumeric, 22), Run(Alphanumeric, 59), (a, b) => "github_pat_" + a + "_" + b),
        Run(Alphanumeric, 20).Select(body => "glpat-" + body),
        Gen.Select(Run(Digits, 12), Run(Digits, 13), Run(Alphanumeric, 24), (a, b, c) => "xoxb-" + a + "-" + b + "-" + c),
        Run(Alphanumeric, 24, 99).Select(body => "sk_live_" + body),
        Run(Alphanumeric, 93).Select(body => "sk-ant-api03-" + body + "AA"),
        Run(Alphanumeric, 48, 150).Select(body => "sk-proj-" + body),
        Run(Alphanumeric, 28).Select(body => "GOCSPX-" + body),
        Run(Alphanumeric, 30, 180).Select(body => "ya29." + body),
        Run(Alphanumeric, 36).Select(body => "npm_" + body),
        Gen.Select(Run(Alphanumeric, 22), Run(Alphanumeric, 43), (a, b) => "SG." + a + "." + b),
        Run(Hex, 32).Select(body => "SK" + body),
        Gen.Select(Run(Alphanumeric, 20, 80), Run(Alphanumeric, 43), (a, b) => "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ" + a + "." + b),
        Gen.Select(Run(Alphanumeric, 8), Run(Alphanumeric, 10), Run(Alphanumeric, 24), (a, b, c) => "https://hooks.slack.com/services/T" + a + "/B" + b + "/" + c),
        Gen.Select(Run(Digits, 18), Run(Alphanumeric, 68), (a, b) => "https://discord.com/api/webhooks/" + a + "/" + b),
        Gen.Select(Run(Digits, 9, 10), Run(Alphanumeric, 33), (a, b) => a + ":AA" + b),
        Gen.Select(Run(Hex, 32), Gen.Int[1, 20], (a, b) => a + "-us" + b),
        // A Discord bot token: base64 of the decimal bot id (18 or 19 digits: 24 to 26 characters), a timestamp and an
        // HMAC; the detector asks letters and digits of the id and the HMAC (one without a digit reads as a word).
        Gen.Select(Run(Digits, 18, 19), Run(Alphanumeric, 6), Run(Alphanumeric, 27, 38), (id, b, c) => (Id: Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(id)).TrimEnd('='), Stamp: b, Hmac: c))
            .Where(t => SecretText.HasLettersAndDigits(t.Id) && SecretText.HasLettersAndDigits(t.Hmac))
            .Select(t => t.Id + "." + t.Stamp + "." + t.Hmac),
        Gen.Select(Run(Alphanumeric, 3), Run(Alphanumeric + "_~.-", 32), Run(Digits, 1), Run(Alphanumeric, 1), (a, b, c, d) => a + "8Q~" + b + c + d),
    ]).Where(token => !SecretText.IsPlaceholder(token));

    [Fact]
    public void ProviderToken_BetweenDelimitersOrEscapes_IsReportedAndRedactedWhole()
    {
        var detector = new SecretDetector();
        Gen.Select(Token, Gen.Int[0, Before.Length - 1], Gen.Int[0, After.Length - 1], Gen.Bool).Sample((token, before, after, words) =>
        {
            var text = (words ? "the value is " : string.Empty) + Before[before] + token + After[after] + (words ? " and more" : string.Empty);
            return Redaction(detector, text, token) == Outcome.Whole;
        }, iter: Iterations);
    }

    [Fact]
    public void ProviderToken_NextToAnyCharacters_LeavesNoFragment()
    {
        var detector = new SecretDetector();
        Gen.Select(Token, Run(AnyCharacter, 0, 4), Run(AnyCharacter, 0, 4)).Sample((token, before, after) =>
            Redaction(detector, before + token + after, token) != Outcome.Partial, iter: Iterations);
    }

    /// <summary>CsCheck's seed 7zXNLuKeW_Y5: a Django key right after a letter was not read as one, and the <c>pw=</c> inside it was redacted alone.</summary>
    [Theory]
    [InlineData("!adjango-insecure-h%nc0$pw=vqd*z948i$$m0e=9z3t0jd2!0m+s@+h98\t/", "django-insecure-h%nc0$pw=vqd*z948i$$m0e=9z3t0jd2!0m+s@+h98")]
    [InlineData("xAGE-SECRET-KEY-1QQPZS9GZVQ7ZQH2LNAFJ7C0PNGKE8DMF4YEGD0Z3DV8ZGW3WQ9QSZ2R4NR", "AGE-SECRET-KEY-1QQPZS9GZVQ7ZQH2LNAFJ7C0PNGKE8DMF4YEGD0Z3DV8ZGW3WQ9QSZ2R4NR")]
    public void DistinctivePrefix_InsideALongerToken_IsRedactedWhole(string text, string token)
        => Redaction(new SecretDetector(), text, token).Should().Be(Outcome.Whole);

    private enum Outcome
    {
        None,
        Whole,
        Partial,
    }

    private static Outcome Redaction(SecretDetector detector, string text, string secret)
    {
        var start = text.IndexOf(secret, StringComparison.Ordinal);
        var findings = new List<SecretFinding>();
        detector.Find(text, findings);
        var covered = new bool[secret.Length];
        var any = false;
        foreach (var span in ArgumentRedactor.RedactionSpans(text, findings))
        {
            for (var i = Math.Max(start, span.Start); i < Math.Min(start + secret.Length, span.Start + span.Length); i++)
            {
                covered[i - start] = true;
                any = true;
            }
        }

        return !any ? Outcome.None : covered.All(c => c) ? Outcome.Whole : Outcome.Partial;
    }
}
