namespace AgentGuard.Tests.Detection;

/// <summary>
/// Secrets in declarations that put a string type between the name and "=" (TypeScript, Kotlin, Swift, Python hints,
/// Rust, Visual Basic), in a Python literal wrapped in parentheses, and in a Markdown table cell whose value holds an
/// '=': found, and redacted without the type's name or a fragment of the value.
/// </summary>
public sealed class SecretDetectorTypedDeclarationTests
{
    private const string Token = "Xk9q2wLm7vPzHq4RbN3srT8wQ5yZc6Vd";

    private readonly SecretDetector _detector = new();
    private readonly ArgumentRedactor _redactor = new([new SecretDetector()]);

    [Theory]
    [InlineData("let token: string = \"{0}\";", "let token: string = \"[REDACTED:generic-secret]\";")]
    [InlineData("private readonly apiKey: string = '{0}';", "private readonly apiKey: string = '[REDACTED:generic-secret]';")]
    [InlineData("val apiToken: String = \"{0}\"", "val apiToken: String = \"[REDACTED:generic-secret]\"")]
    [InlineData("API_KEY: str = \"{0}\"", "API_KEY: str = \"[REDACTED:generic-secret]\"")]
    [InlineData("const API_KEY: &str = \"{0}\";", "const API_KEY: &str = \"[REDACTED:generic-secret]\";")]
    [InlineData("static SECRET_TOKEN: &'static str = \"{0}\";", "static SECRET_TOKEN: &'static str = \"[REDACTED:generic-secret]\";")]
    [InlineData("Dim apiKey As String = \"{0}\"", "Dim apiKey As String = \"[REDACTED:generic-secret]\"")]
    [InlineData("api_key = (\"{0}\")", "api_key = (\"[REDACTED:generic-secret]\")")]
    [InlineData("api_key = (\n    \"{0}\"\n)", "api_key = (\n    \"[REDACTED:generic-secret]\"\n)")]
    public void Redact_TypedOrParenthesisedDeclaration_RedactsTheValueOnly(string format, string expected)
        => _redactor.RedactText(Format(format)).Should().Be(expected);

    [Fact]
    public void Redact_PythonLiteralWrappedInParentheses_LeavesNoHalf()
    {
        var text = $"api_key = (\"{Token[..16]}\"\n           \"{Token[16..]}\")";

        _redactor.RedactText(text).Should().NotBeNull().And.NotContain(Token[..16]).And.NotContain(Token[16..]);
    }

    /// <summary>
    /// A case the no-fragment property found (seed f93ieXIYqe32, 200,000 iterations): the cell's value was reported from
    /// after its '=' as a token assigned to the name <c>Jt</c>, and <c>Jt=</c> stayed beside the redaction.
    /// </summary>
    [Fact]
    public void Redact_TableCellValueHoldingAnEquals_IsRedactedWhole()
    {
        const string text = "| name | value |\n|---|---|\n| api_key | Jt=vnlJYCRvmsgRZEbnOYAoZ |";

        _redactor.RedactText(text).Should().NotBeNull().And.NotContain("Jt=").And.NotContain("vnlJYC");
    }

    /// <summary>Look-alikes: a typed declaration of a non-secret, a call in parentheses, a table of ordinary settings.</summary>
    [Theory]
    [InlineData("let userName: string = \"alice.smith\";")]
    [InlineData("Dim password As String = GetPassword()")]
    [InlineData("api_key = (os.environ[\"API_KEY\"])")]
    [InlineData("token = (await fetchToken())")]
    [InlineData("| setting | value |\n|---|---|\n| mode | a=b |")]
    [InlineData("| name | value |\n|---|---|\n| build | Jt=0123456789abcdef0123 |")]
    public void Find_LookAlikes_AreNotReported(string text)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        findings.Should().BeEmpty();
    }

    private static string Format(string format) => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Token);
}
