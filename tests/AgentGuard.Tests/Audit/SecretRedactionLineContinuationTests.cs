namespace AgentGuard.Tests.Audit;

/// <summary>
/// A secret wrapped over two lines with a shell line continuation: the shell reads one value. Found by
/// <c>SecretNoFragmentMoreCarriersPropertyTests</c> at 100,000 iterations (seed <c>5LaG0SFtsnw2</c>): a key holding
/// <c>%2c</c> was reported by its percent-decoded reading up to the backslash, and the continued half reached the audit
/// file beside the redaction.
/// </summary>
public sealed class SecretRedactionLineContinuationTests
{
    [Theory]
    [InlineData("export API_TOKEN=qJA7ZMFo_md/KZs:0x%2c%sRj_rEsU:3\\\ny?9p!wN?Yv3xIWC.og_1c7V4*AVEfhOE\n./deploy.sh", "qJA7ZMFo_md/KZs:0x%2c%sRj_rEsU:3", "y?9p!wN?Yv3xIWC.og_1c7V4*AVEfhOE")]
    [InlineData("export GITHUB_TOKEN=ghp_R4nd0mT0k3nV4lu3Xy\\\nZ9aBcDeFgHiJkLmNoPqRsT\n./deploy.sh", "ghp_R4nd0mT0k3nV4lu3Xy", "Z9aBcDeFgHiJkLmNoPqRsT")]
    [InlineData("export API_TOKEN=Xk9q2wLm7vPzHq4RbN3s\\\r\nrT8aB3cD4eF5gH6\r\n./deploy.sh", "Xk9q2wLm7vPzHq4RbN3s", "rT8aB3cD4eF5gH6")]
    public void BothHalves_AreRedactedOrNeither(string text, string first, string second)
    {
        var findings = new List<SecretFinding>();
        new SecretDetector().Find(text, findings);
        RedactorEncodedSecrets.Find(new SecretDetector(), text, findings);
        var spans = ArgumentRedactor.RedactionSpans(text, findings);

        bool Covered(string half)
        {
            var at = text.IndexOf(half, StringComparison.Ordinal);
            return spans.Any(s => s.Start <= at && s.Start + s.Length >= at + half.Length);
        }

        bool Touched(string half)
        {
            var at = text.IndexOf(half, StringComparison.Ordinal);
            return spans.Any(s => s.Start < at + half.Length && s.Start + s.Length > at);
        }

        // Each row is reported (so the test can fail): then both halves are covered whole.
        (Touched(first) || Touched(second)).Should().BeTrue(text);
        (Covered(first) && Covered(second)).Should().BeTrue(text);
        text.Should().Contain("./deploy.sh");
        spans.Should().NotContain(s => s.Start + s.Length > text.IndexOf("./deploy.sh", StringComparison.Ordinal));
    }

    [Fact]
    public void AContinuationAfterTheSecret_DoesNotTakeTheNextArgument()
    {
        const string text = "curl -H 'Authorization: Bearer ghp_R4nd0mT0k3nV4lu3XyZ9aBcDeFgHiJkLmNoPqRsT' \\\n  https://api.example.com/user";
        var findings = new List<SecretFinding>();
        new SecretDetector().Find(text, findings);
        var spans = ArgumentRedactor.RedactionSpans(text, findings);

        spans.Should().NotBeEmpty();
        spans.Should().NotContain(s => s.Start + s.Length > text.IndexOf("https://", StringComparison.Ordinal));
    }
}
