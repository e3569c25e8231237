namespace AgentGuard.Tests.Detection;

/// <summary>
/// A secret in a quoted literal assigned to a secret-named key, holding a space and an assignment of its own
/// (<c>api_key: "Nu=01aT65xh… @ga&gt;4"</c>): the literal as a whole is not reported (a value with a space is no
/// credential by itself), but the inner assignment's value was, and redacting it alone left the head and the tail of
/// the secret in the audit file. Found by the JSON-result no-fragment property (the same lines, decoded). The whole
/// literal is redacted; a run inside a literal whose key names no secret keeps the literal's other words.
/// </summary>
public sealed class SecretQuotedLiteralTests
{
    private readonly SecretDetector _detector = new();

    [Theory]
    [InlineData("api_key: \"Nu=01aT65xh2g3COOyNnJ4X @ga>4\\\"CeVEcon\\\\l\"", "Nu=01aT65xh2g3COOyNnJ4X @ga>4\\\"CeVEcon\\\\l")]
    [InlineData("export TOKEN=\"VTVs25ge'AO=rlecgVlZ2q26a2WnFICUNWKh;hVhcZBBJdgR p5$b3UdVdc6fkceZ50.ID&V\"\n./deploy.sh", "VTVs25ge'AO=rlecgVlZ2q26a2WnFICUNWKh;hVhcZBBJdgR p5$b3UdVdc6fkceZ50.ID&V")]
    [InlineData("SMTP_PASSWORD => 'x y=Hx7Lq2Vz9Np4Kw8Zs3Nb5 z'", "x y=Hx7Lq2Vz9Np4Kw8Zs3Nb5 z")]
    public void InnerAssignmentInASecretNamedLiteral_RedactsTheWholeLiteral(string text, string secret)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        findings.Should().NotBeEmpty();
        var start = text.IndexOf(secret, StringComparison.Ordinal);
        ArgumentRedactor.RedactionSpans(text, findings).Should().Contain(s => s.Start <= start && s.Start + s.Length >= start + secret.Length, text);
    }

    [Fact]
    public void RunInsideAnOrdinaryLiteral_RedactsOnlyTheRun()
    {
        const string text = "note = \"deploy with key=Qm7rLx2Kd9Vw4Tz8Pn3Hs6Jb went out\"";
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        var spans = ArgumentRedactor.RedactionSpans(text, findings);
        spans.Should().NotBeEmpty();
        spans.Should().NotContain(s => s.Start <= text.IndexOf("deploy", StringComparison.Ordinal) || s.Start + s.Length >= text.IndexOf("went", StringComparison.Ordinal));
    }
}
