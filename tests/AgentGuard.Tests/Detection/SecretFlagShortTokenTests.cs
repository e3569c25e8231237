namespace AgentGuard.Tests.Detection;

/// <summary>
/// A token given to a command-line flag that names one, shorter than a token must be elsewhere (secrets39, tuning
/// misses of command samples): <c>--token AIhq5Xyb1Gga9Q5</c>, <c>-secret AIhq5Xyb1Gga9Q10</c>. The flag says what the
/// value is, so 12 or more characters mixing both letter cases with digits in two or more places are enough. Look-alikes
/// that stay clean: a name in code, a file, a word, a variable, a placeholder, a flag that is not a token's, a short value.
/// </summary>
public sealed class SecretFlagShortTokenTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "--token AIhq5Xyb1Gga9Q5", "AIhq5Xyb1Gga9Q5" },
        { "-secret AIhq5Xyb1Gga9Q10", "AIhq5Xyb1Gga9Q10" },
        { "deploy-cli push --api-token Rk7mQ2zXw9Lp --env prod", "Rk7mQ2zXw9Lp" },
        { "mytool -client-secret Vt3nB8qLz2Wk4", "Vt3nB8qLz2Wk4" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_FlagShortToken_CoversIt(string line, string token)
    {
        SecretText.ShouldCover(_detector, line, token);
    }

    [Theory]
    [InlineData("--token-file tokens/Prod2Api3.txt")]
    [InlineData("--token MyService2Api3Client")]
    [InlineData("--token $GITHUB_TOKEN")]
    [InlineData("--token <YOUR_TOKEN_HERE>")]
    [InlineData("--secret-name prod-db-credentials-v2")]
    [InlineData("--token Ab1c2D")]
    [InlineData("--name Xk9mQ2zLw7Rp4")]
    [InlineData("--token refresh")]
    public void Find_FlagWithoutAToken_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);

        findings.Should().BeEmpty(line);
    }
}
