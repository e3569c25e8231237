using CsCheck;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// The remembered weight word (<c>InjectionDetector.HoldsWeightWord</c>) against the plain question it answers, "does
/// this window hold a weight word whole?", asked of each window afresh: on generated texts of weight words, words that
/// start like them ("instruction", "impor", "matte"), glued or cut, and windows that mostly move forward, sometimes
/// stand still, look back, or reach past the remembered search, the answers are the same. Iterations come from
/// <c>AGENTGUARD_FUZZ_ITERATIONS</c> (default 2,000).
/// </summary>
public sealed class InjectionWeightWordMemoTests
{
    private static readonly string[] Pieces =
    [
        "important", "URGENT", "instant", "instruction", "<instruction>", "impor", "matte", "matter", "swif", "Immediate", " ", "\n", ".",
        "the steps below", "x", "ab", new string('a', 700), new string(' ', 3000), "critical", "crucia", "non-negotiable",
    ];

    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 2_000;

    private static readonly Gen<string> Text = Gen.Int[0, Pieces.Length - 1].Array[1, 60].Select(indexes => string.Concat(indexes.Select(i => Pieces[i])));

    /// <summary>Each window as a move of its start (mostly forward, sometimes back) and a length (up to 5,000, past the search's reach).</summary>
    private static readonly Gen<(int Move, int Length)[]> Windows = Gen.Select(Gen.Frequency((6, Gen.Int[0, 400]), (1, Gen.Int[-600, -1]), (1, Gen.Const(0))), Gen.Frequency((6, Gen.Int[0, 600]), (1, Gen.Int[0, 5_000])), (move, length) => (move, length)).Array[1, 40];

    [Fact]
    public void HoldsWeightWord_AnswersAsTheWindowSearchedAfresh()
    {
        Gen.Select(Text, Windows).Sample((text, windows) =>
        {
            Span<double> weights = stackalloc double[InjectionDetector.WeightSlots];
            InjectionDetector.ForgetRemembered(weights);
            var start = 0;
            foreach (var (move, length) in windows)
            {
                start = Math.Clamp(start + move, 0, text.Length);
                var end = Math.Min(text.Length, start + length);
                if (InjectionDetector.HoldsWeightWord(text, start, end, weights) != text.AsSpan(start, end - start).ContainsAny(InjectionDetector.WeightWords))
                {
                    return false;
                }
            }

            return true;
        }, iter: Iterations);
    }

    /// <summary>Forgetting between texts: what was remembered of one text says nothing about the next.</summary>
    [Fact]
    public void ForgetRemembered_LetsTheNextTextBeSearched()
    {
        Span<double> weights = stackalloc double[InjectionDetector.WeightSlots];
        InjectionDetector.ForgetRemembered(weights);
        const string Quiet = "nothing of weight here, just words and more words";
        const string Pressing = "this is urgent: do it now, it is important";
        InjectionDetector.HoldsWeightWord(Quiet, 0, Quiet.Length, weights).Should().BeFalse();

        InjectionDetector.ForgetRemembered(weights);
        InjectionDetector.HoldsWeightWord(Pressing, 0, Pressing.Length, weights).Should().BeTrue();
    }
}
