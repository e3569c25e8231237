namespace AgentGuard.Tests.Detection;

/// <summary>
/// A value whose characters alternate two of them for 12 or more places (<c>AKIAWYXYXYXYXYXYXYXY</c>,
/// <c>sk_live_4eC3abababababab</c>) is a mask typed over a prefix, not a generated credential: the chance that a random
/// key alternates two characters for 12 places is below one in 10^18. Values with a shorter alternation, or a real
/// key beside a masked one, are still reported.
/// </summary>
public sealed class SecretAlternatingMaskTests
{
    private readonly SecretDetector _detector = new();

    [Theory]
    [InlineData("[default]\naws_access_key_id = AKIAQWXYXYXYXYXYXYXY\n")]
    [InlineData("AWS_ACCESS_KEY_ID=AKIAZ0X0X0X0X0X0X0X0")]
    [InlineData("api_key = \"Zk4Tq9abababababababab\"")]
    [InlineData("STRIPE_SECRET_KEY=sk_live_4eC3xyxyxyxyxyxyxyxyxyxy")]
    public void Find_AlternatingMask_FindsNothing(string line)
    {
        SecretText.Find(_detector, line).Should().BeEmpty(line);
    }

    [Theory]
    [InlineData("aws_access_key_id = AKIAQ3XYXYXYXW7RT2LM", "AKIAQ3XYXYXYXW7RT2LM")]
    [InlineData("api_key = \"Zk4Tq9ababab7Rw2Lm8Vx3Nc5Bq1\"", "Zk4Tq9ababab7Rw2Lm8Vx3Nc5Bq1")]
    [InlineData("AWS_ACCESS_KEY_ID=AKIAXYXYXYXYXYXYXYXY AWS_SECRET_KEY_ID=AKIA2E0A8F3B244C9986", "AKIA2E0A8F3B244C9986")]
    public void Find_ShortAlternationOrAKeyBeside_IsStillReported(string line, string secret)
    {
        SecretText.ShouldCover(_detector, line, secret);
    }
}
