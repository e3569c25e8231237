namespace AgentGuard.Tests.Audit;

/// <summary>
/// An unquoted assigned password read on past a separator it holds (<c>PASSWORD=Xk9q;T3mW#@</c>) ends with the symbols a
/// generated password draws (<c>#@</c>, <c>!!</c>, <c>==</c>), not at its last letter or digit: they are the password's,
/// and were left beside the redaction. Punctuation that closes the code or the sentence around the value stays.
/// </summary>
public sealed class SecretRedactionTrailingSymbolTests
{
    [Theory]
    [InlineData("Server=db;Password=Xk9q;T3mW#@;Database=orders", "Server=db;Password=[REDACTED:connection-string-password];Database=orders")]
    [InlineData("password=Xk9q;T3mW!!", "password=[REDACTED:connection-string-password]")]
    public void Redact_PasswordEndingInSymbols_LeavesNoneOfThem(string text, string expected)
    {
        var findings = new List<SecretFinding>();
        new SecretDetector().Find(text, findings);

        ArgumentRedactor.Replace(text, findings).Should().Be(expected);
    }

    [Fact]
    public void Redact_PasswordEndingInSymbolsBeforeAComment_KeepsTheComment()
    {
        const string text = "PASSWORD=Xk9q;T3mW|z@# # set by ops";
        var findings = new List<SecretFinding>();
        new SecretDetector().Find(text, findings);

        ArgumentRedactor.Replace(text, findings).Should().NotContain("@#").And.NotContain("T3mW").And.EndWith("] # set by ops");
    }

    [Theory]
    [InlineData("connect(password=Xk9q;T3mW);", ");")]
    [InlineData("Use password=Xk9q;T3mW. Then log in.", ". Then log in.")]
    public void Redact_PunctuationAfterTheValue_Stays(string text, string kept)
    {
        var findings = new List<SecretFinding>();
        new SecretDetector().Find(text, findings);

        ArgumentRedactor.Replace(text, findings).Should().Contain("[REDACTED:").And.EndWith(kept);
    }
}
