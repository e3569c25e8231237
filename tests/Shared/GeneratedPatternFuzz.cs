using System.Reflection;
using System.Text.RegularExpressions;
using CsCheck;

namespace AgentGuard.TestSupport;

/// <summary>
/// Feeds an assembly's source-generated patterns texts made of their own words; none may throw. The regex source
/// generator of .NET 10.0.12 emits code that indexes past its input for one shape of pattern (a lazy <c>{0,2}?</c> loop
/// after an optional group that backtracks; dotnet/runtime#129511): a text that reaches such a pattern in a detector or
/// an analyser makes it throw instead of answer. Linked into each test project whose package has generated patterns.
/// </summary>
internal static class GeneratedPatternFuzz
{
    private static readonly string[] Filler = ["ones", "are", "this", "it", "x", "—", ";", ".", ",", ":", "!", "?", "\n", "you", "now", "the", "-", "|", "'", "\"", "$", "(", ")"];

    /// <summary>Iterations per pattern: a quarter of <c>AGENTGUARD_FUZZ_ITERATIONS</c>, at least 200 (default 500).</summary>
    public static long IterationsPerPattern => Math.Max(200, (long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 2_000) / 4);

    /// <summary>Every parameterless static method of <paramref name="assembly"/> returning a <see cref="Regex"/>: its generated patterns.</summary>
    public static Regex[] Patterns(Assembly assembly) =>
    [
        .. assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.ContainsGenericParameters)
            .Select(m => (Regex)m.Invoke(null, null)!),
    ];

    /// <summary>Runs <paramref name="pattern"/> at every position of texts that follow it partway; a throw other than a timeout fails.</summary>
    public static void NoneThrows(Regex pattern, long iterations) =>
        Texts(Slots(pattern.ToString())).Sample(
            t =>
            {
                for (var at = 0; at < t.Length; at++)
                {
                    try
                    {
                        _ = pattern.IsMatch(t.AsSpan(at));
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        // A timeout is the pattern's documented way to give up.
                    }
                }
            },
            iter: iterations);

    /// <summary>
    /// Texts that follow a pattern's slots for a while (from a random slot, one word of each next slot, now and then one
    /// skipped or a filler word put in) and then trail off into filler: they reach deep into the pattern and then make it
    /// backtrack.
    /// </summary>
    public static Gen<string> Texts(string[][] slots) =>
        Gen.Select(Gen.Int[0, slots.Length - 1], Gen.Int[1, 8], Gen.Int[0, 5], Gen.Int[0, int.MaxValue], (start, length, tail, seed) =>
        {
            var random = new Random(seed);
            var words = new List<string>();
            for (var i = start; i < Math.Min(slots.Length, start + length); i++)
            {
                if (random.Next(8) > 0)
                {
                    words.Add(slots[i][random.Next(slots[i].Length)]);
                }

                if (random.Next(6) == 0)
                {
                    words.Add(Filler[random.Next(Filler.Length)]);
                }
            }

            for (var i = 0; i < tail; i++)
            {
                words.Add(Filler[random.Next(Filler.Length)]);
            }

            return string.Join(random.Next(4) == 0 ? "  " : " ", words);
        });

    /// <summary>
    /// A pattern's literal words in order, grouped into slots: words joined by <c>|</c> are one slot's alternatives
    /// (<c>(?:all|every|any)\s+(?:the\s+)?</c> gives {all, every, any}, {the}).
    /// </summary>
    public static string[][] Slots(string pattern)
    {
        var slots = new List<List<string>>();
        var bar = false;
        foreach (Match token in Regex.Matches(Regex.Replace(pattern, @"\\[a-zA-Z]", " "), @"[a-zA-Z][a-zA-Z'\-]*|[|()]"))
        {
            switch (token.Value)
            {
                case "|":
                    bar = true;
                    break;
                case "(" or ")":
                    break;
                default:
                    if (bar && slots.Count > 0)
                    {
                        slots[^1].Add(token.Value.ToLowerInvariant());
                    }
                    else
                    {
                        slots.Add([token.Value.ToLowerInvariant()]);
                    }

                    bar = false;
                    break;
            }
        }

        return slots.Count > 0 ? [.. slots.Select(s => s.ToArray())] : [["x"]];
    }
}
