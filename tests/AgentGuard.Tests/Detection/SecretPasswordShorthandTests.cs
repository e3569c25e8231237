namespace AgentGuard.Tests.Detection;

/// <summary>
/// "PW" on its own, the shorthand people write a password under in notes, tickets, chat and e-mail ("ID: deploy PW:
/// …", "계정/PW:…", "(pw:…)"): the name was read only at the end of a longer name (<c>db_pw</c>), so a bare <c>PW:</c>
/// or <c>pw=</c> before a password was never looked at (tuning misses of CredSweeper's document samples and
/// detect-secrets' keyword tests). The bare name is short and could name other things, so the value under it must look
/// like a password: six characters or more with two character classes (or long and varied), not a word, a number, a
/// variable or a placeholder. Look-alikes: the letters inside words and units (<c>upward</c>, <c>kpw:</c>), a number,
/// a plain word, a variable, a placeholder, prose about a "pw" field.
/// </summary>
public sealed class SecretPasswordShorthandTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "ID: deploy PW: Vq8nRt2Lw9!", "Vq8nRt2Lw9!" },
        { "PW:Hk4#tQ9zLm", "Hk4#tQ9zLm" },
        { "pw=Rt7mXq2Lz0", "Rt7mXq2Lz0" },
        { "ssh admin@10.0.3.7 (pw:Wz5kTq8nPb)", "Wz5kTq8nPb" },
        { "계정/PW:Jm3Kd9Xq2!", "Jm3Kd9Xq2!" },
        { "Wifi name: guest-net, PW: Gz7Tn2Qk5w", "Gz7Tn2Qk5w" },
        { "user=ops pw=Lq9Wz3Xk7T host=db01", "Lq9Wz3Xk7T" },
        { "login ops / PW : Np4Xz8Qm2R", "Np4Xz8Qm2R" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_PasswordUnderBarePw_CoversIt(string line, string password)
    {
        SecretText.ShouldCover(_detector, line, password);
    }

    [Theory]
    [InlineData("pw: 42")]
    [InlineData("pw = 12")]
    [InlineData("PW: password")]
    [InlineData("pw: ${DB_PASSWORD}")]
    [InlineData("pw=$PW")]
    [InlineData("PW: <your-password>")]
    [InlineData("pw: required")]
    [InlineData("PW: disabled")]
    [InlineData("pw: 1200000")]
    [InlineData("Upload the keyfile via sftp: pw auth is disabled on this host.")]
    [InlineData("Set the widths: width_px: 1200, height_px: 800, kpw: 3")]
    [InlineData("The rate moved upward: 3 points above last week.")]
    [InlineData("The pw field holds the user's password hash.")]
    [InlineData("pw: ********")]
    [InlineData("PW: xxxxxxxxxx")]
    public void Find_BarePwWithoutAPassword_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);

        findings.Should().BeEmpty(line);
    }
}
