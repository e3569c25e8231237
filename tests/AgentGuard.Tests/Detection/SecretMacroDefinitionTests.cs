namespace AgentGuard.Tests.Detection;

/// <summary>
/// Passwords defined as macros or set by a command word (secrets27, from CredSweeper's samples): the C preprocessor's
/// <c>#define PASSWORD "…"</c>, an RPM spec's <c>%define</c>/<c>%global</c>, and <c>SET password "…"</c>, <c>set
/// password …</c> (Tcl, SQL*Plus, batch scripts) at the start of a line: the name, a space, the value (for
/// <c>#define</c> a string literal: a C macro's other values are code and numbers, as system headers show). Macros of
/// other names, a variable, a placeholder and the words in prose stay clean.
/// </summary>
public sealed class SecretMacroDefinitionTests
{
    private const string Password = "n84ASM54y4Qz";

    private readonly SecretDetector _detector = new();

    public static TheoryData<string> Lines => new()
    {
        "#define PASSWORD \"" + Password + "\"",
        "#define WIFI_PASSWORD \"" + Password + "\"",
        "  #define password \"" + Password + "\"",
        "%define PASSWORD \"" + Password + "\"",
        "%global db_password " + Password,
        "SET password \"" + Password + "\"",
        "set admin_password " + Password,
        "#define API_TOKEN \"ghx7Kq2LmP9vRt4WzB8nYc3D\"",
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_DefinedPassword_CoversIt(string line)
    {
        var value = line.Contains("API_TOKEN", StringComparison.Ordinal) ? "ghx7Kq2LmP9vRt4WzB8nYc3D" : Password;
        SecretText.ShouldCover(_detector, line, value);
    }

    [Theory]
    [InlineData("#define PASSWORD_MAX_LENGTH 64")]
    [InlineData("#define PASSWORD_SALT 0x7f4a3c2e9b1d")]
    [InlineData("#define YPPASSWDPROG 100009")]
    [InlineData("#define GNUTLS_E_SRP_PWD_ERROR GNUTLS_E_KEYFILE_ERROR")]
    [InlineData("#define PK11_OWN_PW_DEFAULTS 0x20000000L")]
    [InlineData("#define PASSWORD_PROMPT \"Password: \"")]
    [InlineData("#define PASSWORD getenv(\"APP_PASSWORD\")")]
    [InlineData("%define password %{getenv:DB_PASSWORD}")]
    [InlineData("#define PASSWORD \"changeme\"")]
    [InlineData("SET password \"<password>\"")]
    [InlineData("set password $env(DB_PASSWORD)")]
    [InlineData("You can set password rules in the admin console.")]
    [InlineData("# define password policy before rollout")]
    public void Find_NoDefinedPassword_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);

        findings.Should().BeEmpty(line);
    }
}
