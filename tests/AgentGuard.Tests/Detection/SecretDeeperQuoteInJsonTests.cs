using AgentGuard.Tests.Properties;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// A secret that holds <c>","</c> in a JSON object that Python's <c>json.dumps</c> wrote into another JSON string: decoded
/// twice, <c>{"password": "Kq9ZR.","fnG7LEx2mP", …}</c> reads as a value and a next member, and the redaction stopped at
/// the value's own quote (found by <see cref="SecretNoFragmentJsonResultPropertyTests"/>, seed 9EgUv9Ky8wf2). A quote
/// written with one escape more than the quote that opened the string is the value's own: the whole written value is
/// redacted, or nothing of it.
/// </summary>
public sealed class SecretDeeperQuoteInJsonTests
{
    /// <summary>Each secret in each line of the property test, as both encoders write it once and twice.</summary>
    [Theory]
    [InlineData("Kq9ZR.\",\"fnG7LEx2mP")]
    [InlineData("abcDEF12\",\"ghiJKL34mn")]
    [InlineData("Zx8wq\",\"Tm3rPq9vLk0 :x")]
    public void SecretHoldingQuoteCommaQuote_IsRedactedWholeOrNotAtAll(string secret)
        => SecretNoFragmentJsonResultPropertyTests.AssertRedactedWholeOrNotAtAllEverywhere(secret);

    /// <summary>The shape the property test found, as a finding: the secret is reported, and redacted whole.</summary>
    [Fact]
    public void PythonJsonInJson_PasswordWithQuoteCommaQuote_IsReportedAndCoveredWhole()
        => SecretNoFragmentJsonResultPropertyTests.AssertPasswordReportedAndCoveredWhole("Kq9ZR.\",\"fnG7LEx2mP", 1);
}
