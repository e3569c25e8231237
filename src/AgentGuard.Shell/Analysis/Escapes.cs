using System.Globalization;
using System.Text;

namespace AgentGuard.Shell.Analysis;

/// <summary>Decodes the backslash escapes printf and echo -e understand (\n, \t, \xHH, \NNN octal, \uHHHH).</summary>
internal static class Escapes
{
    /// <summary>True when the text holds an escape that spells characters (\x, \u, octal), as opposed to layout (\n, \t).</summary>
    public static bool HasCodeEscape(string text)
    {
        for (var i = text.IndexOf('\\', StringComparison.Ordinal); i >= 0 && i + 1 < text.Length; i = text.IndexOf('\\', i + 2))
        {
            if (text[i + 1] is 'x' or 'u' or 'U' or (>= '0' and <= '7'))
            {
                return true;
            }
        }

        return false;
    }

    public static string Decode(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                builder.Append(text[i]);
                continue;
            }

            var e = text[++i];
            switch (e)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case '\\': builder.Append('\\'); break;
                case 'x' or 'u':
                    {
                        var max = e == 'x' ? 2 : 4;
                        var start = i + 1;
                        var end = start;
                        while (end < text.Length && end - start < max && Uri.IsHexDigit(text[end]))
                        {
                            end++;
                        }

                        if (end == start)
                        {
                            builder.Append('\\').Append(e);
                            break;
                        }

                        builder.Append((char)int.Parse(text.AsSpan(start, end - start), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i = end - 1;
                        break;
                    }

                case >= '0' and <= '7':
                    {
                        var start = e == '0' && i + 1 < text.Length && text[i + 1] is >= '0' and <= '7' ? i + 1 : i;
                        var end = start;
                        while (end < text.Length && end - start < 3 && text[end] is >= '0' and <= '7')
                        {
                            end++;
                        }

                        builder.Append((char)Convert.ToInt32(text[start..end], 8));
                        i = end - 1;
                        break;
                    }

                default:
                    builder.Append('\\').Append(e);
                    break;
            }
        }

        return builder.ToString();
    }
}
