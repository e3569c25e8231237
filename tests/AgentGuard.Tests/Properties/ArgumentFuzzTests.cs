using System.Text;
using System.Text.Json;
using AgentGuard.Provenance;
using CsCheck;

namespace AgentGuard.Tests.Properties;

/// <summary>
/// Argument parsing, path evaluation and value tokenizing on random and JSON-shaped bytes: they never throw, malformed
/// input is reported as such, and input past the limits is refused before it is parsed. Iterations come from
/// <c>AGENTGUARD_FUZZ_ITERATIONS</c> (default 20,000).
/// </summary>
public sealed class ArgumentFuzzTests
{
    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 20_000;

    private static readonly ToolArgumentLimits Limits = new() { MaxLength = 4096, MaxDepth = 16 };

    private static readonly ArgumentPath[] Paths = [.. new[] { "$", "$.a", "$.A[*]", "$.a[0].b", "$.a[*].b[*]", "$['x y']", "$.iban", "$.to[*].address" }.Select(ArgumentPath.Parse)];

    private static readonly Gen<byte[]> JsonShapedBytes = Gen.OneOf(
        Gen.Byte.Array[0, 600],
        Gen.OneOf("{", "}", "[", "]", "\"a\"", "\"A\"", ":", ",", "1", "-0.5e9", "true", "null", "\"\\u0000\"", "\"\\ud800\"", "\"\u200b\"", " ", "\"iban\"", "\"IBAN\"")
            .Array[0, 200].Select(parts => Encoding.UTF8.GetBytes(string.Concat(parts))));

    [Fact]
    public void RandomBytes_ParseAndEvaluate_NeverThrow()
    {
        JsonShapedBytes.Sample(bytes =>
        {
            var fromBytes = ToolArguments.FromUtf8Json(bytes, Limits);
            var text = Encoding.UTF8.GetString(bytes);
            var fromText = ToolArguments.FromJson(text, Limits);
            if (!fromBytes.IsMalformed)
            {
                fromBytes.Root.ValueKind.Should().NotBe(JsonValueKind.Undefined);
                foreach (var path in Paths)
                {
                    path.ForEach(fromBytes.Root, 0, static (_, value) => value.ValueKind != JsonValueKind.Undefined);
                    path.TryEvaluate(fromBytes.Root, out _);
                }
            }
            else
            {
                fromBytes.Error.Should().NotBeNullOrEmpty();
            }

            fromText.IsMalformed.Should().Be(fromText.Error is not null);
            _ = ValueTokenizer.Tokenize(text);
            _ = ProvenanceValue.Parse(text);
        }, iter: Iterations);
    }

    [Fact]
    public void RandomPairs_FromPairs_NeverThrow_AndAgreeWithTheirJson()
    {
        Gen.Select(Gen.OneOf("a", "A", "b", "iban", "IBAN", "x y", "").Array[0, 6], Gen.String.Array[0, 6]).Sample((keys, values) =>
        {
            var pairs = keys.Zip(values, (k, v) => new KeyValuePair<string, object?>(k, v)).ToList();
            var arguments = ToolArguments.FromPairs(pairs, Limits);
            var distinct = pairs.Select(p => p.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count() == pairs.Count;
            if (distinct && !arguments.IsMalformed)
            {
                ToolArguments.FromJson(arguments.Root.GetRawText(), Limits).IsMalformed.Should().BeFalse();
            }

            if (!distinct)
            {
                arguments.IsMalformed.Should().BeTrue("names that differ only in case are refused");
            }
        }, iter: Iterations / 4);
    }

    [Fact]
    public void HugeInput_IsRefusedBeforeParsing()
    {
        var huge = "[" + string.Concat(Enumerable.Repeat("1,", 5_000_000)) + "1]";
        var arguments = ToolArguments.FromJson(huge, Limits);
        arguments.IsMalformed.Should().BeTrue();
        arguments.Error.Should().Contain("more than the limit");

        var deep = new string('[', 10_000) + new string(']', 10_000);
        ToolArguments.FromJson(deep, new ToolArgumentLimits { MaxLength = 100_000, MaxDepth = 16 }).IsMalformed.Should().BeTrue();
        ToolArguments.FromPairs([new("a", new string('x', 1_000_000))], Limits).IsMalformed.Should().BeTrue();
    }
}
