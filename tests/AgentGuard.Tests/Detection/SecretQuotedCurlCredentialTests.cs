namespace AgentGuard.Tests.Detection;

/// <summary>
/// curl's <c>-u</c>, <c>--user</c> and <c>--proxy-user</c> credential in quotes runs to its closing quote: a quoted
/// password may hold blanks, and the words after the first would otherwise reach the audit text beside the redaction.
/// Look-alikes: a quoted credential made of a variable or a placeholder, and an unquoted one followed by the URL.
/// </summary>
public sealed class SecretQuotedCurlCredentialTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "curl -u 'admin:Xk9q T3mW7zR2p' https://api.example.com/v1", "Xk9q T3mW7zR2p" },
        { "curl --user \"deploy:Gq7 vT2k Lm9#z\" -X POST https://ci.example.net/job", "Gq7 vT2k Lm9#z" },
        { "curl --proxy-user 'svc:Tz4 kP9q Wm3' -x http://proxy:3128 https://example.org", "Tz4 kP9q Wm3" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_QuotedCredentialWithBlanks_CoversTheWholePassword(string line, string secret)
    {
        SecretText.ShouldCover(_detector, line, secret);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Redact_QuotedCredentialWithBlanks_LeavesNoWordOfIt(string line, string secret)
    {
        var redacted = ArgumentRedactor.Replace(line, SecretText.Find(_detector, line));

        foreach (var word in secret.Split(' '))
        {
            redacted.Should().NotContain(word, line);
        }
    }

    [Theory]
    [InlineData("curl -u \"$API_USER:$API_PASSWORD\" https://api.example.com")]
    [InlineData("curl -u 'user:<your password>' https://api.example.com")]
    public void Find_QuotedCredentialOfVariablesOrPlaceholders_FindsNothing(string line)
    {
        SecretText.Find(_detector, line).Should().BeEmpty(line);
    }

    [Fact]
    public void Redact_UnquotedCredential_LeavesTheUrl()
    {
        const string line = "curl -u admin:Xk9qT3mW7zR2p https://api.example.com/v1";

        var redacted = ArgumentRedactor.Replace(line, SecretText.Find(_detector, line));

        redacted.Should().NotContain("Xk9qT3mW7zR2p").And.EndWith(" https://api.example.com/v1");
    }
}
