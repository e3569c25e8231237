using System.Text.Json;
using AgentGuard.Provenance;
using CsCheck;

namespace AgentGuard.Tests.Properties;

/// <summary>
/// <see cref="Correspondents.Extract"/> reads a result's header fields with a forward-only reader; on any JSON of
/// message-like objects it must give exactly the addresses a naive walk over the parsed document gives, in document
/// order, and it must never throw on any text.
/// </summary>
public sealed class CorrespondentExtractionTests
{
    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 20_000;

    private static readonly string[] Names = ["from", "Sender", "to", "CC", "reply_to", "receivers", "body", "subject", "name", "email", "author", "thread"];
    private static readonly string[] Headers = ["from", "sender", "author", "to", "cc", "receiver", "receivers", "recipient", "recipients", "replyto"];

    private static readonly Gen<string> Scalar = Gen.OneOf(
        Gen.Const("\"ann@a.example\""), Gen.Const("\"Bob Lee <bob@b.example>\""), Gen.Const("\"see eve@c.example, or dan@d.example\""),
        Gen.Const("\"no address\""), Gen.Const("1"), Gen.Const("null"), Gen.Const("true"));

    private static readonly Gen<string> Json = Gen.Recursive<string>((depth, inner) => depth >= 4
        ? Scalar
        : Gen.OneOf(
            Scalar,
            inner.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]"),
            Gen.Select(Gen.Int[0, Names.Length - 1].Select(i => Names[i]).Array[0, 4], inner.Array[4]).Select((names, values) =>
                "{" + string.Join(",", names.Distinct().Select((name, i) => $"\"{name}\":{values[i]}")) + "}")));

    [Fact]
    public void AnyMessageLikeJson_GivesTheNaiveWalksAddresses()
    {
        var found = 0;
        Json.Sample(json =>
        {
            var expected = new List<string>();
            using (var document = JsonDocument.Parse(json))
            {
                Walk(document.RootElement, header: false, expected);
            }

            var actual = Correspondents.Extract(json)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            actual.Should().Equal(expected, json);
            found += actual.Length;
        }, iter: Iterations);

        found.Should().BeGreaterThan((int)(Iterations / 10));
    }

    [Fact]
    public void AnyText_NeitherReadingThrows()
    {
        var text = Gen.OneOf(Json, Gen.String, Json.Select(Gen.Int[0, 40], (j, cut) => j[..Math.Min(cut, j.Length)]));
        Gen.Select(text, Gen.String).Sample((result, prompt) =>
        {
            _ = Correspondents.Extract(result);
            _ = Correspondents.IsNamedForReply("e:" + prompt + "@x.example", prompt);
            _ = Correspondents.IsNamedForReply("e:ann@a.example", result);
        }, iter: Iterations);
    }

    private static void Walk(JsonElement element, bool header, List<string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, header || Array.Exists(Headers, h => h == property.Name.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant()), found);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, header, found);
                }

                break;
            case JsonValueKind.String when header:
                found.AddRange(element.GetString()!.Split([' ', '<', '>', ','], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Contains('@', StringComparison.Ordinal)));
                break;
            default:
                break;
        }
    }
}
