namespace AgentGuard.Tests.Detection;

/// <summary>
/// A name given another symbol of the same name in another namespace is an alias, not a secret: nettle's headers hold
/// 67 lines such as <c>#define hmac_sha256_set_key nettle_hmac_sha256_set_key</c>, each reported as a generic secret
/// (found by secrets27's scan of local files). The value must be an identifier that ends with the name after an
/// underscore after a prefix of words; a generated value that ends in the name, or merely contains it, is still reported.
/// </summary>
public sealed class SecretPrefixedAliasTests
{
    private readonly SecretDetector _detector = new();

    [Theory]
    [InlineData("#define hmac_sha256_set_key nettle_hmac_sha256_set_key")]
    [InlineData("#define cmac_aes128_set_key nettle_cmac_aes128_set_key")]
    [InlineData("#define gcm_aes256_set_key nettle_gcm_aes256_set_key")]
    [InlineData("#define chacha_poly1305_set_key nettle_chacha_poly1305_set_key")]
    [InlineData("api_key = settings_api_key")]
    [InlineData("export GITHUB_TOKEN=$CI_GITHUB_TOKEN")]
    public void Find_TheNameUnderAnotherPrefix_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);
        findings.Should().BeEmpty(line);
    }

    [Theory]
    [InlineData("api_key = Xk9vQ2mLp7RtW4zN8bC3dF6h_api_key", "Xk9vQ2mLp7RtW4zN8bC3dF6h_api_key")]
    [InlineData("#define SIGNING_KEY \"Rk7Tq2Wv9Lm4Xz8Nc3Bd6Fh1Jp5Gs0Ya\"", "Rk7Tq2Wv9Lm4Xz8Nc3Bd6Fh1Jp5Gs0Ya")]
    [InlineData("hmac_key = nettle_Rk7Tq2Wv9Lm4Xz8Nc3Bd6Fh1Jp5Gs0Ya", "nettle_Rk7Tq2Wv9Lm4Xz8Nc3Bd6Fh1Jp5Gs0Ya")]
    [InlineData("set_key = Rk7Tq2Wv9Lm4Xz8Nc3Bd6Fh_set_key", "Rk7Tq2Wv9Lm4Xz8Nc3Bd6Fh_set_key")]
    [InlineData("client_secret=Rk7Tq2Wv9Lm4Xz8Nc3Bd6Fh1Jp5Gs0Ya-client_secret", "Rk7Tq2Wv9Lm4Xz8Nc3Bd6Fh1Jp5Gs0Ya-client_secret")]
    public void Find_AGeneratedValue_IsStillReported(string line, string secret)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);
        var start = line.IndexOf(secret, StringComparison.Ordinal);
        findings.Should().Contain(f => f.Start <= start && f.Start + f.Length >= start + secret.Length, line);
    }
}
