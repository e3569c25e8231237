namespace AgentGuard.Tests.Detection;

/// <summary>
/// A reference to a secret kept in a secret store, resolved by the host at run time, is not the secret: Azure App
/// Service's <c>@Microsoft.KeyVault(SecretUri=…)</c> and <c>@Microsoft.KeyVault(VaultName=…;SecretName=…)</c> name a
/// vault, a secret and a version (sonar-text labels them clean; they were reported as generic secrets). Only a value that
/// opens with the reference is one; a generated value under a key that names a vault is still reported.
/// </summary>
public sealed class SecretStoreReferenceTests
{
    private readonly SecretDetector _detector = new();

    [Theory]
    [InlineData("\"Service:SubscriptionKey\": \"@Microsoft.KeyVault(SecretUri=https://myvault.vault.azure.net/secrets/Subscription-Key/e3e56868da48ab516b3538609ec2eb9b)\",")]
    [InlineData("DB_PASSWORD=@Microsoft.KeyVault(VaultName=myvault;SecretName=DbPassword;SecretVersion=0a1b2c3d4e5f60718293a4b5c6d7e8f9)")]
    [InlineData("api_key: '@Microsoft.KeyVault(SecretUri=https://prod-kv.vault.azure.net/secrets/ApiKey/)'")]
    public void Find_AKeyVaultReference_FindsNothing(string text)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        findings.Should().BeEmpty(text);
    }

    [Theory]
    [InlineData("KeyVaultClientSecret = \"Qm7~Rt3.Wz9_Lp2-Xv8Nc4Bd6Fh1Jk5Gs0\"", "Qm7~Rt3.Wz9_Lp2-Xv8Nc4Bd6Fh1Jk5Gs0")]
    [InlineData("\"ApiKey\": \"Kx9mQ2vL7pR4tW8zN3bC6dF1hJ5gS0yA\", \"Other\": \"@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/Other/)\"", "Kx9mQ2vL7pR4tW8zN3bC6dF1hJ5gS0yA")]
    [InlineData("password=Xk9vQ2mLp7RtW4zN8bC3@Microsoft.KeyVault(", "Xk9vQ2mLp7RtW4zN8bC3")]
    public void Find_AGeneratedValueBesideAReference_IsStillReported(string text, string secret)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        var start = text.IndexOf(secret, StringComparison.Ordinal);
        findings.Should().Contain(f => f.Start <= start && f.Start + f.Length >= start + secret.Length, text);
    }
}
