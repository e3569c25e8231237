using System.Globalization;
using System.Text;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// "A detected secret never leaves a fragment", attacked through carriers: the same secret inside quotes, escapes,
/// JSON strings, URL encoding, shell line continuations, base64 wrappers, trailing punctuation, wrapped over several
/// lines, or longer than 500 characters. Whatever the detector reports around the value, what the audit redactor
/// replaces must cover all of it or none of it.
/// </summary>
public sealed class SecretCarrierTests
{
    private static readonly string[] Formats =
    [
        "aws-access-key", "ghp", "github-pat", "glpat", "xoxb", "sk_live", "openai-proj", "anthropic", "npm", "sendgrid", "jwt",
        "pem-rsa", "pem-pkcs8-escaped", "opaque40", "alnum50", "b64-88", "b64-300", "password", "b64-lines",
    ];

    private readonly SecretDetector _detector = new();

    /// <summary>Every format in every carrier, and each format also 600 characters long: whole or nothing.</summary>
    [Fact]
    public void Redact_EveryFormatInEveryCarrier_CoversTheWholeValueOrNothing()
    {
        var secrets = new SyntheticSecrets(seed: 2020);
        var partial = new List<string>();
        var reported = 0;
        var cases = 0;
        foreach (var format in Formats)
        {
            var value = secrets.Generate(format);
            foreach (var secret in new[] { value, Long(value, secrets) })
            {
                foreach (var (carrier, text, carried) in Carriers(secret))
                {
                    cases++;
                    switch (Coverage(text, carried))
                    {
                        case Cover.Whole:
                            reported++;
                            break;
                        case Cover.Part:
                            partial.Add($"{format} ({secret.Length} chars) in {carrier}");
                            break;
                    }
                }
            }
        }

        reported.Should().BeGreaterThan(cases / 2, "most carriers keep the secret visible to the detector");
        partial.Should().BeEmpty();
    }

    /// <summary>A base64 value wrapped at a fixed width (PEM's 64, MIME's 76) goes on after the line break.</summary>
    [Theory]
    [InlineData("private_key: {0}\nnext: 1", "\n", 64)]
    [InlineData("SECRET_KEY={0}\r\nOTHER=1", "\r\n", 64)]
    [InlineData("Authorization: Bearer {0}", "\n", 76)]
    [InlineData("token={0}; done", "\n", 76)]
    [InlineData("The key is {0}.", " ", 76)]
    [InlineData("{{\"client_secret\": \"{0}\"}}", "\\n", 64)]
    [InlineData("password: {0}!!", "\n", 64)]
    public void Redact_Base64WrappedAtAFixedWidth_IsCoveredOverEveryLine(string carrier, string separator, int width)
    {
        var random = new SyntheticSecrets(seed: width);
        var lines = Enumerable.Range(0, 3).Select(_ => random.Generate("b64-300")[..width]).Append(random.Generate("b64-22") + "==");
        var secret = string.Join(separator, lines);
        var text = string.Format(CultureInfo.InvariantCulture, carrier, secret);

        Coverage(text, secret).Should().Be(Cover.Whole, text);
    }

    /// <summary>
    /// A private-key block too short to be reported as a key is still one block when a name reports its value: its
    /// header and body were redacted apart, the END line and the rest left (not reported at all is also whole-or-nothing).
    /// </summary>
    [Theory]
    [InlineData("password: {0}", "\n")]
    [InlineData("{{\"token\": \"{0}\"}}", "\\n")]
    [InlineData("export API_TOKEN=\"{0}\"", "\n")]
    public void Redact_ShortPrivateKeyBlockAsAValue_IsCoveredWhole(string carrier, string newline)
    {
        var body = new SyntheticSecrets(seed: 40).Generate("opaque40");
        var secret = $"-----BEGIN ENCRYPTED PRIVATE KEY-----{newline}{body}{newline}-----END ENCRYPTED PRIVATE KEY-----";
        var text = string.Format(CultureInfo.InvariantCulture, carrier, secret);

        Coverage(text, secret).Should().NotBe(Cover.Part, text);
    }

    /// <summary>Look-alikes: what follows a 64-character value on the next line is not taken in when it is not a wrapped line.</summary>
    [Theory]
    [InlineData("api_key: {0}\n{1}", "sha256")]
    [InlineData("api_key: {0}\nDone", "b64-64")]
    [InlineData("api_key: {0}\nnext_key: value", "b64-64")]
    [InlineData("api_key: {0}\n-----END", "b64-64")]
    [InlineData("api_key: {0}\nthe end of it", "b64-64")]
    public void Redact_ValueFollowedByALineThatIsNotItsWrap_StopsAtTheLineEnd(string carrier, string format)
    {
        var random = new SyntheticSecrets(seed: 64);
        var value = random.Generate(format);
        var text = string.Format(CultureInfo.InvariantCulture, carrier, value, random.Generate(format));
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);

        var spans = ArgumentRedactor.RedactionSpans(text, findings);

        var lineEnd = text.IndexOf('\n', StringComparison.Ordinal);
        spans.Should().NotContain(s => s.Start < lineEnd && s.Start + s.Length > lineEnd, text);
    }

    private static string Long(string value, SyntheticSecrets secrets)
    {
        // Past 500 characters: the value's own alphabet goes on (a token, a key body, a password) to 600.
        var tail = secrets.Generate("alnum50");
        var builder = new StringBuilder(value);
        while (builder.Length < 600)
        {
            builder.Append(tail);
        }

        return builder.ToString();
    }

    private static IEnumerable<(string Carrier, string Text, string Carried)> Carriers(string secret)
    {
        yield return ("double quotes", $"api_key = \"{secret}\"", secret);
        yield return ("single quotes", $"api_key='{secret}'", secret);
        yield return ("sentence end", $"The api key is {secret}.", secret);
        yield return ("parentheses", $"(token: {secret})", secret);
        yield return ("comma", $"token={secret}, next=1", secret);
        yield return ("semicolon", $"token={secret};", secret);
        yield return ("ellipsis", $"token={secret}...", secret);
        yield return ("exclamation", $"password: {secret}!!", secret);
        yield return ("backticks", $"set `API_TOKEN={secret}` first", secret);
        yield return ("escaped quotes", $"\"cmd\": \"curl -H \\\"Authorization: Bearer {secret}\\\"\"", secret);
        var json = System.Text.Json.JsonEncodedText.Encode(secret, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        yield return ("JSON string", $"{{\"token\": \"{json}\"}}", json);
        yield return ("JSON in JSON", $"{{\"args\": \"export API_TOKEN={json}\"}}", json);
        var url = Uri.EscapeDataString(secret);
        yield return ("URL encoded", $"https://api.example.com/v1?access_token={url}&page=2", url);
        yield return ("line continuation", $"export API_TOKEN={secret} \\\n  && deploy", secret);
        yield return ("continued header", $"curl -H \"Authorization: Bearer {secret}\" \\\n  https://api.example.com", secret);
        yield return ("XML element", $"<apiKey>{secret}</apiKey>", secret);
        yield return ("YAML", $"secret_key: {secret}\nother: 1", secret);
        yield return ("CRLF env", $"SECRET_KEY={secret}\r\nOTHER=1", secret);
        yield return ("header", $"Authorization: Bearer {secret}", secret);
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        yield return ("base64 value", $"token={base64}", base64);
        yield return ("tab", $"token\t{secret}\tend", secret);
    }

    private Cover Coverage(string text, string secret)
    {
        var start = text.IndexOf(secret, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0);
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        var covered = new bool[secret.Length];
        foreach (var span in ArgumentRedactor.RedactionSpans(text, findings))
        {
            for (var i = Math.Max(start, span.Start); i < Math.Min(start + secret.Length, span.Start + span.Length); i++)
            {
                covered[i - start] = true;
            }
        }

        return covered.All(c => c) ? Cover.Whole : covered.Any(c => c) ? Cover.Part : Cover.None;
    }

    private enum Cover
    {
        None,
        Part,
        Whole,
    }
}
