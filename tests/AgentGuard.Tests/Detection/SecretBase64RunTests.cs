namespace AgentGuard.Tests.Detection;

/// <summary>
/// A long base64 run (the payload of a data URI, <c>data:image/png;base64,…</c>, a serialized blob) is encoded bytes: a
/// provider prefix (<c>hvs.</c>, <c>EAA</c>, <c>AKIA</c>, <c>ghp_</c>) met after one of its <c>/</c> or <c>+</c> is chance,
/// not the start of a credential. A credential after the run, one after a short URL path segment, and one encoded in a
/// text data URI are still reported.
/// </summary>
public sealed class SecretBase64RunTests
{
    private const string Image = "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGXRFWHRTb2Z0d2FyZQBBZG9iZSBJbWFnZVJlYWR5ccllPAAAAh";

    private readonly SecretDetector _detector = new();

    [Theory]
    [InlineData("<img src=\"data:image/png;base64," + Image + "EAACEdEose0cBAQm7rLx2Kd9Vw4T8nB4cD6fH1jS5uE0aGZk4Tq9Rw2Lm8Vx3Nc5Bq1" + Image + "\">")]
    [InlineData("background: url(data:image/jpeg;base64," + Image + "/AKIAQ3F7RT2LMZ8WX4PK/" + Image + ");")]
    [InlineData("@font-face { src: url('data:font/woff2;base64," + Image + "+ghp_Qm7rLx2Kd9Vw4T8nB4cD6fH1jS5uE0aGZk4T" + Image + "'); }")]
    [InlineData("{\"thumbnail\": \"data:image/webp;base64," + Image + "/hvs.CAESIQm7rLx2Kd9Vw4T8nB4cD6fH1jS5uE0aGZk4Tq9Rw2Lm8Vx3Nc5Bq1" + Image + "\"}")]
    [InlineData("blob: " + Image + "/hvs.CAESIQm7rLx2Kd9Vw4T8nB4cD6fH1jS5uE0aGZk4Tq9Rw2Lm8Vx3Nc5Bq1/" + Image)]
    public void Find_TokenShapeInsideABase64Run_FindsNothing(string text)
    {
        SecretText.Find(_detector, text).Should().BeEmpty(text);
    }

    [Theory]
    [InlineData("<img src=\"data:image/png;base64," + Image + "\"> token=ghp_Qm7rLx2Kd9Vw4T8nB4cD6fH1jS5uE0aGZk4T", "ghp_Qm7rLx2Kd9Vw4T8nB4cD6fH1jS5uE0aGZk4T")]
    [InlineData("data:text/plain;base64,QUtJQVEzRjdSVDJMTVo4V1g0UEs= AKIAQ3F7RT2LMZ8WX4PK", "AKIAQ3F7RT2LMZ8WX4PK")]
    [InlineData("WEBHOOK=https://chat.example.com/hooks/Qm7rLx2Kd9Vw4T8nB4cD6fH1jS5uE0aGZk4T", "Qm7rLx2Kd9Vw4T8nB4cD6fH1jS5uE0aGZk4T")]
    [InlineData("{\"icon\": \"data:image/png;base64," + Image + "\", \"api_key\": \"sk_live_4eC39HqLyjWDarjtT1zdp7dc\"}", "sk_live_4eC39HqLyjWDarjtT1zdp7dc")]
    public void Find_CredentialOutsideABase64Run_IsReported(string text, string secret)
    {
        SecretText.ShouldCover(_detector, text, secret);
    }
}
