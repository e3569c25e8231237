using CsCheck;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// The search for field openings (<c>': '</c>, <c>": "</c>, <c>':'</c>, <c>":"</c>) by their colon against the plain search
/// for the four strings: on generated texts of quotes, colons, spaces and letters, from every position, both give the
/// same next opening. Iterations come from <c>AGENTGUARD_FUZZ_ITERATIONS</c> (default 2,000).
/// </summary>
public sealed class FieldSeparatorSearchTests
{
    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 2_000;

    private static readonly string[] Pieces = ["'", "\"", ":", " ", "x", "': '", "\": \"", "':'", "\":\"", "\u2019:", "`:", "::", "\n", "é"];

    private static readonly Gen<string> Text = Gen.Int[0, Pieces.Length - 1].Array[0, 40].Select(parts => string.Concat(parts.Select(i => Pieces[i])));

    [Fact]
    public void NextFieldSeparator_GivesThePlainSearchsPosition()
    {
        Text.Sample(
            text =>
            {
                for (var from = 0; from <= text.Length; from++)
                {
                    if (InjectionDetector.NextFieldSeparator(text, from) != PlainNext(text, from))
                    {
                        return false;
                    }
                }

                return true;
            },
            iter: Iterations);
    }

    [Theory]
    [InlineData("{'content': 'Update my password'}", 0, 9)]
    [InlineData("{\"content\":\"Update\"}", 0, 9)]
    [InlineData("{\"a\":\"b\", \"c\": \"d\"}", 5, 12)]
    [InlineData("Key features: pricing", 0, -1)]
    [InlineData("x': '", 2, -1)]
    public void NextFieldSeparator_FindsTheOpening(string text, int from, int expected)
    {
        InjectionDetector.NextFieldSeparator(text, from).Should().Be(expected);
    }

    private static int PlainNext(string text, int from)
    {
        for (var at = from; at < text.Length; at++)
        {
            if (InjectionDetector.FieldSeparatorList.Any(s => text.AsSpan(at).StartsWith(s, StringComparison.Ordinal)))
            {
                return at;
            }
        }

        return -1;
    }
}
