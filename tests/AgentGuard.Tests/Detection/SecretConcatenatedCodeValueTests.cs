namespace AgentGuard.Tests.Detection;

/// <summary>
/// A connection-string key at the end of a string literal (<c>';PWD=' . $this->_config['password'] .';'</c>,
/// <c>"Password=" + password + ";"</c>, <c>"Pwd=" &amp; pwd &amp; ";"</c>): the quote after <c>=</c> closes the literal
/// and the code that follows concatenates a variable in. Read as a quoted value, the span from that quote to the next one
/// (<c>      . $this->_config[</c>) was reported as a password (sonar-text's tuning negatives). A quoted value that
/// opens with blanks and a concatenation operator is code, not a credential. A password written in the literal before
/// the concatenation is still reported.
/// </summary>
public sealed class SecretConcatenatedCodeValueTests
{
    private readonly SecretDetector _detector = new();

    [Theory]
    [InlineData("$dbname = 'DRIVER={IBM DB2 ODBC DRIVER}' .\n         ';UID='      . $this->_config['username'] .\n         ';PWD='      . $this->_config['password'] .';';")]
    [InlineData("var conn = \"Server=db;User Id=sa;Password=\" + settings.DbPassword + \";\";")]
    [InlineData("conn = \"Server=db;Uid=sa;Pwd=\" & dbPwd & \";\"")]
    [InlineData("$dsn = \"host=db;password=\" . $password . \";\";")]
    public void Find_AVariableConcatenatedAfterTheKey_FindsNothing(string text)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        findings.Should().BeEmpty(text);
    }

    [Theory]
    [InlineData("$dsn = 'DRIVER={IBM DB2};UID=db2inst1;PWD=Kx9!mQ2#vL7pR4;' . $rest;", "Kx9!mQ2#vL7pR4")]
    [InlineData("password = \"Qm7 + Rt3.Wz9_Lp2\"", "Qm7 + Rt3.Wz9_Lp2")]
    public void Find_APasswordWrittenInTheLiteral_IsStillReported(string text, string secret)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        var start = text.IndexOf(secret, StringComparison.Ordinal);
        findings.Should().Contain(f => f.Start <= start && f.Start + f.Length >= start + secret.Length, text);
    }

    /// <summary>
    /// An '&amp;' before a digit is no HTML entity (an entity's name opens with a letter or '#'): the password of
    /// <c>Password=Tr0ub4dor&amp;3xYz;</c> was cut at it and <c>&amp;3xYz</c> reached the audit file.
    /// </summary>
    [Theory]
    [InlineData("var conn = \"Server=db;User Id=sa;Password=Tr0ub4dor&3xYz;\" + suffix;", "Tr0ub4dor&3xYz")]
    [InlineData("Server=db;Uid=sa;Pwd=Kx9!mQ2#vL&5tW;Database=app", "Kx9!mQ2#vL&5tW")]
    public void Find_AnAmpersandBeforeADigit_StaysInThePassword(string text, string secret)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        var start = text.IndexOf(secret, StringComparison.Ordinal);
        findings.Should().Contain(f => f.Start <= start && f.Start + f.Length >= start + secret.Length, text);
    }

    [Theory]
    [InlineData("https://api.example.net/v1?token=Kx9mQ2vL7pR4tW8zN3bC&page=2", "&page=2")]
    [InlineData("Server=db;Uid=sa;Pwd=Kx9mQ2vL7pR4&amp;;Database=app", "Database")]
    public void Find_AnAmpersandOpeningAParameterOrEntity_StillEndsTheValue(string text, string after)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        var at = text.IndexOf(after, StringComparison.Ordinal);
        findings.Should().NotBeEmpty(text);
        findings.Should().OnlyContain(f => f.Start + f.Length <= at + 1, text);
    }
}
