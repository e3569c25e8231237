namespace AgentGuard.Tests.Detection;

/// <summary>
/// The detector's inline case-insensitive comparisons give the runtime's <see cref="StringComparison.OrdinalIgnoreCase"/>
/// answer on any text, also with non-ASCII characters whose case mappings reach ASCII ('ı', 'ſ', the Kelvin sign: the
/// runtime's ordinal folding leaves them apart today, and the answer must follow the runtime, not that fact) or a text
/// that ends inside the word: an attacker who spells "ıgnore" or "ſend" gets the same verdict as before.
/// </summary>
public sealed class AsciiCaseTests
{
    private static readonly string[] Values = ["assistant", "instructions", "the user's", "2fa", ".env", "api_key", "follow", "to", "a", "send", string.Empty];

    private static readonly char[] Alphabet = ['a', 'A', 's', 'S', 'i', 'I', 'k', 'K', 'e', 'E', 'n', 't', 'T', '\'', '.', '_', '2', ' ', 'ı', 'İ', 'ſ', '\u212A', 'é', 'É', '\u00DF', '\uD801', '\uDC00', '@', '[', '`', '{'];

    [Fact]
    public void StartsWithAndEquals_AnswerAsOrdinalIgnoreCase()
    {
        var random = new Random(1414);
        for (var round = 0; round < 40_000; round++)
        {
            var value = Values[random.Next(Values.Length)];
            var text = random.Next(3) == 0 ? Mutate(value, random) : new string([.. Enumerable.Range(0, random.Next(0, 14)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);

            AsciiCase.StartsWith(text, value).Should().Be(text.StartsWith(value, StringComparison.OrdinalIgnoreCase), "text '{0}', value '{1}'", text, value);
            AsciiCase.Equals(text, value).Should().Be(text.Equals(value, StringComparison.OrdinalIgnoreCase), "text '{0}', value '{1}'", text, value);
        }
    }

    [Theory]
    [InlineData("ASSISTANT", "assistant", true)]
    [InlineData("assistan", "assistant", false)]
    [InlineData("ſend", "send", false)]
    [InlineData("ıgnore", "ignore", false)]
    [InlineData("\u212Aey", "key", false)]
    [InlineData("Assistant manager", "assistant", true)]
    [InlineData("@ssistant", "`ssistant", false)]
    [InlineData("[", "{", false)]
    public void StartsWith_FoldsOnlyWhatTheRuntimeFolds(string text, string value, bool expected)
    {
        AsciiCase.StartsWith(text, value).Should().Be(expected);
        text.StartsWith(value, StringComparison.OrdinalIgnoreCase).Should().Be(expected, "the runtime is the reference");
    }

    private static string Mutate(string value, Random random)
    {
        var chars = value.Select(c => random.Next(4) switch
        {
            0 => char.ToUpperInvariant(c),
            1 when c == 'i' => 'ı',
            1 when c == 's' => 'ſ',
            1 when c == 'k' => '\u212A',
            _ => c,
        }).ToList();
        if (random.Next(3) == 0 && chars.Count > 0)
        {
            chars.RemoveAt(random.Next(chars.Count));
        }

        if (random.Next(2) == 0)
        {
            chars.Add(Alphabet[random.Next(Alphabet.Length)]);
        }

        return new string([.. chars]);
    }
}
