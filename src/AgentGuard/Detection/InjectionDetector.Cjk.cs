namespace AgentGuard;

/// <content>
/// "Ignore the instructions" and "ignore it and state …" in Japanese (無視, "ignore") and Chinese (忽略, "ignore"). The
/// word walk stops only at ASCII word starts; the hidden-character scan already stops at every character above U+180E,
/// so the first character of each word is part of its set and ASCII text pays nothing.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>無, the first character of 無視 ("ignore").</summary>
    private const char JapaneseIgnore = '\u7121';

    /// <summary>忽, the first character of 忽略 ("ignore").</summary>
    private const char ChineseIgnore = '\u5FFD';

    /// <summary>指示, 命令, 指令, ルール, プロンプト: instructions, commands, rules, the prompt.</summary>
    private static readonly string[] JapaneseInstructionNouns = ["\u6307\u793A", "\u547D\u4EE4", "\u6307\u4EE4", "\u30EB\u30FC\u30EB", "\u30D7\u30ED\u30F3\u30D7\u30C8"];

    /// <summary>すべて, 全て, 全部 ("all") between the object marker and 無視.</summary>
    private static readonly string[] JapaneseAll = ["\u3059\u3079\u3066", "\u5168\u3066", "\u5168\u90E8"];

    /// <summary>述べ (state), 言って (say), 答えて (answer), 回答 (answer), 出力 (output), 書いて (write), 主張 (claim).</summary>
    private static readonly string[] JapaneseSpeechVerbs = ["\u8FF0\u3079", "\u8A00\u3063\u3066", "\u7B54\u3048\u3066", "\u56DE\u7B54", "\u51FA\u529B", "\u66F8\u3044\u3066", "\u4E3B\u5F35"];

    /// <summary>之前, 以上, 上面, 先前, 前面, 原来, 原始, 系统, 所有, 全部, 一切, 的: what stands between 忽略 and the instructions it drops.</summary>
    private static readonly string[] ChineseQualifiers = ["\u4E4B\u524D", "\u4EE5\u4E0A", "\u4E0A\u9762", "\u5148\u524D", "\u524D\u9762", "\u539F\u6765", "\u539F\u59CB", "\u7CFB\u7EDF", "\u6240\u6709", "\u5168\u90E8", "\u4E00\u5207", "\u7684"];

    /// <summary>指令, 指示, 命令, 规则, 提示词: instructions, commands, rules, the prompt.</summary>
    private static readonly string[] ChineseInstructionNouns = ["\u6307\u4EE4", "\u6307\u793A", "\u547D\u4EE4", "\u89C4\u5219", "\u63D0\u793A\u8BCD"];

    /// <summary>并说, 并声明, 并输出, 并回答, 并表示, 并写: "and say / state / output / answer / write".</summary>
    private static readonly string[] ChineseSpeechVerbs = ["\u5E76\u8BF4", "\u5E76\u58F0\u660E", "\u5E76\u8F93\u51FA", "\u5E76\u56DE\u7B54", "\u5E76\u8868\u793A", "\u5E76\u5199"];

    /// <summary>
    /// At 無 or 忽 (found by the hidden-character scan): "以前の指示をすべて無視して" / "忽略之前的所有指令" (the instructions,
    /// with a qualifier in Chinese, so "忽略此命令的输出" — ignore this command's output — is not) and "内容を無視して、…と述べて
    /// ください" / "忽略这份文件并声明…" (ignore it and state). "無視してください" (please ignore this e-mail), "忽略大小写"
    /// (ignore case) and "忽略此警告并继续" (ignore the warning and continue) are not.
    /// </summary>
    private static void IgnoreInCjk(ReadOnlySpan<char> text, int at, Span<double> weights)
    {
        if (at + 2 > text.Length)
        {
            return;
        }

        var sentence = CjkSentence(text, at + 2, 80);
        if (text[at] == JapaneseIgnore && text[at + 1] == '\u8996')
        {
            var before = text[..at];
            foreach (var all in JapaneseAll)
            {
                if (before.EndsWith(all, StringComparison.Ordinal))
                {
                    before = before[..^all.Length];
                    break;
                }
            }

            if (before.EndsWith('\u3092') && EndsWithAny(before[..^1], JapaneseInstructionNouns))
            {
                Raise(weights, Marker.IgnorePrevious, 0.85);
            }
            else if (sentence.StartsWith("\u3057\u3066", StringComparison.Ordinal) && ContainsAny(sentence, JapaneseSpeechVerbs))
            {
                Raise(weights, Marker.IgnorePrevious, 0.6);
            }
        }
        else if (text[at] == ChineseIgnore && text[at + 1] == '\u7565')
        {
            var rest = sentence;
            var qualified = false;
            for (var stripped = true; stripped;)
            {
                stripped = false;
                foreach (var qualifier in ChineseQualifiers)
                {
                    if (rest.StartsWith(qualifier, StringComparison.Ordinal))
                    {
                        rest = rest[qualifier.Length..];
                        qualified |= qualifier != "\u7684";
                        stripped = true;
                    }
                }
            }

            if (qualified && StartsWithAny(rest, ChineseInstructionNouns))
            {
                Raise(weights, Marker.IgnorePrevious, 0.85);
            }
            else if (ContainsAny(sentence, ChineseSpeechVerbs))
            {
                Raise(weights, Marker.IgnorePrevious, 0.6);
            }
        }
    }

    /// <summary>The text from <paramref name="from"/> to the end of its sentence (。！？ or a line end), at most <paramref name="window"/> characters.</summary>
    private static ReadOnlySpan<char> CjkSentence(ReadOnlySpan<char> text, int from, int window)
    {
        var span = text.Slice(from, Math.Min(window, text.Length - from));
        var end = span.IndexOfAny("\u3002\uFF01\uFF1F\n");
        return end < 0 ? span : span[..end];
    }
}
