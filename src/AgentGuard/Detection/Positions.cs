using System.Runtime.Intrinsics;

namespace AgentGuard;

/// <summary>Maps from a reading's characters to where they were written, filled a vector at a time.</summary>
internal static class Positions
{
    /// <summary>Fills <paramref name="map"/> with <paramref name="first"/>, <paramref name="first"/> + 1, … (a stretch copied as written).</summary>
    public static void Count(Span<int> map, int first)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated && map.Length >= Vector256<int>.Count)
        {
            var step = Vector256.Create(Vector256<int>.Count);
            var next = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7) + Vector256.Create(first);
            for (; i <= map.Length - Vector256<int>.Count; i += Vector256<int>.Count)
            {
                next.CopyTo(map[i..]);
                next += step;
            }
        }

        for (; i < map.Length; i++)
        {
            map[i] = first + i;
        }
    }
}
