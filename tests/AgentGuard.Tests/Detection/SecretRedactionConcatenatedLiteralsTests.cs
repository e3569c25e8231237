namespace AgentGuard.Tests.Detection;

/// <summary>
/// A secret wrapped over string literals the language joins (Python's and C's neighbouring literals, <c>+</c> in Java,
/// C#, JavaScript and Go, PHP's <c>.</c>, Visual Basic's <c>&amp;</c>) is redacted over every literal, not only the one
/// a finding covers. Literals that are not joined (arguments, JSON members, statements) and a token inside a sentence
/// keep their neighbours.
/// </summary>
public sealed class SecretRedactionConcatenatedLiteralsTests
{
    private const string FirstHalf = "Xk9q2wLm7vPzHq4R";
    private const string SecondHalf = "bN3srT8wQ5yZc6Vd";

    private readonly ArgumentRedactor _redactor = new([new SecretDetector()]);

    [Theory]
    [InlineData("String password = \"{0}\" +\n        \"{1}\";")]
    [InlineData("const password = '{0}' +\n  '{1}';")]
    [InlineData("PASSWORD = \"{0}\" \"{1}\"")]
    [InlineData("$password = '{0}' .\n    '{1}';")]
    [InlineData("Dim password = \"{0}\" &\n    \"{1}\"")]
    [InlineData("password := \"{0}\" +\n\t\"{1}\"")]
    public void Redact_SecretWrappedOverJoinedLiterals_LeavesNoHalf(string format)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, FirstHalf, SecondHalf);

        var audited = _redactor.RedactText(text);

        audited.Should().NotBeNull().And.Contain("[REDACTED:").And.NotContain(FirstHalf).And.NotContain(SecondHalf);
    }

    [Fact]
    public void RedactionSpans_FindingOnTheLastLiteral_CoversTheLiteralsJoinedBeforeIt()
    {
        var text = $"api_key = (\"{FirstHalf}\"\n           \"{SecondHalf}\")";
        var at = text.IndexOf(SecondHalf, StringComparison.Ordinal);

        var spans = ArgumentRedactor.RedactionSpans(text, [new SecretFinding("generic-secret", at, SecondHalf.Length)]);

        spans.Should().ContainSingle().Which.Should().Be(new SecretFinding("generic-secret", text.IndexOf(FirstHalf, StringComparison.Ordinal), at + SecondHalf.Length - text.IndexOf(FirstHalf, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("login(\"{0}\", \"{1}\")")]
    [InlineData("{{\"password\":\"{0}\",\"user\":\"{1}\"}}")]
    [InlineData("password = \"{0}\"; user = \"{1}\"")]
    [InlineData("password = \"{0}\".Trim() + \"{1}\"")]
    [InlineData("password = \"{0}\" + user + \"{1}\"")]
    [InlineData("| \"{0}\" | \"{1}\" |")]
    public void RedactionSpans_LiteralsNotJoined_KeepTheOther(string format)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, FirstHalf, SecondHalf);
        var at = text.IndexOf(FirstHalf, StringComparison.Ordinal);

        var spans = ArgumentRedactor.RedactionSpans(text, [new SecretFinding("generic-secret", at, FirstHalf.Length)]);

        spans.Should().ContainSingle().Which.Should().Be(new SecretFinding("generic-secret", at, FirstHalf.Length));
    }

    [Fact]
    public void RedactionSpans_TokenInsideASentence_KeepsTheJoinedLiteral()
    {
        var text = $"message = \"the key {FirstHalf} expired\" +\n    \"{SecondHalf} retry later\"";
        var at = text.IndexOf(FirstHalf, StringComparison.Ordinal);

        var spans = ArgumentRedactor.RedactionSpans(text, [new SecretFinding("generic-secret", at, FirstHalf.Length)]);

        spans.Should().ContainSingle().Which.Should().Be(new SecretFinding("generic-secret", at, FirstHalf.Length));
    }
}
