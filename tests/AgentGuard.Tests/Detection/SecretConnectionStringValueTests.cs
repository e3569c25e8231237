namespace AgentGuard.Tests.Detection;

/// <summary>
/// A connection string's value read by the connection string's own grammar: an unquoted value runs to the next
/// <c>;</c>, blanks inside it included (<c>Pwd=Gq7 vT2k;</c>), and an ODBC value in braces runs to its closing brace,
/// <c>;</c>, <c>=</c> and doubled <c>}}</c> inside it included (<c>Pwd={Xk9;qT3}}mW7};</c>). Each is redacted whole: no
/// piece of the password reaches the audit text. Look-alikes: a driver's name in braces, placeholders and templates in
/// braces, empty values, and prose after a value that ends its field.
/// </summary>
public sealed class SecretConnectionStringValueTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "Server=db.corp;Uid=sa;Pwd=Xk9qT3 mW7zR2p;Database=orders", "Xk9qT3 mW7zR2p" },
        { "conn = \"Data Source=db;User ID=app;Password=r8K#d2 Lm9Zq vT4\"", "r8K#d2 Lm9Zq vT4" },
        { "Password=Gq7!vT2k Lm9zW4;Server=db;User Id=app;", "Gq7!vT2k Lm9zW4" },
        { "Host=db;Username=app;Password=Tq8v2 Lm4#x 9Zr  ;Port=5432", "Tq8v2 Lm4#x 9Zr" },
        { "Driver={ODBC Driver 18 for SQL Server};Server=tcp:db.corp;Uid=sa;Pwd={Xk9;qT3}}mW7=zR2p};Encrypt=yes", "Xk9;qT3}}mW7=zR2p" },
        { "Driver={ODBC Driver 17 for SQL Server};Server=db;UID=app;PWD={Rq8 vT2 kL9mPz};", "Rq8 vT2 kL9mPz" },
        { "\"ConnectionStrings\": { \"Main\": \"Server=db;User Id=app;Password={h7Q;w2=Zx9}\" }", "h7Q;w2=Zx9" },
        { "DSN=Prod;UID=report;PWD={Tz4#kP9q};", "Tz4#kP9q" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_ConnectionStringValue_CoversItWhole(string line, string secret)
    {
        SecretText.ShouldCover(_detector, line, secret);
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Redact_ConnectionStringValue_LeavesNoPieceOfIt(string line, string secret)
    {
        var redacted = ArgumentRedactor.Replace(line, SecretText.Find(_detector, line));

        foreach (var piece in secret.Split([' ', ';', '=', '}', '#', '!'], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 3))
        {
            redacted.Should().NotContain(piece, line);
        }

        redacted.Should().Contain("[REDACTED:");
    }

    [Theory]
    [InlineData("Driver={ODBC Driver 18 for SQL Server};Server=db.corp;Trusted_Connection=yes;")]
    [InlineData("Driver={SQL Server};Server=db;Uid=sa;Pwd={your_password};")]
    [InlineData("Driver={SQL Server};Server=db;Uid=sa;Pwd={PASSWORD};")]
    [InlineData("var cs = string.Format(\"Server=db;User Id=app;Password={0};\", pwd);")]
    [InlineData("Server=db;User Id=app;Password={{password}};")]
    [InlineData("Server=db;User Id=app;Password={db_password};")]
    [InlineData("Server=db;User Id=app;Password=;Database=orders")]
    [InlineData("Server=db;User Id=app;Password=${DB_PASSWORD};Database=orders")]
    [InlineData("Set Integrated Security=true; the password field is not used")]
    public void Find_NotAConnectionStringSecret_FindsNothing(string line)
    {
        SecretText.Find(_detector, line).Should().BeEmpty(line);
    }

    [Fact]
    public void Redact_ValueEndingItsField_LeavesTheNextFieldAndProse()
    {
        const string line = "Server=db;Pwd=Xk9qT3mW7zR2p; then connect";

        var redacted = ArgumentRedactor.Replace(line, SecretText.Find(_detector, line));

        redacted.Should().Be("Server=db;Pwd=[REDACTED:connection-string-password]; then connect");
    }
}
