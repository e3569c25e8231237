namespace AgentGuard.Tests.Detection;

/// <summary>The shapes a tool hands its text back in, for rows that must hold in each.</summary>
internal static class ToolResultShapes
{
    /// <summary>Asserts <paramref name="text"/> is flagged as plain text and as the string value of a JSON result.</summary>
    public static void AssertFlaggedAsTextAndJsonResult(InjectionDetector detector, string text)
    {
        foreach (var shown in new[] { text, $"{{\"status\": \"ok\", \"result\": \"{text.Replace("\"", "\\\"", StringComparison.Ordinal)}\"}}" })
        {
            detector.Assess(shown).Score.Should().BeGreaterThanOrEqualTo(0.5, shown);
        }
    }
}
