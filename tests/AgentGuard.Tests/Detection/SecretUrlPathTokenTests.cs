namespace AgentGuard.Tests.Detection;

/// <summary>
/// A provider token that is a whole segment of a URL's path (<c>https://host/ghp_…</c>, a token pasted in place of a
/// user name in a clone URL) is reported: the <c>/</c> before it separates segments, it does not glue the token to a
/// word. A token shape after a <c>/</c> in base64 or in a file path with no URL before it is still not read as one.
/// </summary>
public sealed class SecretUrlPathTokenTests
{
    private const string Token = "ghp_Qm7rLx2Kd9Vw4T8nB4cD6fH1jS5uE0aGZk4T";

    private readonly SecretDetector _detector = new();

    [Theory]
    [InlineData("see https://example.com/" + Token + " for the build")]
    [InlineData("git clone https://github.com/" + Token + "/infra.git")]
    [InlineData("{\"url\": \"https://api.example.com/v1/hooks/" + Token + "\"}")]
    [InlineData("curl https://hooks.example.net/AKIAQ3F7RT2LMZ8WX4PK/status")]
    public void Find_TokenAsUrlPathSegment_IsReported(string line)
    {
        var secret = line.Contains(Token, StringComparison.Ordinal) ? Token : line.Substring(line.IndexOf("AKIA", StringComparison.Ordinal), 20);
        SecretText.ShouldCover(_detector, line, secret);
    }

    [Theory]
    [InlineData("blob Qm7rLx2Kd9Vw4T8n/" + Token + " end")]
    [InlineData("path: /var/lib/" + Token + " (a file named like a token)")]
    [InlineData("https://example.com/docs/ghp_tokens_explained")]
    public void Find_TokenShapeGluedOrNotAToken_FindsNothing(string line)
    {
        SecretText.Find(_detector, line).Should().BeEmpty(line);
    }
}
