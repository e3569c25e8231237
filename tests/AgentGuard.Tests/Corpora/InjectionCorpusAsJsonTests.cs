using System.Globalization;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace AgentGuard.Tests.Corpora;

/// <summary>
/// The held-out part of <c>injection.jsonl</c> as tools return it: each text the value of a JSON object's string, as
/// System.Text.Json's default encoder writes it (non-ASCII and <c>&lt; &gt; &amp; ' +</c> as <c>\uXXXX</c>, line breaks as
/// <c>\n</c>; what a .NET tool's serialized result holds) and as Python's <c>json.dumps</c> writes it (non-ASCII as
/// <c>\uXXXX</c>; what most MCP servers return). A model reads the escapes as the characters they stand for, so the
/// detector must flag the JSON form of an injection as it flags the text itself, and keep benign results clean: per
/// source, at least as many injected results flagged as JSON as as text, and no more benign ones. Measured once before
/// the forty-third session's JSON reading (as JSON from Python 422 / 589, from .NET 366 / 589, against 505 as text) and
/// once after (507 / 589 in both forms, as text; benign 6 / 373 in all three).
/// </summary>
public sealed class InjectionCorpusAsJsonTests(ITestOutputHelper output)
{
    private const double Threshold = 0.5;
    private readonly InjectionDetector _detector = new();

    public static TheoryData<string> Encoders => ["dotnet", "python"];

    [Theory]
    [MemberData(nameof(Encoders))]
    public void HeldOut_AsAToolsJsonResult_IsFlaggedAsTheTextIs(string encoder)
    {
        var heldOut = Corpus.Read("injection.jsonl").Where(s => s.IsHeldOut).ToList();
        var raw = heldOut.ToDictionary(s => s, s => _detector.Assess(s.Text).Score >= Threshold);
        var json = heldOut.ToDictionary(s => s, s => _detector.Assess(AsJson(s.Text, encoder)).Score >= Threshold);
        foreach (var source in heldOut.GroupBy(s => s.Source).OrderBy(g => g.Key))
        {
            var positives = source.Where(s => s.IsPositive).ToList();
            var benign = source.Where(s => !s.IsPositive).ToList();
            output.WriteLine($"{source.Key}: injected {positives.Count(s => json[s])}/{positives.Count} flagged as JSON ({positives.Count(s => raw[s])} as text), benign {benign.Count(s => json[s])}/{benign.Count} ({benign.Count(s => raw[s])} as text)");
            positives.Count(s => json[s]).Should().BeGreaterThanOrEqualTo(positives.Count(s => raw[s]), source.Key);
            benign.Count(s => json[s]).Should().BeLessThanOrEqualTo(benign.Count(s => raw[s]), source.Key);
        }

        var injected = heldOut.Where(s => s.IsPositive).ToList();
        var clean = heldOut.Where(s => !s.IsPositive).ToList();
        output.WriteLine($"held-out total as JSON ({encoder}): injected {injected.Count(s => json[s])}/{injected.Count} ({injected.Count(s => raw[s])} as text), benign {clean.Count(s => json[s])}/{clean.Count} ({clean.Count(s => raw[s])} as text)");
    }

    /// <summary><c>{"body": text}</c> as <paramref name="encoder"/> writes it.</summary>
    internal static string AsJson(string text, string encoder) => encoder switch
    {
        "dotnet" => JsonSerializer.Serialize(new Dictionary<string, string> { ["body"] = text }),
        "python" => "{\"body\": \"" + PythonEscaped(text) + "\"}",
        _ => throw new ArgumentOutOfRangeException(nameof(encoder), encoder, "unknown encoder"),
    };

    /// <summary>A string as Python's <c>json.dumps</c> (<c>ensure_ascii=True</c>) writes its content.</summary>
    private static string PythonEscaped(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '\b' => builder.Append("\\b"),
                '\f' => builder.Append("\\f"),
                < ' ' or > '~' => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
