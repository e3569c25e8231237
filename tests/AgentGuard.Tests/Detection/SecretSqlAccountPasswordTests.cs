namespace AgentGuard.Tests.Detection;

/// <summary>
/// Passwords set by SQL statements that create or change an account (secrets27, from CredSweeper's SQL samples):
/// <c>CREATE USER … WITH PASSWORD '…'</c>, <c>ALTER ROLE … PASSWORD '…'</c>, <c>CREATE LOGIN … WITH PASSWORD = '…'</c>,
/// <c>… IDENTIFIED BY '…'</c> and <c>… IDENTIFIED WITH plugin BY '…'</c>. The keyword and the value are separated by a
/// space, not an operator, so no assignment reading saw them. Bind parameters, variables, hashes, placeholders and
/// prose about the statements stay clean.
/// </summary>
public sealed class SecretSqlAccountPasswordTests
{
    private const string Password = "Vq8#nRt2Lw9z";

    private readonly SecretDetector _detector = new();

    public static TheoryData<string> Statements => new()
    {
        "CREATE USER app WITH ENCRYPTED PASSWORD '" + Password + "' CREATEDB;",
        "ALTER ROLE postgres PASSWORD '" + Password + "'; SELECT pg_reload_conf()",
        "create role reporting with login password '" + Password + "';",
        "CREATE ROLE app_admin WITH LOGIN PASSWORD " + Password + ";",
        "psql -c \"ALTER USER replicator WITH PASSWORD '" + Password + "';\"",
        "CREATE USER 'deploy'@'%' IDENTIFIED BY '" + Password + "';",
        "ALTER USER 'root'@'localhost' IDENTIFIED WITH mysql_native_password BY '" + Password + "';",
        "create user scott identified by " + Password + ";",
        "GRANT ALL PRIVILEGES ON shop.* TO 'shop'@'localhost' IDENTIFIED BY \"" + Password + "\";",
        "CREATE LOGIN app_login WITH PASSWORD = '" + Password + "', CHECK_POLICY = OFF;",
        "sh -c 'echo CREATE USER typeorm IDENTIFIED BY " + Password + "\\; >> init.sql'",
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void Find_PasswordOfAnAccountStatement_CoversIt(string line)
    {
        SecretText.ShouldCover(_detector, line, Password);
    }

    [Theory]
    [InlineData("CREATE USER app WITH PASSWORD $1;")]
    [InlineData("ALTER ROLE app PASSWORD :new_password;")]
    [InlineData("CREATE USER app IDENTIFIED BY ?;")]
    [InlineData("CREATE USER 'app'@'%' IDENTIFIED BY PASSWORD '*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9';")]
    [InlineData("ALTER USER app IDENTIFIED BY VALUES 'S:8F2D65FB5547B71C8DA3760F10F6E54D1F8D4D2A';")]
    [InlineData("CREATE USER app WITH PASSWORD '<password>';")]
    [InlineData("CREATE USER app IDENTIFIED BY '${DB_PASSWORD}';")]
    [InlineData("ALTER ROLE app PASSWORD NULL;")]
    [InlineData("CREATE USER app WITH PASSWORD 'password';")]
    [InlineData("Use CREATE USER with a PASSWORD clause, then ALTER ROLE to change the password later.")]
    [InlineData("The person identified by the badge number 4471 was let in.")]
    [InlineData("SELECT user, password_expired FROM mysql.user WHERE user = 'app';")]
    [InlineData("ALTER USER app PASSWORD EXPIRE INTERVAL 90 DAY;")]
    public void Find_NoPasswordInTheStatement_FindsNothing(string line)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(line, findings);

        findings.Should().BeEmpty(line);
    }
}
