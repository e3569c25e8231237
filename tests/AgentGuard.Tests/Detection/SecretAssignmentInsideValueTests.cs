using AgentGuard.Tests.Properties;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// A secret that holds a quote, a comma and a space before an <c>x=y</c> of its own, as the value of a secret-named JSON
/// member: decoded, <c>"password": "98P\"n5R, f95oo3BGhrTAT=kfaB…"</c> reads as a quoted value holding an assignment, and
/// only the assignment's value was reported, so the redaction left <c>98P\"n5R, f95oo3BGhrTAT=</c> in the audit (found by
/// <see cref="SecretNoFragmentJsonResultPropertyTests"/>, seed 1OSVtMmJjv76). The whole written value is redacted, or
/// nothing of it.
/// </summary>
public sealed class SecretAssignmentInsideValueTests
{
    /// <summary>Each secret in each line of the property test, as both encoders write it once and twice.</summary>
    [Theory]
    [InlineData("98P\"n5R, f95oo3BGhrTAT=kfaBXcZO4bFCROjD5bBUQXKtcP")]
    [InlineData("Qw7\"x2, Lm9sKd0Pq=ZpX4vN8rT2bY6cW1hJ5")]
    [InlineData("Tz4, hG8k:mWq2=Xy7Rt5Lp9Vb3Nc6Ds1Fa")]
    [InlineData("Ab1' Cd2 Ef3Gh4=Ij5Kl6Mn7Op8Qr9St0Uv1Wx")]
    public void SecretHoldingAnAssignment_IsRedactedWholeOrNotAtAll(string secret)
        => SecretNoFragmentJsonResultPropertyTests.AssertRedactedWholeOrNotAtAllEverywhere(secret);

    /// <summary>The shape the property test found, as a finding: the secret is reported, and redacted whole.</summary>
    [Fact]
    public void DotnetJson_PasswordHoldingAnAssignment_IsReportedAndCoveredWhole()
        => SecretNoFragmentJsonResultPropertyTests.AssertPasswordReportedAndCoveredWhole("98P\"n5R, f95oo3BGhrTAT=kfaBXcZO4bFCROjD5bBUQXKtcP", 0);

    /// <summary>Written in other syntaxes, the value of a secret-named key is redacted from its opening quote to its closing one.</summary>
    [Theory]
    [InlineData("password = \"98P\\\"n5R, f95oo3BGhrTAT=kfaBXcZO4bFCROjD5bBUQXKtcP\"", "98P\\\"n5R, f95oo3BGhrTAT=kfaBXcZO4bFCROjD5bBUQXKtcP")]
    [InlineData("{'db_password': '98P n5R, f95oo3BGhrTAT=kfaBXcZO4bFCROjD5bBUQXKtcP', 'user': 'app'}", "98P n5R, f95oo3BGhrTAT=kfaBXcZO4bFCROjD5bBUQXKtcP")]
    [InlineData("{\"api_token\": \"98P n5R, f95oo3BGhrTAT=kfaBXcZO4bFCROjD5bBUQXKtcP\"}", "98P n5R, f95oo3BGhrTAT=kfaBXcZO4bFCROjD5bBUQXKtcP")]
    public void ValueOfASecretNamedKey_IsRedactedFromQuoteToQuote(string text, string value)
    {
        var spans = Spans(text);
        var at = text.IndexOf(value, StringComparison.Ordinal);
        Assert.Contains(spans, span => span.Start <= at && span.Start + span.Length >= at + value.Length);
    }

    /// <summary>The value of a key that names no secret keeps what no finding covers; so does a secret-named value that closed before the finding.</summary>
    [Theory]
    [InlineData("{\"note\": \"98P n5R, f95oo3BGhrTAT=kfaBXcZO4bFCROjD5bBUQXKtcP\"}")]
    [InlineData("{\"password_hint\": \"98P n5R\", \"note\": \"f95oo3BGhrTAT=kfaBXcZO4bFCROjD5bBUQXKtcP\"}")]
    public void OtherValues_KeepWhatNoFindingCovers(string text)
    {
        var spans = Spans(text);
        Assert.NotEmpty(spans);
        var kept = text.IndexOf("98P n5R", StringComparison.Ordinal);
        Assert.DoesNotContain(spans, span => span.Start <= kept && span.Start + span.Length > kept);
    }

    private static List<SecretFinding> Spans(string text)
    {
        var findings = new List<SecretFinding>();
        new SecretDetector().Find(text, findings);
        return ArgumentRedactor.RedactionSpans(text, findings);
    }
}
