using System.Globalization;
using System.Text;

namespace AgentGuard.Tests.Sessions;

/// <summary>
/// <see cref="SeenTokens.Take"/> for stores that keep keys (Redis): untrusted text is read whole, and what the bound on
/// keys per text leaves out is reported, so the store can count it as seen untrusted rather than drop it silently.
/// </summary>
public sealed class SeenTokensBoundTests
{
    private const string Iban = "GB33 BUKB 2020 1555 5555 55";

    [Fact]
    public void Take_Whole_KeepsAValueAtTheHeadOfAPaddedText_TheTailDoesNot()
    {
        var text = $"Supplier IBAN: {Iban}\n" + string.Concat(Enumerable.Repeat("catalogue price size colour\n", 12_000));

        SeenTokens.Take(text, whole: true).Keys.Should().Contain("i:GB33BUKB20201555555555");
        SeenTokens.Take(text, whole: false).Keys.Should().NotContain("i:GB33BUKB20201555555555", "a prompt or trusted text keeps its last 256 KB");
        SeenTokens.Extract(text).Should().BeEquivalentTo(SeenTokens.Take(text, whole: false).Keys);
    }

    [Fact]
    public void Take_TypedValuesPastTheBound_AreReportedLeftOut()
    {
        var taken = SeenTokens.Take(Addresses(SeenTokens.MaxPerText + 1) + $" {Iban}", whole: true);

        taken.Keys.Should().HaveCount(SeenTokens.MaxPerText).And.NotContain("i:GB33BUKB20201555555555");
        taken.TypedLeftOut.Should().BeTrue();
    }

    [Fact]
    public void Take_WordSequencesPastTheBound_ReportTheFewestWordsLeftOut()
    {
        // More distinct single words than the bound: every sequence of two or more is left out, and some single words.
        var many = SeenTokens.Take(Words(SeenTokens.MaxPerText + 10), whole: true);
        many.WordsLeftOutFrom.Should().Be(1);
        many.TypedLeftOut.Should().BeFalse();

        // 2,500 distinct words: all 1- to 3-word sequences fit (7,497 keys), 4-word ones do not all.
        var article = SeenTokens.Take(Words(2_500), whole: true);
        article.WordsLeftOutFrom.Should().Be(4);
        article.Keys.Should().Contain(SeenTokens.WordsKey(" woaaaqq wobaaqq wocaaqq "));
    }

    [Fact]
    public void Take_TextWithinTheBound_LeavesNothingOut()
    {
        var taken = SeenTokens.Take($"Pay Bob Smith at {Iban} today. " + string.Concat(Enumerable.Repeat("catalogue price size colour ", 50_000)), whole: true);

        taken.TypedLeftOut.Should().BeFalse();
        taken.WordsLeftOutFrom.Should().Be(0, "a long text of few distinct words has few distinct keys");
        taken.Keys.Should().Contain(["i:GB33BUKB20201555555555", SeenTokens.WordsKey(" pay bob smith ")]);
    }

    private static string Addresses(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"sales{i}@vendor.example ");
        }

        return text.ToString();
    }

    /// <summary><paramref name="count"/> distinct words in one run ("woaaaqq wobaaqq …"), no repeated pair.</summary>
    private static string Words(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append("wo").Append((char)('a' + (i % 26))).Append((char)('a' + (i / 26 % 26))).Append((char)('a' + (i / 676 % 26))).Append("qq ");
        }

        return text.ToString();
    }
}
