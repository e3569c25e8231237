using System.Text.Json;
using CsCheck;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// <c>SecretJsonStrings.TextValues</c> finds each string's closing quote and decodes it in one pass. Against the reference —
/// System.Text.Json reading the same record back — on generated values of letters, blanks, quotes, backslashes, line
/// breaks, '=' and non-ASCII (escaped as <c>\uXXXX</c> by the default encoder): every value that reads as a text comes
/// back as written, and each decoded character maps to the written characters that decode to it. Iterations come from
/// <c>AGENTGUARD_FUZZ_ITERATIONS</c> (default 2,000).
/// </summary>
public sealed class SecretJsonValuesDecodeTests
{
    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 2_000;

    private static readonly string[] Pieces = ["a", "key", " ", "=", ":", "\"", "\\", "\n", "\t", "é", "<", "'", "\\n", "\\u0041", "token"];

    private static readonly Gen<string> Value = Gen.Int[0, Pieces.Length - 1].Array[0, 30].Select(parts => string.Concat(parts.Select(i => Pieces[i])));

    [Fact]
    public void TextValues_GiveEachTextValueAsWrittenWithItsMap()
    {
        Gen.Select(Value, Value).Sample(
            (first, second) =>
            {
                var written = JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = first, ["body"] = second });
                var expected = new[] { first, second }.Where(v => Reads(JsonSerializer.Serialize(v)[1..^1])).ToList();
                var values = SecretJsonStrings.TextValues(written) ?? [];
                try
                {
                    return values.Select(v => v.Value).SequenceEqual(expected) && values.All(v => MapsBack(written, v.Value, v.Map));
                }
                finally
                {
                    foreach (var (_, map) in values)
                    {
                        System.Buffers.ArrayPool<int>.Shared.Return(map);
                    }
                }
            },
            iter: Iterations);
    }

    /// <summary>A written value reads as a text: 16 characters or more, with a blank, '=' or ':' in them.</summary>
    private static bool Reads(string written) => written.Length >= 16 && written.IndexOfAny([' ', '=', ':']) >= 0;

    /// <summary>Each decoded character is what the written characters from map[i] to map[i + 1] decode to.</summary>
    private static bool MapsBack(string written, string value, int[] map)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (JsonSerializer.Deserialize<string>("\"" + written[map[i]..map[i + 1]] + "\"") != value[i].ToString())
            {
                return false;
            }
        }

        return written[map[value.Length]] == '"';
    }
}
