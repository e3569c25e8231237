namespace AgentGuard.Tests.Detection;

/// <summary>
/// Passwords two more command lines carry (secrets26 left them as misses): <c>redis-cli -a password</c> and the literal
/// echoed into a client that reads its password from standard input (<c>echo … | docker login --password-stdin</c>).
/// Variables, files, other commands' output and placeholders hand over a secret the text does not hold.
/// </summary>
public sealed class SecretClientPasswordTests
{
    private const string Password = "Xq7vR2pLm9TzW4";

    private readonly SecretDetector _detector = new();

    public static TheoryData<string> Lines => new()
    {
        "redis-cli -h cache.internal -a " + Password + " ping",
        "redis-cli -a \"" + Password + "\" -h cache.internal",
        "$ redis-cli --pass '" + Password + "' --no-auth-warning info",
        "redis-cli -h 10.0.0.5 -p 6380 --pass=" + Password,
        "echo " + Password + " | docker login registry.example.com -u deploy --password-stdin",
        "echo -n '" + Password + "' | helm registry login ghcr.io --username me --password-stdin",
        "printf '%s' \"" + Password + "\" | podman login quay.io -u me --password-stdin",
        "  $ echo \"" + Password + "\" | oras login -u me --password-stdin registry.local",
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_PasswordOnTheClientsCommandLine_CoversIt(string line)
    {
        SecretText.ShouldCover(_detector, line, Password);
    }

    [Theory]
    [InlineData("redis-cli -a $REDIS_PASSWORD ping")]
    [InlineData("redis-cli -a \"${REDIS_PASSWORD}\" --no-auth-warning ping")]
    [InlineData("redis-cli -a yourpassword ping")]
    [InlineData("redis-cli -a <password> ping")]
    [InlineData("redis-cli --askpass -h cache.internal")]
    [InlineData("redis-cli -h cache.internal -p 6379 ping")]
    [InlineData("redis-cli --pass")]
    [InlineData("echo $CR_PAT | docker login ghcr.io -u USERNAME --password-stdin")]
    [InlineData("echo \"${{ secrets.GITHUB_TOKEN }}\" | docker login ghcr.io -u ${{ github.actor }} --password-stdin")]
    [InlineData("cat ~/my_password.txt | docker login --username foo --password-stdin")]
    [InlineData("aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 1234.dkr.ecr.us-east-1.amazonaws.com")]
    [InlineData("echo <token> | docker login -u me --password-stdin")]
    [InlineData("docker login --password-stdin < token.txt")]
    [InlineData("docker login --username AWS --password-stdin 1234.dkr.ecr.us-east-1.amazonaws.com")]
    [InlineData("gpg --batch --passphrase-fd 0 --decrypt secrets.gpg")]
    [InlineData("Use --password-stdin to read the password from standard input: echo is a common way to pipe it.")]
    public void Find_NoLiteralPassword_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);

        findings.Should().BeEmpty(line);
    }
}
