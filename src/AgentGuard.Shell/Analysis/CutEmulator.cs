namespace AgentGuard.Shell.Analysis;

/// <summary>
/// What <c>cut</c> prints for text the line itself gives it (<c>echo 10.0.0.255 | cut -d. -f-3</c>), so that a
/// substitution built only from text on the line has a known output. Fields (<c>-f</c> with <c>-d</c>) and characters
/// (<c>-c</c>) with lists of <c>N</c>, <c>N-M</c>, <c>-M</c> and <c>N-</c>; anything else is not computed.
/// </summary>
internal static class CutEmulator
{
    /// <summary>The output of <c>cut</c> with <paramref name="args"/> on <paramref name="input"/>, or null when it is not computed.</summary>
    public static string? Run(List<ExpandedWord> args, string input)
    {
        string? delimiter = null, fields = null, characters = null;
        for (var i = 0; i < args.Count; i++)
        {
            var text = args[i].Text;
            if (args[i].Dynamic)
            {
                return null;
            }

            if (Value(text, "-d", "--delimiter=", args, ref i) is { } d)
            {
                delimiter = d;
            }
            else if (Value(text, "-f", "--fields=", args, ref i) is { } f)
            {
                fields = f;
            }
            else if (Value(text, "-c", "--characters=", args, ref i) is { } c)
            {
                characters = c;
            }
            else
            {
                return null;
            }
        }

        if ((fields is null) == (characters is null) || (delimiter is { Length: not 1 }))
        {
            return null;
        }

        var output = new System.Text.StringBuilder();
        foreach (var line in input.TrimEnd('\n').Split('\n'))
        {
            if (characters is not null)
            {
                if (Select(characters, line.Length, i => line[i].ToString()) is not { } chars)
                {
                    return null;
                }

                output.Append(string.Concat(chars));
            }
            else
            {
                var separator = delimiter?[0] ?? '\t';
                var parts = line.Split(separator);
                if (parts.Length == 1)
                {
                    output.Append(line);
                }
                else if (Select(fields!, parts.Length, i => parts[i]) is { } chosen)
                {
                    output.Append(string.Join(separator, chosen));
                }
                else
                {
                    return null;
                }
            }

            output.Append('\n');
        }

        return output.ToString();
    }

    private static string? Value(string text, string shortName, string longPrefix, List<ExpandedWord> args, ref int i)
    {
        if (text == shortName)
        {
            return ++i < args.Count ? args[i].Text : null;
        }

        if (text.StartsWith(shortName, StringComparison.Ordinal))
        {
            return text[shortName.Length..];
        }

        return text.StartsWith(longPrefix, StringComparison.Ordinal) ? text[longPrefix.Length..] : null;
    }

    /// <summary>The items a cut list (<c>1,3-5,-2,7-</c>) selects from <paramref name="count"/> items, in order; null for a list it cannot read.</summary>
    private static List<string>? Select(string list, int count, Func<int, string> item)
    {
        var chosen = new bool[count];
        foreach (var range in list.Split(','))
        {
            var dash = range.IndexOf('-', StringComparison.Ordinal);
            var fromText = dash < 0 ? range : range[..dash];
            var toText = dash < 0 ? range : range[(dash + 1)..];
            var from = fromText.Length == 0 ? 1 : int.TryParse(fromText, out var f) && f > 0 ? f : -1;
            var to = toText.Length == 0 ? count : int.TryParse(toText, out var t) && t > 0 ? t : -1;
            if (from < 0 || to < 0)
            {
                return null;
            }

            for (var i = from; i <= Math.Min(to, count); i++)
            {
                chosen[i - 1] = true;
            }
        }

        var result = new List<string>();
        for (var i = 0; i < count; i++)
        {
            if (chosen[i])
            {
                result.Add(item(i));
            }
        }

        return result;
    }
}
