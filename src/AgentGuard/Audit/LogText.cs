using System.Text;

namespace AgentGuard;

/// <summary>
/// A value that reaches a log message or span name, rendered with its control and line-separator characters escaped.
/// Tool names, session and user ids and call ids are chosen by models, servers or callers; raw, a line break or an
/// ANSI escape in one could forge a log line or repaint a terminal. Every <c>[LoggerMessage]</c> parameter that takes
/// text takes a <see cref="LogText"/> (a test holds every package to it), and strings convert implicitly, so no call
/// site can forget.
/// </summary>
/// <remarks>
/// Escaped: C0 and C1 controls (LF, CR, NUL, ESC...), DEL, U+2028/U+2029 (line and paragraph separators) and the bidi
/// embedding, override and isolate controls (which can make a log line read differently from what it holds). Each
/// becomes <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uXXXX</c>. Text with none of them is returned as is.
/// </remarks>
internal readonly struct LogText(string? value)
{
    /// <summary>The raw value.</summary>
    public string? Value { get; } = value;

    /// <summary>Wraps a string.</summary>
    public static implicit operator LogText(string? value) => new(value);

    /// <summary>The escaped text; <c>(null)</c> for a null value, as the logging formatter writes it.</summary>
    public override string ToString() => Value is null ? "(null)" : Escape(Value);

    /// <summary>Escapes <paramref name="text"/> for a log line or a span name.</summary>
    public static string Escape(string text)
    {
        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c))
            {
                builder.Append(c);
                continue;
            }

            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return builder.ToString();
    }

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(char c)
        => c < ' '
           || c is >= '\u007f' and <= '\u009f'
           || c is '\u2028' or '\u2029'
           || c is >= '\u202a' and <= '\u202e'
           || c is >= '\u2066' and <= '\u2069';
}
