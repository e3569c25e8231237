namespace AgentGuard.Tests.Detection;

/// <summary>
/// Four- and five-character passwords under an explicit password name (secrets39, from the tuning part's
/// common-password tests): <c>password=adm!n</c>, <c>password=n1nja</c>. Weak passwords of that length are what people
/// hard-code, and a value that mixes letters with digits or symbols is not a word, a number or a name there. Look-alikes
/// that stay clean: digits alone, letters alone (placeholders such as <c>asdf</c>), a version, a dashed name, a variable,
/// a template, a short word in prose.
/// </summary>
public sealed class SecretShortPasswordTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "password=adm!n", "adm!n" },
        { "password=n1nja", "n1nja" },
        { "DB_PASSWORD=\"f@ll\"", "f@ll" },
        { "spring.datasource.password = indi@", "indi@" },
        { "  password: 'r00t'", "r00t" },
        { "--password Ab3#", "Ab3#" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_ShortMixedPassword_CoversIt(string line, string password)
    {
        SecretText.ShouldCover(_detector, line, password);
    }

    [Theory]
    [InlineData("password = \"123\"")]
    [InlineData("password = asdf")]
    [InlineData("password = \"abc\"")]
    [InlineData("password: v1.0")]
    [InlineData("password: a-b1")]
    [InlineData("password=$pw1")]
    [InlineData("password: {{p}}")]
    [InlineData("password=%s")]
    [InlineData("The password is in the vault for v2 users.")]
    [InlineData("min_password_length = 8")]
    public void Find_ShortValueThatIsNoPassword_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);

        findings.Should().BeEmpty(line);
    }
}
