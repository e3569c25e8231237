namespace AgentGuard.Tests.Detection;

/// <summary>
/// A random UUID or a 32-, 40- or 64-digit hex key given, on a line of its own, to a bare service name (secrets39, from
/// the tuning part's provider-rule examples: <c>railway = '…'</c>, <c>assemblyai = …</c>, <c>SONARQUBE=…</c>): many
/// services issue API keys in those shapes and configuration names the key after the service. Ids, hashes and commits
/// are hex too, so the look-alikes stay clean: names of ids, digests, commits and records, compound names, a UUID that
/// is not a random one, a hex value inside prose or behind more text, a hex value of another length.
/// </summary>
public sealed class SecretServiceNamedHexKeyTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "railway = 'c7e1d0a4-5b2f-4e9a-9d31-7f8a6b2c4e15'", "c7e1d0a4-5b2f-4e9a-9d31-7f8a6b2c4e15" },
        { "assemblyai = 9b2e4f71c0d84a6e8f13b5c7a2d90e46", "9b2e4f71c0d84a6e8f13b5c7a2d90e46" },
        { "deepgram = 3f9a1c7e2b8d4f60a5e1c9b7d3f2a8e4c6b0d1f7", "3f9a1c7e2b8d4f60a5e1c9b7d3f2a8e4c6b0d1f7" },
        { "SONARQUBE=5e3ab8e4d1f72dbc09e6adbe1c37b7f4a9a7b92c", "5e3ab8e4d1f72dbc09e6adbe1c37b7f4a9a7b92c" },
        { "{\n  \"postmark\": \"e4b1c9d2-7a3f-4c58-b6e0-2d9f8a1c3e57\",\n  \"port\": 25\n}", "e4b1c9d2-7a3f-4c58-b6e0-2d9f8a1c3e57" },
        { "services:\n  cloudsmith: \"7c1e9a3f5b2d8e4a6c0f1b9d3e7a5c2f8b4d6e1a\"", "7c1e9a3f5b2d8e4a6c0f1b9d3e7a5c2f8b4d6e1a" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_ServiceNamedHexKey_CoversIt(string line, string key)
    {
        SecretText.ShouldCover(_detector, line, key);
    }

    [Theory]
    [InlineData("commit: 3f9a1c7e2b8d4f60a5e1c9b7d3f2a8e4c6b0d1f7")]
    [InlineData("sha256 = 9b2e4f71c0d84a6e8f13b5c7a2d90e469b2e4f71c0d84a6e8f13b5c7a2d90e46")]
    [InlineData("md5 = 9b2e4f71c0d84a6e8f13b5c7a2d90e46")]
    [InlineData("  \"id\": \"c7e1d0a4-5b2f-4e9a-9d31-7f8a6b2c4e15\",")]
    [InlineData("tenant = c7e1d0a4-5b2f-4e9a-9d31-7f8a6b2c4e15")]
    [InlineData("requestId = c7e1d0a4-5b2f-4e9a-9d31-7f8a6b2c4e15")]
    [InlineData("commit_sha: 3f9a1c7e2b8d4f60a5e1c9b7d3f2a8e4c6b0d1f7")]
    [InlineData("BAIT: bace4d59-fa7e-beef-cafe-9129474bcd81")]
    [InlineData("railway = 'c7e1d0a4-5b2f-1e9a-9d31-7f8a6b2c4e15'")]
    [InlineData("The build railway = 9b2e4f71c0d84a6e8f13b5c7a2d90e46 ran twice.")]
    [InlineData("deepgram = 3f9a1c7e2b8d4f60a5e1c9b7d3f2a8e4c6b0d1f7 # pinned at that commit")]
    [InlineData("assemblyai = 9b2e4f71c0d84a6e")]
    [InlineData("  \"before\": \"3f9a1c7e2b8d4f60a5e1c9b7d3f2a8e4c6b0d1f7\",")]
    [InlineData("token: 00000000-0000-4000-8000-000000000000")]
    [InlineData("monkey2 = \"3fa8c1d07e5b4926a1f0c8d3e7b25a61\"")]
    public void Find_HexThatIsNoServiceKey_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);

        findings.Should().BeEmpty(line);
    }
}
