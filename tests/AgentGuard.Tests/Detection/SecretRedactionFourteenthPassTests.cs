namespace AgentGuard.Tests.Detection;

/// <summary>
/// Percent-decoded readings after the fourteenth pass of issue 14 widened a decoded finding whose end the decoding made
/// (the character after it came from a <c>%xx</c> escape): what is truly percent-encoded stays redacted, and the
/// neighbours of an encoded query stay readable.
/// </summary>
public sealed class SecretRedactionFourteenthPassTests
{
    // Built at run time so no credential-shaped literal sits in the repository.
    private static readonly string GitHubToken = "ghp_" + new string('x', 0) + "R8tK2mZq7LwV4nPa9sXe3YbJ6cHd1FgUo5Ti";

    private readonly ArgumentRedactor _redactor = new([new SecretDetector()]);

    [Theory]
    [InlineData("https://app.example.com/login?next=token%3D{0}%26next%3D1&page=2", "&page=2")]
    [InlineData("https://app.example.com/login?next=token%3D{1}%26next%3D1&page=2", "&page=2")]
    [InlineData("https://app.example.com/login?next=%2Fcb%3Faccess_token%3DAbC123xYz789QwE456rTy%26state%3Dxyz&page=2", "&page=2")]
    [InlineData("grant_type=client_credentials&client_secret=AbC123xYz789QwE456rTy%2Fq%3D%3D&scope=read", "&scope=read")]
    [InlineData("https://www.example.com/search?q=api_key%3DAbC123xYz789QwE456rTy%20is%20leaked&page=2", "&page=2")]
    [InlineData("https://www.example.com/search?q=api_key%3DAbC123xYz789QwE456rTy+is+leaked&page=2", "&page=2")]
    public void Redact_EncodedSecretEndingAtAnEncodedSeparator_IsRedactedAndTheNextParameterKept(string format, string next)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, GitHubToken, GitHubToken.Replace("_", "%5F", StringComparison.Ordinal));

        var audited = _redactor.RedactText(text);

        audited.Should().NotBeNull().And.NotContain("R8tK2mZq7LwV").And.NotContain("AbC123xYz789").And.EndWith(next).And.Contain("[REDACTED:");
    }

    /// <summary>An assignment inside a value that is not a secret's keeps its name readable; the token after it is redacted.</summary>
    [Theory]
    [InlineData("env: FOO=Hq7Lm2Xv9Rt4Kw8Zs3NbPqA", "env: FOO=[REDACTED:generic-secret]")]
    [InlineData("X-Api-Key: abc\nmode: FOO=Hq7Lm2Xv9Rt4Kw8Zs3NbPqA", "X-Api-Key: abc\nmode: FOO=[REDACTED:generic-secret]")]
    public void Redact_AssignmentInsideAnOrdinaryValue_KeepsItsName(string text, string audited)
        => _redactor.RedactText(text).Should().Be(audited);
}
