namespace AgentGuard.Tests.Detection;

/// <summary>
/// The vectorized word-start walk against its definition: every ASCII letter not preceded by an ASCII letter or digit,
/// every extra character and (when asked) every non-ASCII character is a stop. Extra characters are classified by a
/// nibble table of sixteen characters at a time; a character above U+00FF whose low byte is an extra character may
/// also stop the walk (a superset changes nothing a reader finds), nothing else may.
/// </summary>
public sealed class WordStartsTests
{
    private const string ScannerExtras = "<[#{!~./*`";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AsciiText_StopsExactlyWhereTheDefinitionSays(bool nonAscii)
    {
        var random = new Random(14);
        const string alphabet = "abcXYZ019 \n\t<[#{!~./*`-_=:;'\"()>]}@$%^&?|\\";
        for (var round = 0; round < 200; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 90)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            Walk(text, ScannerExtras, nonAscii).Should().Equal(Definition(text, ScannerExtras, nonAscii), "text: {0}", text);
        }
    }

    [Fact]
    public void TextWithCharactersAboveAscii_MissesNoStopAndAddsOnlyThoseWhoseLowByteIsAnExtra()
    {
        var random = new Random(29);
        char[] alphabet = ['a', 'Q', '7', ' ', '<', '#', '~', 'é', '\u2029', '\u200B', '\u013C', '\u0123', '\u2E2F', '\uFF0E', 'ſ', '—'];
        for (var round = 0; round < 300; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 70)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var stops = Walk(text, ScannerExtras, nonAscii: false);
            var expected = Definition(text, ScannerExtras, nonAscii: false);

            expected.Except(stops).Should().BeEmpty("text: {0}", text);
            stops.Except(expected).Where(at => text[at] <= '\xFF' || !ScannerExtras.Contains((char)(text[at] & 0xFF))).Should().BeEmpty("text: {0}", text);
        }
    }

    [Fact]
    public void LongText_FindsEveryExtraCharacterInEveryLaneOfABlock()
    {
        foreach (var extra in ScannerExtras)
        {
            var text = new string(' ', 80).ToCharArray();
            for (var at = 0; at < text.Length; at += 3)
            {
                text[at] = extra;
            }

            var value = new string(text);

            Walk(value, ScannerExtras, nonAscii: false).Should().Equal(Definition(value, ScannerExtras, nonAscii: false));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BlockByBlock_YieldsTheSameStopsAsTheEnumerator(bool nonAscii)
    {
        // Texts of 0 to 200 characters cross the scalar first block, full vector blocks and the scalar tail.
        var random = new Random(1419);
        const string alphabet = "abcXYZ019 \n<[#{!~./*`-_'é\u2029\u200B—ſ";
        for (var round = 0; round < 400; round++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 200)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var blocks = new List<int>();
            var walk = new WordStarts(text, ScannerExtras, nonAscii);
            while (walk.NextBlock(out var block, out var bits))
            {
                bits.Should().NotBe(0u, "a block is yielded only when it holds a stop");
                for (; bits != 0; bits &= bits - 1)
                {
                    blocks.Add(block + System.Numerics.BitOperations.TrailingZeroCount(bits));
                }
            }

            blocks.Should().Equal(Walk(text, ScannerExtras, nonAscii), "text: {0}", text);
        }
    }

    private static List<int> Walk(string text, string extras, bool nonAscii)
    {
        var stops = new List<int>();
        foreach (var at in new WordStarts(text, extras, nonAscii))
        {
            stops.Add(at);
        }

        return stops;
    }

    private static List<int> Definition(string text, string extras, bool nonAscii)
        => [.. Enumerable.Range(0, text.Length).Where(i =>
            (char.IsAsciiLetter(text[i]) && (i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1])))
            || extras.Contains(text[i])
            || (nonAscii && text[i] > '\x7F'))];
}
