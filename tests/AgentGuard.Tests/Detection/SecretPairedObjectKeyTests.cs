namespace AgentGuard.Tests.Detection;

/// <summary>
/// A name/value pair (<c>("api-key", "…")</c>) read across an object's members: in
/// <c>{"dummy": "api-custom-key", "c098f218-face-c0fe-dea0-0199cba": "not-a-key-in-the-line"}</c> the string after the
/// key-like value is the next member's name (a ':' follows its closing quote), and was reported as a generic secret
/// (a CredSweeper tuning negative). A paired value followed by ')', ',' or the end is still a value.
/// </summary>
public sealed class SecretPairedObjectKeyTests
{
    private readonly SecretDetector _detector = new();

    [Theory]
    [InlineData("{\"dummy\": \"api-custom-key\", \"c098f218-face-c0fe-dea0-0199cba\": \"not-a-key-in-the-line\", \"next\": \"something-else\"}")]
    [InlineData("{\"kind\": \"api-key\", \"a1b2c3d4-e5f6-7a8b-9c0d-ef1234567890\": {\"enabled\": true}}")]
    [InlineData("{'type': 'db_password', 'Rk7Tq2Wv9Lm4Xz8Nc3Bd6Fh1': 'column id'}")]
    public void Find_TheNextMembersName_FindsNothing(string text)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        findings.Should().BeEmpty(text);
    }

    [Theory]
    [InlineData("setProperty(\"api-key\", \"Rk7Tq2Wv9Lm4Xz8Nc3Bd6Fh1Jp5\")", "Rk7Tq2Wv9Lm4Xz8Nc3Bd6Fh1Jp5")]
    [InlineData("headers = {\"api-key\", \"Rk7Tq2Wv9Lm4Xz8Nc3Bd6Fh1Jp5\"}", "Rk7Tq2Wv9Lm4Xz8Nc3Bd6Fh1Jp5")]
    [InlineData("os.getenv(\"db_password\", \"Kx9!mQ2#vL7pR4\") if prod else None", "Kx9!mQ2#vL7pR4")]
    [InlineData("x = cfg.get(\"api_key\", \"Rk7Tq2Wv9Lm4Xz8Nc3Bd6Fh1Jp5\") ? a : b", "Rk7Tq2Wv9Lm4Xz8Nc3Bd6Fh1Jp5")]
    public void Find_APairedValue_IsStillReported(string text, string secret)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        var start = text.IndexOf(secret, StringComparison.Ordinal);
        findings.Should().Contain(f => f.Start <= start && f.Start + f.Length >= start + secret.Length, text);
    }
}
