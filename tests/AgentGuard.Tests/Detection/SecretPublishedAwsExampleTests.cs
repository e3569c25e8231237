namespace AgentGuard.Tests.Detection;

/// <summary>
/// AWS's documented example secret access key (<c>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</c>) is a placeholder with
/// any ending: samples swap its last word for another (<c>…CYESAFAKEKEY</c>, <c>…CYESATESTKEY</c>) and stay the
/// published example. A generated key of the same shape is still reported.
/// </summary>
public sealed class SecretPublishedAwsExampleTests
{
    private readonly SecretDetector _detector = new();

    [Theory]
    [InlineData("aws_secret_access_key:wJalrXUtnFEMI/K7MDENG/bPxRfiCYZFAKEKEY")]
    [InlineData("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYQTESTKEY")]
    [InlineData("\"SecretAccessKey\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYDEMOKEY01\"")]
    public void Find_PublishedExampleWithAnotherEnding_FindsNothing(string line)
    {
        SecretText.Find(_detector, line).Should().BeEmpty(line);
    }

    [Fact]
    public void Find_GeneratedKeyOfTheSameShape_CoversIt()
    {
        const string key = "Tq9Lm2Vx7Rk4/Zp8Wc3Nb6+Hd1Jf5Gs0Ay2Ke7Qw";
        SecretText.ShouldCover(_detector, $"aws_secret_access_key = {key}", key);
    }
}
