namespace AgentGuard.Tests.Detection;

/// <summary>
/// Keys every installation of a local emulator shares, published in the vendor's documentation, are placeholders, not
/// secrets (secrets39, a tuning false alarm): the Azure Cosmos DB emulator's well-known key, beside Azurite's account
/// key. A key of the same shape that is not the published one is still reported.
/// </summary>
public sealed class SecretPublishedEmulatorKeyTests
{
    private readonly SecretDetector _detector = new();

    [Theory]
    [InlineData("const connStr = \"AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==\";")]
    [InlineData("\"PrimaryKey\": \"C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==\"")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;")]
    public void Find_PublishedEmulatorKey_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);

        findings.Should().BeEmpty(line);
    }

    [Fact]
    public void Find_AnotherKeyOfTheSameShape_CoversIt()
    {
        const string key = "Q7w2Rk9dXp4/Tn+8vLm3Zc6Hs1JfYb0WgAe5Ni+UqKoPtDr7Ex2My4Cj9Bs6Vh1Fa8Gl3Iz5Ow0Ku7Ny2Tp4Rb6==";
        SecretText.ShouldCover(_detector, $"const connStr = \"AccountEndpoint=https://prod.documents.azure.com:443/;AccountKey={key}\";", key);
    }
}
