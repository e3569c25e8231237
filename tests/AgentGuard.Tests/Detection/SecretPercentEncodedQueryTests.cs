namespace AgentGuard.Tests.Detection;

/// <summary>
/// A secret parameter of a URL percent-encoded inside another (a redirect or callback URL, a logged query:
/// <c>%3Fapi_key%3D…%26page%3D2</c>) is reported over its value. Look-alikes: other parameters, token types and
/// counts, templates and placeholders, short values, and words.
/// </summary>
public sealed class SecretPercentEncodedQueryTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "url3d = \"https://localhost.example/013948?26timestamp%3D1395782596%26token%3DQm7rLx2Kd9Vw4T8nB4cD%26version%3D3.14\";", "Qm7rLx2Kd9Vw4T8nB4cD" },
        { "next=%2Fcallback%3Fapi_key%3DZk4Tq9Rw2Lm8Vx3Nc5Bq1Hj7%26page%3D2", "Zk4Tq9Rw2Lm8Vx3Nc5Bq1Hj7" },
        { "redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb%3Faccess_token%3DXk9q2wLm7vPzHq4RbN3sT8aB", "Xk9q2wLm7vPzHq4RbN3sT8aB" },
        { "GET /login?return=%2Fhome%3Fclient_secret%3D7d2e9b4c1a8f3e6d0b5c9a2f7e1d4b8c HTTP/1.1", "7d2e9b4c1a8f3e6d0b5c9a2f7e1d4b8c" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_SecretParameterOfAnEncodedQuery_CoversTheValue(string line, string secret)
    {
        SecretText.ShouldCover(_detector, line, secret);
    }

    [Theory]
    [InlineData("next=%2Fsearch%3Fquery%3DQm7rLx2Kd9Vw4T8nB4cD%26page%3D2")]
    [InlineData("next=%2Fcb%3Ftoken_type%3Dbearer%26expires_in%3D3600")]
    [InlineData("next=%2Fcb%3Ftoken%3D%7Btoken%7D%26page%3D2")]
    [InlineData("next=%2Fcb%3Fapi_key%3DYOUR_API_KEY_HERE_PLEASE%26page%3D2")]
    [InlineData("next=%2Fcb%3Ftoken%3Dabc123%26page%3D2")]
    [InlineData("next=%2Fcb%3Fpassword_reset%3Dconfirmation-needed-for-account")]
    public void Find_NotAnEncodedSecretParameter_FindsNothing(string line)
    {
        SecretText.Find(_detector, line).Should().BeEmpty(line);
    }
}
