using CsCheck;

namespace AgentGuard.Tests.Properties;

/// <summary>
/// <see cref="PersistencePathClassifier.IsPersistencePath"/> against its definition: every persistence location under
/// any home, root or Windows prefix, in any case and with either separator, is found; a path built only from
/// segments that hold no location is not; no text makes it throw.
/// </summary>
public sealed class PersistencePathPropertyTests
{
    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 20_000;

    private static readonly string[] Prefixes = ["", "~/", "/home/ann/", "/root/", "./", "/srv/app/", "C:/Users/ann/"];

    private static readonly Gen<string> Segment = Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-_."].Array[1, 10].Select(c => new string(c));

    private static string RandomCase(string text, uint seed)
        => new([.. text.Select((c, i) => ((seed >> (i % 32)) & 1) == 1 ? char.ToUpperInvariant(c) : c)]);

    [Fact]
    public void EveryLocation_UnderAnyPrefix_IsFound()
        => Gen.Select(Gen.Int[0, Prefixes.Length - 1], Gen.Int[0, PersistencePathClassifier.Markers.Length - 1], Gen.UInt, Gen.Bool).Sample((p, m, seed, backslash) =>
        {
            var marker = PersistencePathClassifier.Markers[m];
            var path = RandomCase(Prefixes[p].TrimEnd('/') + (marker[0] == '/' ? marker : "/" + marker) + (marker[^1] == '/' ? "job" : string.Empty), seed);
            if (path.StartsWith("C:", StringComparison.Ordinal) && backslash)
            {
                path = path.Replace('/', '\\');
            }

            if (path.Contains(' ', StringComparison.Ordinal) && !path.StartsWith("C:", StringComparison.Ordinal))
            {
                return;
            }

            PersistencePathClassifier.IsPersistencePath(path).Should().BeTrue(path);
        }, iter: Iterations);

    [Fact]
    public void PathsOfOrdinarySegments_AreNot()
        => Gen.Select(Gen.Int[0, Prefixes.Length - 1], Segment.Array[1, 5]).Sample((p, segments) =>
        {
            var path = Prefixes[p] + string.Join('/', segments);
            var lower = path.ToLowerInvariant();
            if (PersistencePathClassifier.Markers.Any(m => lower.Contains(m.TrimStart('/').TrimEnd('/'), StringComparison.Ordinal)))
            {
                return;
            }

            PersistencePathClassifier.IsPersistencePath(path).Should().BeFalse(path);
        }, iter: Iterations);

    [Fact]
    public void TheClassifier_ReadingJson_AgreesWithTheDefinition()
    {
        var classifier = new PersistencePathClassifier();
        var location = Gen.Select(Gen.Int[0, Prefixes.Length - 1], Gen.Int[0, PersistencePathClassifier.Markers.Length - 1], Gen.Bool)
            .Select((p, m, backslash) => Prefixes[p].TrimEnd('/') + "/" + PersistencePathClassifier.Markers[m].TrimStart('/') is var path && backslash ? path.Replace('/', '\\') : Prefixes[p] + PersistencePathClassifier.Markers[m].TrimStart('/'));
        var ordinary = Gen.Select(Gen.Int[0, Prefixes.Length - 1], Segment.Array[1, 5]).Select((p, segments) => Prefixes[p] + string.Join('/', segments));
        Gen.OneOf(location, ordinary, Gen.String).Sample(path =>
        {
            var tags = new List<string>();
            var call = new ToolCallEvent("write_file", ToolKind.Function) { Arguments = ToolArguments.FromJson(System.Text.Json.JsonSerializer.Serialize(new { path, content = "x" })) };
            classifier.Classify(call, new GuardContext(), tags);
            tags.Contains(PersistencePathClassifier.Tag).Should().Be(PersistencePathClassifier.IsPersistencePath(path), path);
        }, iter: Iterations);
    }

    [Fact]
    public void AnyText_NeverThrows()
        => Gen.String.Sample(text => { _ = PersistencePathClassifier.IsPersistencePath(text); }, iter: Iterations);
}
