namespace AgentGuard.Tests.Detection;

/// <summary>
/// A secret passed to an options call beside the constant that names it (secrets27, from CredSweeper's C sample):
/// <c>curl_easy_setopt(curl, CURLOPT_PASSWORD, "…")</c>, <c>CURLOPT_PROXYPASSWORD</c>, <c>CURLOPT_KEYPASSWD</c>,
/// <c>CURLOPT_XOAUTH2_BEARER</c>, and any upper-case option constant named like a secret followed by a string literal
/// in the same argument list. A variable, a call, an empty or placeholder literal, and constants that name no secret
/// stay clean.
/// </summary>
public sealed class SecretOptionConstantTests
{
    private const string Password = "Vq8#nRt2Lw9z";
    private const string Token = "K5aS1fMnmhQJMRKRw75Mwm3AVuRVZT39v0hDyAfeq";

    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Calls => new()
    {
        { "curl_easy_setopt(curl, CURLOPT_PASSWORD, \"" + Password + "\");", Password },
        { "    curl_easy_setopt(h, CURLOPT_PROXYPASSWORD, \"" + Password + "\");", Password },
        { "curl_easy_setopt(curl, CURLOPT_KEYPASSWD, \"" + Password + "\");", Password },
        { "curl_easy_setopt(curl, CURLOPT_XOAUTH2_BEARER, \"" + Token + "\");", Token },
        { "client.SetOption(OPTION_API_TOKEN, \"" + Token + "\")", Token },
        { "ldap_set_option(ld, LDAP_OPT_BIND_PASSWORD,\"" + Password + "\");", Password },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void Find_SecretBesideItsOptionConstant_CoversIt(string line, string secret)
    {
        SecretText.ShouldCover(_detector, line, secret);
    }

    [Theory]
    [InlineData("curl_easy_setopt(curl, CURLOPT_PASSWORD, password);")]
    [InlineData("curl_easy_setopt(curl, CURLOPT_PASSWORD, getenv(\"FTP_PASSWORD\"));")]
    [InlineData("curl_easy_setopt(curl, CURLOPT_USERNAME, \"deploy-bot\");")]
    [InlineData("curl_easy_setopt(curl, CURLOPT_PASSWORD, \"\");")]
    [InlineData("curl_easy_setopt(curl, CURLOPT_PASSWORD, \"<password>\");")]
    [InlineData("printf(PASSWORD_PROMPT, \"Enter the password: \");")]
    [InlineData("register_field(PASSWORD_FIELD, \"Password\");")]
    [InlineData("curl_easy_setopt(curl, CURLOPT_URL, \"https://example.com/login\");")]
    public void Find_NoSecretBesideTheConstant_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);

        findings.Should().BeEmpty(line);
    }
}
