namespace AgentGuard.Tests.Detection;

/// <summary>
/// "A detected secret never leaves a fragment", as a property: every synthetic credential format, in every context a
/// tool result or argument puts it (assignment, JSON, header, URL query, command line, prose, line end), long or short,
/// is either not reported at all or replaced so that no 8-character piece of it survives in the audit text.
/// </summary>
public sealed class SecretNoFragmentTests
{
    private static readonly string[] Formats =
    [
        "aws-access-key", "gcp-api-key", "ghp", "github-pat", "glpat", "xoxb", "xoxp", "slack-webhook", "sk_live", "openai-proj",
        "openai-legacy", "anthropic", "gocspx", "ya29", "npm", "sendgrid", "twilio", "jwt", "pem-rsa", "pem-pkcs8-escaped",
        "pem-rsa-truncated", "opaque40", "alnum50", "b64-300",
    ];

    private static readonly string[] Contexts =
    [
        "api_key={0}", "\"token\": \"{0}\"", "Authorization: Bearer {0}", "https://api.example.com/v1?access_token={0}&page=2",
        "curl -H 'X-Api-Key: {0}' https://api.example.com", "the key is {0}, keep it safe", "export SECRET_TOKEN={0}\n",
        "<apiKey>{0}</apiKey>", "var secret string = \"{0}\"", "token: {0}.",
    ];

    [Fact]
    public void Redact_EveryFormatInEveryContext_LeavesNoFragment()
    {
        var secrets = new SyntheticSecrets(seed: 1414);
        var detector = new SecretDetector();
        var leaks = new List<string>();
        var reported = 0;

        foreach (var format in Formats)
        {
            foreach (var context in Contexts)
            {
                var secret = secrets.Generate(format);
                var text = "FAKE fixture. " + string.Format(System.Globalization.CultureInfo.InvariantCulture, context, secret) + " end";
                var findings = new List<SecretFinding>();
                detector.Find(text, findings);
                if (findings.Count == 0)
                {
                    continue;
                }

                reported++;
                var redacted = ArgumentRedactor.Replace(text, findings);
                var leaked = Enumerable.Range(0, Math.Max(0, secret.Length - 8)).Select(i => secret.Substring(i, 8)).FirstOrDefault(piece => redacted.Contains(piece, StringComparison.Ordinal) && !piece.Contains('\n'));
                if (leaked is not null)
                {
                    leaks.Add($"{format} in \"{context}\": \"{leaked}\" survives in {redacted}");
                }
            }
        }

        reported.Should().BeGreaterThan(Formats.Length * Contexts.Length * 3 / 4, "most formats are reported in most contexts");
        leaks.Should().BeEmpty();
    }

    [Theory]
    [InlineData("token={0}")]
    [InlineData("token=\"{0}\"")]
    [InlineData("Authorization: Bearer {0}")]
    [InlineData("{{\"client_secret\": \"{0}\"}}")]
    public void Redact_TokenOf3000Characters_IsReplacedWhole(string context)
    {
        var token = new SyntheticSecrets(seed: 3000).Generate("b64-300");
        token = string.Concat(Enumerable.Repeat(token, 10)).Replace('/', '_').Replace('+', '-');
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, context, token) + " tail";
        var findings = new List<SecretFinding>();
        new SecretDetector().Find(text, findings);

        var redacted = ArgumentRedactor.Replace(text, findings);

        redacted.Should().NotContain(token[..8]).And.NotContain(token[^8..]).And.Contain("[REDACTED:").And.EndWith(" tail");
    }
}
