namespace AgentGuard.Tests.Detection;

/// <summary>
/// Three provider tokens known by their prefix, read off trufflehog detector tests that were never drawn into the
/// corpus (the fiftieth session's fresh lines): Bitbucket app passwords (<c>ATBB</c> and at least 24 letters and digits),
/// Duffel API tokens (<c>duffel_test_</c> or <c>duffel_live_</c> and 43 characters) and Rootly API keys (<c>rootly_</c>
/// and exactly 64 hexadecimal digits). Bare, beside no key name (a tuple in code, a log line, a JSON map of
/// environments), nothing named them. Look-alikes: the prefix alone or with a short body, a Rootly body that is not hex or
/// is too long, the prefix inside a longer word.
/// </summary>
public sealed class SecretBitbucketDuffelRootlyTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "auth = (\"ci-bot\", \"ATBB7qLm2Xr9Kd4Tw8Vn3Hs6Jb1Fc5Gy0AeUo\")", "ATBB7qLm2Xr9Kd4Tw8Vn3Hs6Jb1Fc5Gy0AeUo" },
        { "git clone https://ci-bot:ATBBz4Nq8Rw2Lm6Xt0Vb3Hp7Dj1Gs5Cy9FeKo@bitbucket.org/team/repo.git", "ATBBz4Nq8Rw2Lm6Xt0Vb3Hp7Dj1Gs5Cy9FeKo" },
        { "\"production\": \"duffel_live_Qm7rLx2Kd9Vw4Tz8Pn3Hs6Jb1Fc5Gy0Ae-UoRiWt_XqLmN\",", "duffel_live_Qm7rLx2Kd9Vw4Tz8Pn3Hs6Jb1Fc5Gy0Ae-UoRiWt_XqLmN" },
        { "[info] booking with duffel_test_Zk4Nq8Rw2Lm6Xt0Vb3Hp7Dj1Gs5Cy9Fe_KoTuWaPiEqXyZ", "duffel_test_Zk4Nq8Rw2Lm6Xt0Vb3Hp7Dj1Gs5Cy9Fe_KoTuWaPiEqXyZ" },
        { "headers = {\"Authorization\": \"Bearer rootly_7f1e8738d7d6b540bc52e1bc24c6e2c109dc44642f9e5d583be7e5d04f8bd282\"}", "rootly_7f1e8738d7d6b540bc52e1bc24c6e2c109dc44642f9e5d583be7e5d04f8bd282" },
        { "the key ='rootly_0a9c8e7d6b5f4a3c2e1d0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e'", "rootly_0a9c8e7d6b5f4a3c2e1d0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_ProviderToken_CoversAllOfIt(string line, string secret)
    {
        SecretText.ShouldCover(_detector, line, secret);
    }

    [Theory]
    [InlineData("Bitbucket app passwords start with ATBB; Duffel tokens with duffel_test_ or duffel_live_.")]
    [InlineData("ATBB7qLm2Xr9Kd4")]
    [InlineData("duffel_live_Qm7rLx2Kd9")]
    [InlineData("rootly_7f1e8738d7d6b540bc52e1bc24c6e2c1")]
    [InlineData("rootly_incident_timeline_export_handler_for_the_weekly_reports_v2_final")]
    [InlineData("DATBB7qLm2Xr9Kd4Tw8Vn3Hs6Jb1Fc5Gy0AeUo")]
    public void Find_NotAProviderToken_FindsNothing(string line)
    {
        SecretText.Find(_detector, line).Should().BeEmpty(line);
    }
}
