using CsCheck;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// What the detector's remembered searches (the next weight word, the next comment close) are checked with: a text, a
/// walk of windows over it that mostly move forward and sometimes stand still, look back or reach past the search, and
/// the remembered answer compared with the window searched afresh at every step.
/// </summary>
internal static class RememberedSearchCheck
{
    /// <summary>A window's answer, remembered (<paramref name="weights"/> carries the memory) or fresh.</summary>
    public delegate bool Agrees(string text, int start, int end, Span<double> weights);

    /// <summary>Iterations, from <c>AGENTGUARD_FUZZ_ITERATIONS</c> (default 2,000).</summary>
    public static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 2_000;

    /// <summary>Texts of up to 60 of <paramref name="pieces"/>.</summary>
    public static Gen<string> Texts(string[] pieces) => Gen.Int[0, pieces.Length - 1].Array[1, 60].Select(indexes => string.Concat(indexes.Select(i => pieces[i])));

    /// <summary>Each window as a move of its start (mostly forward, sometimes back) and a length (mostly up to <paramref name="usual"/>, sometimes up to <paramref name="longest"/>).</summary>
    public static Gen<(int Move, int Length)[]> Windows(int usual, int longest) => Gen.Select(Gen.Frequency((6, Gen.Int[0, 400]), (1, Gen.Int[-600, -1]), (1, Gen.Const(0))), Gen.Frequency((6, Gen.Int[0, usual]), (1, Gen.Int[0, longest])), (move, length) => (move, length)).Array[1, 40];

    /// <summary>Walks <paramref name="windows"/> over <paramref name="text"/> with fresh weights; false at the first window where <paramref name="agrees"/> is false.</summary>
    public static bool Walk(string text, (int Move, int Length)[] windows, Agrees agrees)
    {
        Span<double> weights = stackalloc double[InjectionDetector.WeightSlots];
        InjectionDetector.ForgetRemembered(weights);
        var start = 0;
        foreach (var (move, length) in windows)
        {
            start = Math.Clamp(start + move, 0, text.Length);
            if (!agrees(text, start, Math.Min(text.Length, start + length), weights))
            {
                return false;
            }
        }

        return true;
    }
}
