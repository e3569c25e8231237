namespace AgentGuard.Tests.Detection;

/// <summary>
/// A name that opens with a word the detector reads as no credential (<c>hockey</c>, <c>monkey</c>, <c>turkey</c>, which
/// hold "key") and then names a key of its own (<c>hockeyapp_key</c>, an Android string resource of a crash reporter's
/// key): the value is examined as any key's. Look-alikes: the public key token of an assembly, names that end in the
/// non-secret word or a non-secret suffix, and ordinary values under such names.
/// </summary>
public sealed class SecretOwnKeyNameTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "<string name=\"hockeyapp_key\">9f3c2a7b1e8d4c6a0b5f9e2d7c1a8b3e</string>", "9f3c2a7b1e8d4c6a0b5f9e2d7c1a8b3e" },
        { "<string name=\"hockey_api_key\">e41b7d9c2a6f8e3b0d5c1a7f9e2b4d6c</string>", "e41b7d9c2a6f8e3b0d5c1a7f9e2b4d6c" },
        { "\"turkeyAppKey\": \"7d2e9b4c1a8f3e6d0b5c9a2f7e1d4b8c\"", "7d2e9b4c1a8f3e6d0b5c9a2f7e1d4b8c" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_KeyNamedAfterANonSecretWord_CoversTheValue(string line, string secret)
    {
        SecretText.ShouldCover(_detector, line, secret);
    }

    [Theory]
    [InlineData("<add assembly=\"System.Web\" publicKeyToken=\"b03f5f7f11d50a3a\" />")]
    [InlineData("<string name=\"hockey_team\">Maple Leafs</string>")]
    [InlineData("<string name=\"hockeyapp_key_hint\">Paste the app key from the dashboard</string>")]
    [InlineData("cacheKeyPrefix=user_sessions_v2")]
    [InlineData("<string name=\"hockeyapp_key\">@string/crash_reporter_key</string>")]
    public void Find_NotAKeyValue_FindsNothing(string line)
    {
        SecretText.Find(_detector, line).Should().BeEmpty(line);
    }
}
