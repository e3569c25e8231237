namespace AgentGuard.Tests.Detection;

/// <summary>The vectorized position map holds each position at every length and offset, vector remainder included.</summary>
public sealed class PositionsTests
{
    [Fact]
    public void Count_WritesEachPosition_AtEveryLengthAndOffset()
    {
        for (var length = 0; length <= 40; length++)
        {
            var map = new int[length + 2];
            Array.Fill(map, -1);
            Positions.Count(map.AsSpan(1, length), 1_000 + length);
            map[0].Should().Be(-1);
            map[^1].Should().Be(-1, "nothing is written past the stretch");
            for (var i = 0; i < length; i++)
            {
                map[i + 1].Should().Be(1_000 + length + i, $"length {length}, index {i}");
            }
        }
    }
}
