namespace AgentGuard.Shell.Tests;

/// <summary>
/// Red-team class (branch <c>redteam32</c>): bash's negated bracket <c>[!x]</c> (and <c>[^x]</c>) matches any character
/// but <c>x</c>. Read as a class of <c>!</c> and <c>x</c>, a glob that reaches a credential file through it
/// (<c>/etc/sha[!x]ow</c>) looked like it named nothing. A bracket that really excludes the credential's character
/// still names nothing.
/// </summary>
public sealed class NegatedGlobCredentialTests
{
    private static IReadOnlyList<string> Tags(string line) => ShellAnalyzer.Analyze(line).Tags;

    [Theory]
    [InlineData("cat ~/.ss[!x]/i[!x]_rsa")]
    [InlineData("cat /etc/sha[!x]ow")]
    [InlineData("cat ~/.net[!x]c")]
    [InlineData("cat ~/.ss[^x]/i[^x]_ed25519")]
    public void NegatedBracketReachingACredential_ReadsCredentials(string line)
        => Tags(line).Should().Contain(ShellTags.CredentialAccess);

    [Theory]
    [InlineData("cat ~/.ss[!h]/i[!d]_rsa")]
    [InlineData("cat /etc/sha[!d]ow")]
    [InlineData("cat ~/notes/[!.]*.md")]
    public void NegatedBracketThatExcludesTheCredential_NamesNoCredential(string line)
        => Tags(line).Should().NotContain(ShellTags.CredentialAccess);
}
