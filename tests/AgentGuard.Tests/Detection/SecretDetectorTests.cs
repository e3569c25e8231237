namespace AgentGuard.Tests.Detection;

public sealed class SecretDetectorTests
{
    private readonly SecretDetector _detector = new();
    private readonly SyntheticSecrets _secrets = new(seed: 5);

    private List<SecretFinding> Find(string text) => SecretText.Find(_detector, text);

    [Theory]
    [InlineData("aws-access-key", "aws-access-key")]
    [InlineData("gcp-api-key", "gcp-api-key")]
    [InlineData("ghp", "github-token")]
    [InlineData("github-pat", "github-token")]
    [InlineData("glpat", "gitlab-token")]
    [InlineData("xoxb", "slack-token")]
    [InlineData("sk_live", "stripe-key")]
    [InlineData("openai-proj", "openai-key")]
    [InlineData("anthropic", "anthropic-key")]
    [InlineData("gocspx", "google-oauth-secret")]
    [InlineData("npm", "npm-token")]
    [InlineData("sendgrid", "sendgrid-key")]
    [InlineData("twilio", "twilio-api-key")]
    [InlineData("jwt", "jwt")]
    public void Find_KnownFormatInProse_ReportsKindAndExactOffsets(string format, string kind)
    {
        var secret = _secrets.Generate(format);
        var text = $"FAKE fixture, see ticket 42: the value {secret} leaked into the log.";

        var findings = Find(text);

        findings.Should().ContainSingle();
        findings[0].Kind.Should().Be(kind);
        text.Substring(findings[0].Start, findings[0].Length).Should().Be(secret);
    }

    [Fact]
    public void Find_PrivateKeyBlock_CoversHeaderToFooter()
    {
        var key = _secrets.Generate("pem-rsa");
        var text = "before\n" + key + "\nafter";

        var finding = Find(text).Should().ContainSingle().Subject;

        finding.Kind.Should().Be("private-key");
        text.Substring(finding.Start, finding.Length).Should().Be(key);
    }

    [Fact]
    public void Find_ConnectionStringPassword_ReportsOnlyThePassword()
    {
        var text = "Server=tcp:db,1433;User Id=app;Password=Fake#Pass2026;Encrypt=True;";

        var finding = Find(text).Should().ContainSingle().Subject;

        finding.Kind.Should().Be("connection-string-password");
        text.Substring(finding.Start, finding.Length).Should().Be("Fake#Pass2026");
    }

    [Fact]
    public void Find_UrlWithPassword_ReportsOnlyThePassword()
    {
        var text = "DATABASE_URL=postgres://app:FakePass-42x@db.internal:5432/orders";

        var finding = Find(text).Should().ContainSingle().Subject;

        finding.Kind.Should().Be("url-password");
        text.Substring(finding.Start, finding.Length).Should().Be("FakePass-42x");
    }

    [Fact]
    public void Find_HighEntropyValueNextToKeyName_ReportsGenericSecret()
    {
        var value = _secrets.Generate("alnum32");
        var text = $"api_key = \"{value}\"";

        var finding = Find(text).Should().ContainSingle().Subject;

        finding.Kind.Should().Be("generic-secret");
        text.Substring(finding.Start, finding.Length).Should().Be(value);
    }

    [Theory]
    [InlineData("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE")]
    [InlineData("api_key=<your-api-key>")]
    [InlineData("token: ${API_TOKEN}")]
    [InlineData("password: ********")]
    [InlineData("api_key=aaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("request_id=4f9c2b7e-8a1d-4c3b-9e2f-1a2b3c4d5e6f")]
    [InlineData("max_tokens: 4096")]
    [InlineData("Please reset your password using the link we sent.")]
    public void Find_PlaceholdersAndLookalikes_ReportsNothing(string text)
        => Find(text).Should().BeEmpty();

    [Fact]
    public void Find_HighEntropyWithoutKeyName_ReportsNothing()
    {
        // A random token with no key-like name and no known format (e.g. a file id) is not a secret by itself.
        var text = "The file id is " + _secrets.Generate("alnum40") + ".";

        Find(text).Should().BeEmpty();
    }

    [Fact]
    public void Find_SeveralSecrets_AllReportedInOrderWithoutOverlap()
    {
        var aws = _secrets.Generate("aws-access-key");
        var jwt = _secrets.Generate("jwt");
        var text = $"key {aws}\nAuthorization: Bearer {jwt}\npassword=Fake!Secret99";

        var findings = Find(text);

        findings.Select(f => text.Substring(f.Start, f.Length)).Should().Equal(aws, jwt, "Fake!Secret99");
    }

    [Fact]
    public void RedactText_ThroughArgumentRedactor_ReplacesEverySecretByItsKind()
    {
        var redactor = new ArgumentRedactor([_detector]);
        var token = _secrets.Generate("ghp");

        var redacted = redactor.RedactText($"clone with {token} then password=Fake!Secret99 done");

        redacted.Should().Be("clone with [REDACTED:github-token] then password=[REDACTED:password] done");
    }

    [Fact]
    public void Find_LargeTextWithoutSecrets_ReportsNothing()
    {
        var text = string.Concat(Enumerable.Repeat("The quarterly report covers revenue, key accounts and the token budget for the AI pilot. ", 200));

        Find(text).Should().BeEmpty();
    }
}
