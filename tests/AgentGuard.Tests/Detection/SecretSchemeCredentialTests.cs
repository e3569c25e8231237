using System.Text;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// Credentials after an HTTP authorization scheme that the reading of <c>Authorization: Bearer …</c> missed
/// (octarinesec/secret-detector's tuning rows, and the shape of the header itself): RFC 9110 lets one or more spaces
/// stand between the scheme and the credentials (<c>auth-scheme 1*SP token68</c>), so <c>Bearer  xyz…</c> with two
/// spaces or a tab is the same header; and <c>Basic</c> credentials are base64 of <c>user:password</c>, which decoding
/// proves however short they are, with or without the header's name before them. Look-alikes: "basic" and "bearer" in
/// prose, a variable or placeholder after the scheme, base64 that does not decode to <c>user:password</c>, text that is
/// not base64. Credentials are built at run time: no credential-shaped literal is stored.
/// </summary>
public sealed class SecretSchemeCredentialTests
{
    private readonly SecretDetector _detector = new();

    private static string Basic(string userPassword) => Convert.ToBase64String(Encoding.UTF8.GetBytes(userPassword));

    public static TheoryData<string, string> Lines => new()
    {
        { "Authorization: Bearer  Xk9pQ2mW7zLqRt5Vb3Hs6Jd", "Xk9pQ2mW7zLqRt5Vb3Hs6Jd" },
        { "Authorization: Bearer\tXk9pQ2mW7zLqRt5Vb3Hs6Jd", "Xk9pQ2mW7zLqRt5Vb3Hs6Jd" },
        { "curl -H \"Authorization: Bearer   Rt5Vb3Hs6JdXk9pQ2mW7zLq\" https://api.example.com/v1/items", "Rt5Vb3Hs6JdXk9pQ2mW7zLq" },
        { "Bearer  Hs6JdXk9pQ2mW7zLqRt5Vb3", "Hs6JdXk9pQ2mW7zLqRt5Vb3" },
        { "Authorization: Basic  " + Basic("deploy:Vq8nRt2Lw9"), Basic("deploy:Vq8nRt2Lw9") },
        { "Basic " + Basic("svc-backup:Hk4tQ9zLm2"), Basic("svc-backup:Hk4tQ9zLm2") },
        { "Authorization: Basic " + Basic("u:Xk9!"), Basic("u:Xk9!") },
        { "the proxy wants basic " + Basic("ops:Np4Xz8") + " on every call", Basic("ops:Np4Xz8") },
        { "headers: {\"Authorization\": \"Basic " + Basic("ci:Zq7") + "\"}", Basic("ci:Zq7") },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_CredentialsAfterAScheme_CoversThem(string line, string secret)
    {
        SecretText.ShouldCover(_detector, line, secret);
    }

    public static TheoryData<string> Clean => new()
    {
        "Basic usage: run the tool with --help to list the commands.",
        "The basic plan costs $10 a month; the basic dashboard is free.",
        "Basic auth is enabled on this endpoint.",
        "Basic " + Basic("abcdefgh"),
        "Basic " + Basic("Book1"),
        "Bearer  tokens are passed in the Authorization header.",
        "Authorization: Bearer  <token>",
        "Authorization: Bearer   ${API_TOKEN}",
        "Authorization: Basic  $BASIC_AUTH",
        "class Basic Test extends Base {}",
        "basic test",
        "Basic TODO",
    };

    [Theory]
    [MemberData(nameof(Clean))]
    public void Find_SchemeWithoutCredentials_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);

        findings.Should().BeEmpty(line);
    }
}
