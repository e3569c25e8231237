using System.Text.Json.Nodes;
using CsCheck;

namespace AgentGuard.Mcp.Tests;

/// <summary>
/// The scanner's mixed-script finding against a plain statement of it: some character of the description is a Greek or
/// Cyrillic letter, a Latin small capital, or a combining mark after an ASCII letter, and the run of letters around it
/// (the character itself left out) holds at least <see cref="ToolDescriptionScanner.LatinLettersOfAMixedWord"/> ASCII
/// letters. Generated descriptions mix Latin, Cyrillic and Greek words, words that mix them, marks, formulas and
/// punctuation, so that a word of another script is met before, after and beside a mixed one. Iterations come from
/// <c>AGENTGUARD_FUZZ_ITERATIONS</c> (default 3,000).
/// </summary>
public sealed class ToolDescriptionScannerMixedScriptReferenceTests
{
    private const string Finding = "hidden-text:mixed-script word";

    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 3_000;

    private static readonly string[] Pieces =
    [
        "привет", "счета", "о", "е", "ignоre", "оk", "aо", "кa", "xy", "rows", "a", "List", "πr", "2πr", "Δt", "αβγ", "ᴍᴀx", "ɢ", "i\u0307gnore",
        "\u0307", "café", "—", " ", " ", " ", ".", ",", "\n", "2", "_", "'", "ſ",
    ];

    private static readonly Gen<string> Description = Gen.Int[0, Pieces.Length - 1].Array[0, 30].Select(parts => string.Concat(parts.Select(i => Pieces[i])));

    [Fact]
    public void Scan_ReportsAMixedScriptWord_AsThePlainStatementDoes()
    {
        Description.Sample(
            description =>
            {
                var tool = new JsonObject { ["name"] = "rows", ["description"] = description };
                var found = ToolDescriptionScanner.Scan(tool)?.Contains(Finding) ?? false;
                return found == HoldsAMixedWord(description);
            },
            iter: Iterations);
    }

    [Theory]
    [InlineData("привет мир ignоre", true)]
    [InlineData("привет мир счета", false)]
    [InlineData("счета ignоre", true)]
    [InlineData("2πr and Δt", false)]
    public void Scan_ReportsAMixedScriptWord_AfterWordsOfAnotherScript(string description, bool mixed)
    {
        var tool = new JsonObject { ["name"] = "rows", ["description"] = description };

        (ToolDescriptionScanner.Scan(tool)?.Contains(Finding) ?? false).Should().Be(mixed);
    }

    private static bool HoldsAMixedWord(string text)
    {
        for (var at = 0; at < text.Length; at++)
        {
            var c = text[at];
            var lookAlike = c is (>= '\u0370' and <= '\u03FF') or (>= '\u0400' and <= '\u052F') or (>= '\u1D00' and <= '\u1D22')
                or '\u0262' or '\u0274' or '\u0280' or '\u028F' or '\u0299' or '\u029C' or '\u029F';
            var markAfterLetter = c is >= '\u0300' and <= '\u036F' && at > 0 && char.IsAsciiLetter(text[at - 1]);
            if (!lookAlike && !markAfterLetter)
            {
                continue;
            }

            var latin = 0;
            for (var i = at - 1; i >= 0 && char.IsLetter(text[i]); i--)
            {
                latin += char.IsAsciiLetter(text[i]) ? 1 : 0;
            }

            for (var i = at + 1; i < text.Length && char.IsLetter(text[i]); i++)
            {
                latin += char.IsAsciiLetter(text[i]) ? 1 : 0;
            }

            if (latin >= ToolDescriptionScanner.LatinLettersOfAMixedWord)
            {
                return true;
            }
        }

        return false;
    }
}
