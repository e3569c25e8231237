namespace AgentGuard.Tests.Corpora;

/// <summary>The rule that picks the corpus lines carrying their usual context (<see cref="SecretContext"/>), on lines written here.</summary>
public sealed class SecretContextTests
{
    [Theory]
    [InlineData("api_key = \"s3cr3tvalue\"", "s3cr3tvalue")]
    [InlineData("\"token\": \"s3cr3tvalue\"", "s3cr3tvalue")]
    [InlineData("export GITHUB_TOKEN=s3cr3tvalue", "s3cr3tvalue")]
    [InlineData("var apiKey string = \"s3cr3tvalue\"", "s3cr3tvalue")]
    [InlineData("key := s3cr3tvalue", "s3cr3tvalue")]
    [InlineData("TOKEN ?= s3cr3tvalue", "s3cr3tvalue")]
    [InlineData(":password => 's3cr3tvalue'", "s3cr3tvalue")]
    [InlineData("<password>s3cr3tvalue</password>", "s3cr3tvalue")]
    [InlineData("System.setProperty(\"db.password\", \"s3cr3tvalue\")", "s3cr3tvalue")]
    [InlineData("curl --token s3cr3tvalue https://api.example.com", "s3cr3tvalue")]
    [InlineData("Authorization: Bearer s3cr3tvalue", "s3cr3tvalue")]
    [InlineData("-H 'Authorization: token s3cr3tvalue'", "s3cr3tvalue")]
    [InlineData("X-API-Key: s3cr3tvalue", "s3cr3tvalue")]
    [InlineData("postgres://admin:s3cr3tvalue@db.example.com/app", "s3cr3tvalue")]
    [InlineData("see https://hooks.slack.com/services/T0/B0/s3cr3tvalue now", "s3cr3tvalue")]
    [InlineData("https://hooks.slack.com/services/T0/B0/s3cr3tvalue", "https://hooks.slack.com/services/T0/B0/s3cr3tvalue")]
    [InlineData("first line\nsecret_key = s3cr3tvalue", "s3cr3tvalue")]
    public void LabelledSecret_InItsUsualContext_Carries(string text, string secret)
        => SecretContext.Carries(Sample(text, secret, 1)).Should().BeTrue();

    [Theory]
    [InlineData("s3cr3tvalue", "s3cr3tvalue")]
    [InlineData("todoist s3cr3tvalue", "s3cr3tvalue")]
    [InlineData("chartmogul SECRET s3cr3tvalue", "s3cr3tvalue")]
    [InlineData("my key is s3cr3tvalue", "s3cr3tvalue")]
    [InlineData("api_key = \"x\"\ns3cr3tvalue", "s3cr3tvalue")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEs3cr3t\n-----END RSA PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----\nMIIEs3cr3t\n-----END RSA PRIVATE KEY-----")]
    public void LabelledSecret_WithoutContext_DoesNotCarry(string text, string secret)
        => SecretContext.Carries(Sample(text, secret, 1)).Should().BeFalse();

    [Theory]
    [InlineData("version = \"1.2.3\"", true)]
    [InlineData("integrity: sha512-abc", true)]
    [InlineData("see https://example.com/docs", true)]
    [InlineData("ghp_notacontextline", false)]
    [InlineData("just some words", false)]
    public void LineLabelled_AnyValueInContext_Carries(string text, bool expected)
        => SecretContext.Carries(Sample(text, null, 0)).Should().Be(expected);

    private static CorpusSample Sample(string text, string? secret, int label) => new("test", "test", label, "tuning", text, secret, null);
}
