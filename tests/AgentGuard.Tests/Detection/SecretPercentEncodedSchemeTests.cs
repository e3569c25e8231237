using AgentGuard.Tests.Corpora;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// An Authorization header percent-encoded whole (a logged request, a header passed in a URL or a proxy's query:
/// <c>Authorization%3A%20Bearer%20…</c>, <c>headers=authorization%3Abearer%20…</c>): the scheme stands before an
/// encoded blank, where the key scanner, which reads a blank or '=', saw no value. The token is covered whole, its
/// encoded characters (<c>%2B %2F %3D</c>) with it, as written and in a JSON result. Look-alikes: templates, encoded
/// placeholders (<c>%3Ctoken%3E</c>), short or word-like values, the scheme named in prose.
/// </summary>
public sealed class SecretPercentEncodedSchemeTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "curl -H \"Authorization%3A%20Bearer%20Xk9Lm2Qr7Tz4Wv8Np3Hs6Jd1Fb\" https://api.example.com", "Xk9Lm2Qr7Tz4Wv8Np3Hs6Jd1Fb" },
        { "headers=Authorization%3A%20Bearer%20Qm7rLx2Kd9Vw4T8nB4cDz5Y%26accept%3Djson", "Qm7rLx2Kd9Vw4T8nB4cDz5Y" },
        { "GET /proxy?h=authorization%3Abearer%20Zk4Tq9Rw2Lm8Vx3Nc5Bq1Hj7%2BpQ%3D%3D HTTP/1.1", "Zk4Tq9Rw2Lm8Vx3Nc5Bq1Hj7%2BpQ%3D%3D" },
        { "log: request headers Authorization%3A%20Bearer%20eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.Qm9Vz8Xk2Lp7Rt4Wn9Yb3Cd6Hs1JfA5eUoGk", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.Qm9Vz8Xk2Lp7Rt4Wn9Yb3Cd6Hs1JfA5eUoGk" },
        { "x-forwarded=Authorization%3A+Bearer%20Vb8Kq2Lm9xTw4Np3Hs6Jd", "Vb8Kq2Lm9xTw4Np3Hs6Jd" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_EncodedBearerHeader_CoversTheToken(string line, string secret)
    {
        SecretText.ShouldCover(_detector, line, secret);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_EncodedBearerHeaderInAJsonResult_CoversTheToken(string line, string secret)
    {
        foreach (var encoder in new[] { "dotnet", "python" })
        {
            var text = InjectionCorpusAsJsonTests.AsJson(line, encoder);
            var findings = SecretText.Find(_detector, text);
            SecretText.Covered(text, findings).Should().Contain(secret, encoder);
        }
    }

    [Theory]
    [InlineData("headers=Authorization%3A%20Bearer%20%3Ctoken%3E")]
    [InlineData("headers=Authorization%3A%20Bearer%20%24%7BTOKEN%7D")]
    [InlineData("headers=Authorization%3A%20Bearer%20${ACCESS_TOKEN}")]
    [InlineData("headers=Authorization%3A%20Bearer%20YOUR_ACCESS_TOKEN_HERE")]
    [InlineData("headers=Authorization%3A%20Bearer%20abc123")]
    [InlineData("q=how%20to%20send%20a%20bearer%20token%20in%20the%20authorization%20header")]
    [InlineData("Pass the header as Authorization%3A%20Bearer%20followed%20by%20your%20token")]
    public void Find_NotAnEncodedBearerToken_FindsNothing(string line)
    {
        SecretText.Find(_detector, line).Should().BeEmpty(line);
    }
}
