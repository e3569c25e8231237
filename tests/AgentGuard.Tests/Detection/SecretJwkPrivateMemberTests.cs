namespace AgentGuard.Tests.Detection;

/// <summary>
/// The private members of a JSON Web Key, named by one letter (secrets39, a tuning miss): <c>"d"</c> (RSA private
/// exponent, EC private scalar), <c>"p"</c>, <c>"q"</c> (RSA primes) and <c>"k"</c> (a symmetric key). One-letter names
/// were never read. Look-alikes that stay clean: an SVG path's <c>"d"</c>, a public member (<c>"n"</c>, <c>"x"</c>),
/// a short or word-like value, an unquoted one-letter variable.
/// </summary>
public sealed class SecretJwkPrivateMemberTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "        \"d\": \"-phZ8N4GuwZchy7FCMB14IA35dBU3sWy2ORxwWN8PbKqKOkZb8mh4v_gQgwg7j16uSd91COBNPGH0hNzaH2jOY\"", "-phZ8N4GuwZchy7FCMB14IA35dBU3sWy2ORxwWN8PbKqKOkZb8mh4v_gQgwg7j16uSd91COBNPGH0hNzaH2jOY" },
        { "{\"kty\":\"EC\",\"crv\":\"P-256\",\"d\":\"870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE\"}", "870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE" },
        { "{\"kty\":\"oct\",\"k\":\"GawgguFyGrWKav7AX4VKUg9bQ2mNz7Lq8R1cT5vW3xY\"}", "GawgguFyGrWKav7AX4VKUg9bQ2mNz7Lq8R1cT5vW3xY" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_JwkPrivateMember_CoversIt(string line, string value)
    {
        SecretText.ShouldCover(_detector, line, value);
    }

    [Theory]
    [InlineData("{\"d\": \"M10 10 L20 20 C30 30 40 40 50 50 Z\"}")]
    [InlineData("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4\"}")]
    [InlineData("{\"d\": \"2024-05-01\"}")]
    [InlineData("{\"k\": \"keyboard-shortcut-help\"}")]
    [InlineData("d = Xk9mQ2zLw7Rp4Tn8Vb3Hc6Jd")]
    public void Find_NoJwkPrivateValue_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);

        findings.Should().BeEmpty(line);
    }
}
