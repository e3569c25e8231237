namespace AgentGuard.Tests.Detection;

/// <summary>
/// A JWT whose signature is a word (<c>….body.signature</c>) or carries a placeholder marker (<c>….EXAMPLEFAKESIG</c>) is
/// documentation, not a token anyone can present: it is not reported, alone or as a key's value. Signed tokens with a
/// random signature, also a short one, are still reported whole.
/// </summary>
public sealed class SecretJwtPlaceholderTests
{
    private const string Header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
    private const string Payload = "eyJzdWIiOiJkZXBsb3ktYm90IiwiZXhwIjoxODkzNDU2MDAwfQ";

    private readonly SecretDetector _detector = new();

    [Theory]
    [InlineData("Authorization: Bearer " + Header + "." + Payload + ".signature")]
    [InlineData("<adminToken>" + Header + ".body.signature</adminToken>")]
    [InlineData("token = \"" + Header + "." + Payload + ".c2lnbmF0dXJl-EXAMPLE-SIG\"")]
    [InlineData("jwt: " + Header + "." + Payload + ".FAKESIGNATURE")]
    public void Find_JwtWithPlaceholderSignature_FindsNothing(string line)
    {
        SecretText.Find(_detector, line).Should().BeEmpty(line);
    }

    [Theory]
    [InlineData("Authorization: Bearer " + Header + "." + Payload + ".Xk9q2wLm7vPzHq4RbN3sT8aB3cD4eF5gH6jK1mN0pQ")]
    [InlineData("token = \"" + Header + "." + Payload + ".D3H6pMUtQnoJAGq6AHd\"")]
    [InlineData("id_token=" + Header + "." + Payload + ".pj4N-w_3Us9DrBLfpCt")]
    public void Find_SignedJwt_IsReportedWhole(string line)
    {
        var start = line.IndexOf(Header, StringComparison.Ordinal);
        var end = line.TrimEnd('"').Length;
        SecretText.ShouldCover(_detector, line, line[start..end]);
    }
}
