namespace AgentGuard.Tests.Detection;

/// <summary>
/// Keys named with an index: services hand out two keys so one can be rotated while the other is in use (Azure's
/// "KEY 1" / "KEY 2", <c>subscriptionKey1</c>, <c>VisionKey2</c>), and configurations keep both. The name's "key" was
/// read only when a separator followed it, so <c>KEY1=</c>, <c>Key2 =</c> and <c>KEY_2:</c> were never looked at
/// (SonarSource's tuning miss, and the shape every dual-key service writes). Look-alikes: an index after words that only
/// end in "key" (<c>monkey2</c>, <c>hotkey1</c>, <c>cache_key_2</c>, <c>sort_key1</c>), and indexed keys holding
/// ordinary values (<c>key1: value1</c>, a page name, a number, a keyboard layout).
/// </summary>
public sealed class SecretIndexedKeyNameTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "const string VisionKey2 = \"3fa8c1d07e5b4926a1f0c8d3e7b25a61\";", "3fa8c1d07e5b4926a1f0c8d3e7b25a61" },
        { "AZURE_OPENAI_KEY1=9c41e7a2b0d84f3e96a5c27d1e08b4f3", "9c41e7a2b0d84f3e96a5c27d1e08b4f3" },
        { "KEY2: 7d2e9a4c1b8f4e60a3c5d9b2f1e7a084", "7d2e9a4c1b8f4e60a3c5d9b2f1e7a084" },
        { "subscriptionKey1: \"b6e1f4a9c2d74e38a05b9c1d6f2e8a73\"", "b6e1f4a9c2d74e38a05b9c1d6f2e8a73" },
        { "TRANSLATOR_KEY_2=e2b7c9a41f6d4e08b3a5c1d97f0e2b64", "e2b7c9a41f6d4e08b3a5c1d97f0e2b64" },
        { "$env:SPEECH_KEY1 = \"Qm7rLx2Kd9Vw4Tz8Pn3Hs6Jb1Fc5Gy0A\"", "Qm7rLx2Kd9Vw4Tz8Pn3Hs6Jb1Fc5Gy0A" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_KeyUnderAnIndexedName_CoversIt(string line, string key)
    {
        SecretText.ShouldCover(_detector, line, key);
    }

    [Theory]
    [InlineData("key1: value1")]
    [InlineData("key2 = \"some text here\"")]
    [InlineData("KEY_1=ABC")]
    [InlineData("monkey2 = \"3fa8c1d07e5b4926a1f0c8d3e7b25a61\"")]
    [InlineData("cache_key_2 = \"user:1234:profile\"")]
    [InlineData("sort_key1: 1699999999")]
    [InlineData("hotkey1 = \"Ctrl+Shift+K\"")]
    [InlineData("keyboard2: us-intl")]
    [InlineData("step_key_12: checkout-confirmation-page")]
    [InlineData("key10 = \"Enter\"")]
    [InlineData("key3 = \"arrow-left\"")]
    [InlineData("KEY1=${AZURE_KEY1}")]
    [InlineData("Use KEY1 or KEY2: either one works.")]
    public void Find_IndexedNameWithoutAKey_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);

        findings.Should().BeEmpty(line);
    }
}
