namespace AgentGuard.Onnx;

/// <summary>
/// Cuts a text's tokens into the sequences one inference scores: windows of the model's length overlapping by an
/// eighth (so an instruction on a boundary is whole in one of them), at most <c>MaxWindows</c> — the first and the last
/// ones when a text is longer, where an injected block usually sits. Tokenizing is bounded too: of a text longer
/// than the windows can hold, only its head and tail are tokenized.
/// </summary>
internal static class TokenWindows
{
    /// <summary>Characters per token assumed when bounding what is tokenized (generous: English averages about 4).</summary>
    private const int CharsPerToken = 8;

    public static List<int[]> Of(string text, Func<string, IReadOnlyList<int>> encode, int body, int maxWindows)
    {
        var budget = (long)maxWindows * body * CharsPerToken;
        if (text.Length <= budget)
        {
            return Keep(Split(encode(text), body), maxWindows);
        }

        var half = (int)(budget / 2);
        var headEnd = char.IsHighSurrogate(text[half - 1]) ? half - 1 : half;
        var tailStart = char.IsLowSurrogate(text[^half]) ? text.Length - half + 1 : text.Length - half;
        var front = (maxWindows + 1) / 2;
        var head = Split(encode(text[..headEnd]), body);
        var tail = Split(encode(text[tailStart..]), body);
        return [.. head.Take(front), .. tail.TakeLast(maxWindows - front)];
    }

    /// <summary>Windows of at most <paramref name="body"/> tokens, each starting an eighth before the last one ended.</summary>
    internal static List<int[]> Split(IReadOnlyList<int> ids, int body)
    {
        var windows = new List<int[]>();
        var stride = Math.Max(1, body - (body / 8));
        for (var start = 0; ; start += stride)
        {
            var length = Math.Min(body, ids.Count - start);
            var window = new int[Math.Max(0, length)];
            for (var i = 0; i < window.Length; i++)
            {
                window[i] = ids[start + i];
            }

            windows.Add(window);
            if (start + body >= ids.Count)
            {
                return windows;
            }
        }
    }

    private static List<int[]> Keep(List<int[]> windows, int maxWindows)
    {
        if (windows.Count <= maxWindows)
        {
            return windows;
        }

        var front = (maxWindows + 1) / 2;
        return [.. windows.Take(front), .. windows.TakeLast(maxWindows - front)];
    }
}
