namespace AgentGuard.Tests.Detection;

/// <summary>
/// A short quoted value under a key-like name that is a name of words with an index or a version
/// (<c>"key": "attached_file_0"</c>, <c>"token": "refresh_token_v2"</c>) names a thing; it is no token. Quoted tokens of
/// the same length that are drawn at random are still reported.
/// </summary>
public sealed class SecretVersionedNameValueTests
{
    private readonly SecretDetector _detector = new();

    [Theory]
    [InlineData("\"key\":\"attached_file_0\"")]
    [InlineData("{\"token\": \"refresh_token_v2\"}")]
    [InlineData("cache_key = 'user_profile_2024'")]
    public void Find_QuotedNameOfWordsWithAnIndex_FindsNothing(string line)
    {
        SecretText.Find(_detector, line).Should().BeEmpty(line);
    }

    [Theory]
    [InlineData("\"key\":\"q7Rk2xTz9Lm4\"", "q7Rk2xTz9Lm4")]
    [InlineData("{\"token\": \"a8f_k29x_q7zw\"}", "a8f_k29x_q7zw")]
    public void Find_QuotedShortToken_CoversIt(string line, string secret)
    {
        SecretText.ShouldCover(_detector, line, secret);
    }
}
