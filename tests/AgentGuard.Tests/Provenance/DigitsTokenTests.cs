using System.Text;
using AgentGuard.Provenance;
using CsCheck;

namespace AgentGuard.Tests.Provenance;

/// <summary>
/// Numbers in seen text (phones, accounts) are collected on the stack now, not in a string builder per word start. The
/// answer must be the one the builder version gave, kept here as the reference: which spans are numbers, where they
/// end and their canonical digits, including more than 19 digits, <c>00</c> and <c>+</c> prefixes, brackets, and a
/// letter right after the digits.
/// </summary>
public sealed class DigitsTokenTests
{
    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? Math.Max(500, n / 5) : 5_000;

    [Fact]
    public void TryDigits_AnswersAsTheBuilderVersion_AtEveryStart()
    {
        var text = Gen.Char["0123456789 -.()+ax"].Array[1, 40].Select(chars => new string(chars));
        text.Sample(value =>
        {
            for (var start = 0; start < value.Length; start++)
            {
                var found = ValueTokenizer.TryDigits(value, start, out var end, out var token);
                var expected = Reference(value, start, out var expectedEnd, out var expectedDigits);
                Assert.Equal(expected, found);
                if (expected)
                {
                    Assert.Equal(expectedEnd, end);
                    Assert.Equal(ValueTokenKind.Digits, token.Kind);
                    Assert.Equal(expectedDigits, token.Canonical);
                }
            }
        }, iter: Iterations);
    }

    [Theory]
    [InlineData("call +49 (30) 1234-5678 now", 5, true, "493012345678")]
    [InlineData("0049 30 12345678", 0, true, "493012345678")]
    [InlineData("12345678901234567890", 0, false, "")]
    [InlineData("1234567x", 0, false, "")]
    [InlineData("123456", 0, false, "")]
    public void KnownNumbers(string text, int start, bool isNumber, string digits)
    {
        Assert.Equal(isNumber, ValueTokenizer.TryDigits(text, start, out _, out var token));
        if (isNumber)
        {
            Assert.Equal(digits, token.Canonical);
        }
    }

    /// <summary>The builder version, as it was.</summary>
    private static bool Reference(string text, int start, out int end, out string canonical)
    {
        end = start;
        canonical = string.Empty;
        var i = start;
        if (text[i] == '+')
        {
            i++;
        }

        var digits = new StringBuilder();
        var last = i;
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                digits.Append(text[i]);
                i++;
                last = i;
                continue;
            }

            var j = i;
            var separators = 0;
            while (j < text.Length && text[j] is ' ' or '-' or '.' or '(' or ')' && separators < 2)
            {
                j++;
                separators++;
            }

            if (separators > 0 && j < text.Length && char.IsAsciiDigit(text[j]) && (separators == 1 || text[j - 2] is ')' || text[j - 1] is '('))
            {
                i = j;
                continue;
            }

            break;
        }

        if (digits.Length < 7 || digits.Length > 19 || (last < text.Length && char.IsLetter(text[last])))
        {
            return false;
        }

        canonical = digits.ToString();
        if (canonical.StartsWith("00", StringComparison.Ordinal) && text[start] != '+')
        {
            canonical = canonical[2..];
        }

        end = last;
        return true;
    }
}
