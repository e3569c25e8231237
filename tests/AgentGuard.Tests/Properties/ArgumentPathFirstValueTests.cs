using System.Text;
using System.Text.Json;
using CsCheck;

namespace AgentGuard.Tests.Properties;

/// <summary>
/// <see cref="ArgumentPath.TryEvaluate"/> finds the value the conditions test without allocating; it must be exactly
/// the first value <see cref="ArgumentPath.ForEach{TState}"/> visits, in document order, on any arguments.
/// </summary>
public sealed class ArgumentPathFirstValueTests
{
    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 20_000;

    private static readonly ArgumentPath[] Paths = [.. new[]
    {
        "$.a", "$.A", "$.a.b", "$.a[0]", "$.a[1].b", "$.a[*]", "$.a[*].b", "$.a[*][*]", "$.a[*].b[*]", "$['x y']", "$.a[0][*].b", "$.b[*].a[0]",
    }.Select(ArgumentPath.Parse)];

    // Objects and arrays nested a few deep, with names that collide in case only across levels, nulls and scalars.
    private static readonly Gen<string> Json = Gen.Recursive<string>((depth, inner) => depth >= 4
        ? Gen.OneOf(Gen.Const("1"), Gen.Const("null"), Gen.Const("\"s\""), Gen.Const("true"))
        : Gen.OneOf(
            Gen.OneOf(Gen.Const("1"), Gen.Const("null"), Gen.Const("\"s\"")),
            inner.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]"),
            Gen.Select(Gen.OneOf(Gen.Const("a"), Gen.Const("b"), Gen.Const("x y"), Gen.Const("c")).Array[0, 3], inner.Array[3]).Select((names, values) =>
                "{" + string.Join(",", names.Distinct().Select((name, i) => $"\"{name}\":{values[i]}")) + "}")));

    [Fact]
    public void AnyArguments_TryEvaluate_IsTheFirstValueVisited()
    {
        var found = 0;
        Gen.Select(Json, Gen.Int[0, Paths.Length - 1]).Sample((json, which) =>
        {
            var arguments = ToolArguments.FromJson("{\"a\":" + json + ",\"b\":" + json + "}");
            var path = Paths[which];
            var first = (Found: false, Value: default(JsonElement));
            path.ForEach(arguments.Root, 0, (_, value) =>
            {
                first = (true, value);
                return false;
            });

            var ok = path.TryEvaluate(arguments.Root, out var value);
            ok.Should().Be(first.Found, json);
            if (ok)
            {
                value.GetRawText().Should().Be(first.Value.GetRawText());
                found++;
            }
        }, iter: Iterations);

        found.Should().BeGreaterThan((int)(Iterations / 10));
    }

    [Fact]
    public void TryEvaluate_AllocatesNothing()
    {
        var arguments = ToolArguments.FromJson("""{"to":"bob@a.example","cc":[{"x":1},{"address":"eve@b.example"}]}""");
        var to = ArgumentPath.Parse("$.to");
        var cc = ArgumentPath.Parse("$.cc[*].address");
        to.TryEvaluate(arguments.Root, out _);
        cc.TryEvaluate(arguments.Root, out _);

        var found = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            found += to.TryEvaluate(arguments.Root, out _) ? 1 : 0;
            found += cc.TryEvaluate(arguments.Root, out _) ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.Should().Be(0);
        found.Should().Be(200);
    }
}
