namespace AgentGuard.Tests.Detection;

/// <summary>
/// Names that write "password" short (secrets27, from CredSweeper's samples): <c>pswd</c>, <c>psswd</c>,
/// <c>pswrd</c>, <c>paswd</c>, <c>paswrd</c>, <c>pasword</c>, <c>psword</c>, <c>psswrd</c>, alone or ending a longer
/// name (<c>X3_PSWD</c>). A password ending in '!' is covered with it. A bare <c>PW</c> is left alone: CredSweeper's
/// own samples label it both ways. Words that merely contain the letters, and such
/// names holding no password (a variable, a placeholder, a number), stay clean.
/// </summary>
public sealed class SecretPasswordAbbreviationTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "PSWD:=Vq8nRt2Lw9zK", "Vq8nRt2Lw9zK" },
        { "PSSWD=Vq8nRt2Lw9zK", "Vq8nRt2Lw9zK" },
        { "pswrd: \"Vq8nRt2Lw9zK\"", "Vq8nRt2Lw9zK" },
        { "PASWD=Vq8nRt2Lw9zK", "Vq8nRt2Lw9zK" },
        { "paswrd = 'Vq8nRt2Lw9zK'", "Vq8nRt2Lw9zK" },
        { "PASWORD:=Vq8nRt2Lw9zK", "Vq8nRt2Lw9zK" },
        { "psword=Vq8nRt2Lw9zK", "Vq8nRt2Lw9zK" },
        { "PSSWRD:=Vq8nRt2Lw9zK", "Vq8nRt2Lw9zK" },
        { "X3_PSWD=d37Yt1Jnv0-z", "d37Yt1Jnv0-z" },
        { "db_pw: Vq8nRt2Lw9!", "Vq8nRt2Lw9!" },
        { "ADMIN_PSWD=Welcome2024!", "Welcome2024!" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_PasswordUnderAShortName_CoversIt(string line, string password)
    {
        SecretText.ShouldCover(_detector, line, password);
    }

    [Theory]
    [InlineData("pw: ${DB_PASSWORD}")]
    [InlineData("PSWD=$PSWD")]
    [InlineData("pswd: <your-password>")]
    [InlineData("pw = 12")]
    [InlineData("PW: password")]
    [InlineData("paswd = os.environ[\"PASWD\"]")]
    [InlineData("Upload the keyfile via sftp: pw auth is disabled on this host.")]
    [InlineData("Set the widths: width_px: 1200, height_px: 800, kpw: 3")]
    [InlineData("The pswd field holds the user's password hash.")]
    [InlineData("pw: 42")]
    [InlineData("pswd = getpass.getpass(\"Password: \")")]
    [InlineData("The PSW register holds the processor status word: psw = 0x2000")]
    public void Find_ShortNameWithoutAPassword_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);

        findings.Should().BeEmpty(line);
    }
}
