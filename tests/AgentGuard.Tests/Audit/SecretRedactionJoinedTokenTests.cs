namespace AgentGuard.Tests.Audit;

/// <summary>
/// One credential made of several tokens of one family joined by commas (a macaroon token's caveats: <c>FlyV1
/// fm2_…,fm2_…,fo1_…</c>): the reader takes the whole list as the secret, so the redaction of the first token must go
/// on over the ones joined to it. Unrelated comma-separated words after a token are left as they are.
/// </summary>
public sealed class SecretRedactionJoinedTokenTests
{
    [Theory]
    [InlineData("FLY_API_TOKEN=FlyV1 fm2_Qm9vVGhpcOdpc0FGYWtlTWFjYXJvb25Cb2R5Rm9yVGVzdHM0MkFCQ0RFRkdI,fm2_UGFydFR3b09mVGhlRmFrZU1hY2Fyb29uQ2F2ZWF0c1h5ejEyMzQ1Njc4OTA= deploy", "fm2_UGFydFR3b09mVGhlRmFrZU1hY2Fyb29uQ2F2ZWF0c1h5ejEyMzQ1Njc4OTA=")]
    [InlineData("{\"token\": \"FlyV1 fm2_Qm9vVGhpcOdpc0FGYWtlTWFjYXJvb25Cb2R5Rm9yVGVzdHM0MkFCQ0RFRkdI,fm2_UGFydFR3b09mVGhlRmFrZU1hY2Fyb29uQ2F2ZWF0c1h5ejEy,fm2_VGhpcmRDYXZlYXRPZlRoZUZha2VUb2tlbkFCQ0RFRkdISUpLTE1O\"}", "fm2_VGhpcmRDYXZlYXRPZlRoZUZha2VUb2tlbkFCQ0RFRkdISUpLTE1O")]
    [InlineData("Authorization: FlyV1 fm2_Qm9vVGhpcOdpc0FGYWtlTWFjYXJvb25Cb2R5Rm9yVGVzdHM0MkFCQ0RFRkdI,fm2_UGFydFR3b09mVGhlRmFrZU1hY2Fyb29uQ2F2ZWF0c1h5ejEy\n", "fm2_UGFydFR3b09mVGhlRmFrZU1hY2Fyb29uQ2F2ZWF0c1h5ejEy")]
    public void EveryJoinedToken_IsRedacted(string text, string joined)
    {
        var findings = new List<SecretFinding>();
        new SecretDetector().Find(text, findings);

        var redacted = ArgumentRedactor.Replace(text, findings);

        findings.Should().NotBeEmpty();
        redacted.Should().NotContain(joined[4..16]).And.NotContain(joined[^12..]).And.Contain("[REDACTED:");
    }

    [Theory]
    [InlineData("tokens: ghp_Zq8vLm3RtY7wK2pX9nB4cD6fH1jS5uE0aGTr,scope=repo,admin", "scope=repo,admin")]
    [InlineData("FLY_API_TOKEN=FlyV1 fm2_Qm9vVGhpcOdpc0FGYWtlTWFjYXJvb25Cb2R5Rm9yVGVzdHM0MkFCQ0RFRkdI,region,fra", ",region,fra")]
    public void WordsAfterTheToken_Stay(string text, string kept)
    {
        var findings = new List<SecretFinding>();
        new SecretDetector().Find(text, findings);

        var redacted = ArgumentRedactor.Replace(text, findings);

        redacted.Should().Contain("[REDACTED:").And.EndWith(kept);
    }
}
