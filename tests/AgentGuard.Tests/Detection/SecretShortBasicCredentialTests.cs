namespace AgentGuard.Tests.Detection;

/// <summary>
/// Encoded <c>user:password</c> after an authorization scheme, however short (secrets39, from the tuning part's
/// minimal-length scheme tests): <c>Basic YTpn</c> is <c>a:g</c>, and decoding proves the pair, so a one-character
/// password is a password there, not a mask of one repeated character. After <c>Bearer</c> in a header, base64 that
/// decodes to such a pair (<c>Bearer ZDp6cg==</c>, <c>d:zr</c>) is credentials too, below the length a bearer token
/// needs. Look-alikes: the words after "basic" and "bearer" in prose, an empty pair (<c>Og==</c> is <c>:</c>), a
/// placeholder password in the pair.
/// </summary>
public sealed class SecretShortBasicCredentialTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "Authorization: Basic YTpn", "YTpn" },
        { "curl -H 'Authorization: basic dTpw' https://api.example.com", "dTpw" },
        { "Authorization: Bearer ZDp6cg==", "ZDp6cg==" },
        { "headers = {\"Authorization\": \"Bearer eDp5Mg==\"}", "eDp5Mg==" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_ShortEncodedPair_CoversIt(string line, string credentials)
    {
        SecretText.ShouldCover(_detector, line, credentials);
    }

    [Theory]
    [InlineData("The basic idea is good.")]
    [InlineData("Authorization: Basic Og==")]
    [InlineData("basic test")]
    [InlineData("a bearer bond")]
    [InlineData("Authorization: Bearer token")]
    [InlineData("Authorization: Basic dTp4eHh4")]
    [InlineData("Authorization: Bearer dGVzdA==")]
    public void Find_NoEncodedPair_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);

        findings.Should().BeEmpty(line);
    }
}
