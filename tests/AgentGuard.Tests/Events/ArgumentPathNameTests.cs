using System.Text.Json;
using CsCheck;

namespace AgentGuard.Tests.Events;

/// <summary>
/// A path's property names are encoded to UTF-8 once, when the path is parsed, and looked up on the arguments' raw
/// bytes. Whatever the names' case, script or escaping, the value found must be the one a plain reading finds: decode
/// every name and compare it with the path's name ignoring case (exact spelling first).
/// </summary>
public sealed class ArgumentPathNameTests
{
    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? Math.Max(500, n / 5) : 5_000;

    [Theory]
    [InlineData("$.iban", "{\"IBAN\": \"a\"}", "a")]
    [InlineData("$.İd", "{\"i̇d\": \"b\", \"İD\": \"c\"}", "c")]
    [InlineData("$.to", "{\"\\u0074o\": \"d\"}", "d")]
    [InlineData("$.TO", "{\"t\\u006f\": \"e\"}", "e")]
    [InlineData("$.Größe", "{\"GRÖSSE\": \"x\", \"größe\": \"f\"}", "f")]
    [InlineData("$.café", "{\"CAFÉ\": \"g\"}", "g")]
    public void Name_SelectsThePropertyAPlainReadingSelects(string path, string json, string expected)
    {
        using var document = JsonDocument.Parse(json);
        ArgumentPath.Parse(path).TryEvaluate(document.RootElement, out var value).Should().BeTrue();
        value.GetString().Should().Be(expected);
    }

    [Fact]
    public void Name_AnyCaseScriptOrEscape_FindsWhatThePlainReadingFinds()
    {
        var letters = Gen.Char["aAtToOİıiIéÉßΩω_1"];
        var name = letters.Array[1, 5].Select(chars => new string(chars));
        var spelled = Gen.Bool.Array[1, 6];
        var generator = Gen.Select(name, name.Array[0, 4], spelled);
        generator.Sample((wanted, names, escapes) =>
        {
            var json = "{" + string.Join(",", names.Select((n, i) => $"\"{Spell(n, escapes[i % escapes.Length])}\": {i}")) + "}";
            using var document = JsonDocument.Parse(json);
            var found = ArgumentPath.Parse("$['" + wanted + "']").TryEvaluate(document.RootElement, out var value);
            var reference = Reference(document.RootElement, wanted);
            found.Should().Be(reference is not null, json);
            if (reference is { } expected)
            {
                value.GetInt32().Should().Be(expected, json);
            }
        }, iter: Iterations);
    }

    /// <summary>The exact spelling's last occurrence (as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> finds it), else the first name equal ignoring case.</summary>
    private static int? Reference(JsonElement root, string wanted)
    {
        var properties = root.EnumerateObject().ToList();
        var exact = properties.LastOrDefault(p => p.Name == wanted);
        if (exact.Value.ValueKind != JsonValueKind.Undefined)
        {
            return exact.Value.GetInt32();
        }

        var folded = properties.FirstOrDefault(p => string.Equals(p.Name, wanted, StringComparison.OrdinalIgnoreCase));
        return folded.Value.ValueKind == JsonValueKind.Undefined ? null : folded.Value.GetInt32();
    }

    /// <summary>The name as JSON writes it, or with every character as a <c>\uXXXX</c> escape.</summary>
    private static string Spell(string name, bool escaped) =>
        escaped ? string.Concat(name.Select(c => $"\\u{(int)c:x4}")) : name;
}
