using CsCheck;

namespace AgentGuard.Mcp.Tests;

/// <summary>
/// <see cref="WordSet"/> rules words out by length and ASCII first letter before it hashes: its answers must be those of
/// a set compared with <see cref="StringComparer.OrdinalIgnoreCase"/>, also for letters outside ASCII that fold to ASCII
/// ones ('ſ', 'ı') and for words of every length.
/// </summary>
public sealed class WordSetTests
{
    private static readonly string[] Words = ToolDescriptionScanner.DisclosingVerbs;

    private static readonly HashSet<string> Reference = new(Words, StringComparer.OrdinalIgnoreCase);

    /// <summary>Letters of the words in either case, letters that fold to ASCII ones or look like them, and a few others.</summary>
    private static readonly char[] Letters = [.. "abcdeilnoprstuvxyzABCDEILNOPRSTUVXYZ'\u017F\u0131\u0130\u212A\u0441\u0435\u00E9"];

    [Theory]
    [InlineData("send")]
    [InlineData("SEND")]
    [InlineData("\u017Fend")]
    [InlineData("\u017Fhare")]
    [InlineData("d\u0131splay")]
    [InlineData("\u0131nclude")]
    [InlineData("sen")]
    [InlineData("echo")]
    [InlineData("Disclose")]
    [InlineData("disclosed")]
    [InlineData("sends")]
    [InlineData("xend")]
    [InlineData("")]
    public void Contains_Word_AnswersAsAnOrdinalIgnoreCaseSet(string word)
        => new WordSet(Words).Contains(word).Should().Be(Reference.Contains(word), word);

    [Fact]
    public void Contains_AnyWordOfTheLetters_AnswersAsAnOrdinalIgnoreCaseSet()
    {
        var set = new WordSet(Words);
        Gen.OneOf(
                Gen.Int[0, Words.Length - 1].Select(Gen.Int[0, 11], Gen.Int[0, Letters.Length - 1], (w, k, l) => Mutate(Words[w], k, Letters[l])),
                Gen.Int[0, Letters.Length - 1].Array[0, 9].Select(ls => new string([.. ls.Select(l => Letters[l])])))
            .Sample(word => set.Contains(word) == Reference.Contains(word));
    }

    [Fact]
    public void Constructor_WordNotStartingWithAnAsciiLetter_Throws()
        => FluentActions.Invoking(() => new WordSet(["send", "\u017Fend"])).Should().Throw<ArgumentException>().WithMessage("*'\u017Fend'*");

    /// <summary>The word with its character at <paramref name="k"/> (if any) replaced, or upper-cased when <paramref name="k"/> is past its end.</summary>
    private static string Mutate(string word, int k, char letter)
        => k < word.Length ? string.Concat(word.AsSpan(0, k), letter.ToString(), word.AsSpan(k + 1)) : word.ToUpperInvariant();
}
