using System.Text.RegularExpressions;

namespace AgentGuard.Shell.Analysis;

/// <summary>What echo, printf, cat, base64 -d, cut, rev and xxd -r are known to print, for pipes into shells and interpreters.</summary>
internal static partial class ShellClassifier
{
    private static void ClassifyOutput(CommandDraft draft)
    {
        switch (draft.Program)
        {
            case "echo" when !draft.Args.Exists(a => a.Dynamic):
                {
                    var args = draft.Args.Select(a => a.Text).ToList();
                    var interpret = false;
                    var newline = true;
                    while (args.Count > 0 && args[0] is "-e" or "-n" or "-ne" or "-en" or "-E")
                    {
                        interpret |= args[0].Contains('e', StringComparison.Ordinal);
                        newline &= !args[0].Contains('n', StringComparison.Ordinal);
                        args.RemoveAt(0);
                    }

                    var text = string.Join(' ', args);
                    draft.OutputText = (interpret ? Escapes.Decode(text) : text) + (newline ? "\n" : string.Empty);
                    draft.OutputDecoded = interpret && Escapes.HasCodeEscape(text);
                    break;
                }

            case "printf" when draft.Args.Count > 0 && !draft.Args.Exists(a => a.Dynamic):
                draft.OutputText = Printf(draft.Args);
                draft.OutputDecoded = draft.Args.Exists(a => Escapes.HasCodeEscape(a.Text)) || draft.Args[0].Text.Contains("%b", StringComparison.Ordinal);
                break;
            case "cat" when draft.Args.Count == 0 && draft.StdinText is not null:
                draft.OutputText = draft.StdinText;
                break;
            case "base64" when draft.HasFlag('d', "--decode") || draft.HasFlag('D'):
                draft.CarriesRemoteContent = true;
                if (draft.StdinText is { } encoded)
                {
                    try
                    {
                        draft.OutputText = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
                    }
                    catch (FormatException)
                    {
                        draft.OutputText = null;
                    }
                }

                break;
            case "cut" when draft.StdinText is { } fields:
                draft.OutputText = CutEmulator.Run(draft.Args, fields);
                break;
            case "rev" when draft.StdinText is { } forward:
                draft.OutputText = string.Join('\n', forward.TrimEnd('\n').Split('\n').Select(line => new string(line.Reverse().ToArray()))) + "\n";
                break;
            case "xxd" when draft.HasFlag('r'):
                draft.CarriesRemoteContent = true;
                if (draft.StdinText is { } hex && draft.HasFlag('p'))
                {
                    try
                    {
                        draft.OutputText = System.Text.Encoding.UTF8.GetString(Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c)))));
                    }
                    catch (FormatException)
                    {
                        draft.OutputText = null;
                    }
                }

                break;
            case "openssl" when draft.HasArg("-d") && (draft.HasArg("base64") || draft.HasArg("enc")):
            case "uudecode" or "gpg" when draft.HasFlag('d', "--decrypt"):
                draft.CarriesRemoteContent = true;
                break;
            default:
                if (Downloaders.Contains(draft.Program))
                {
                    draft.CarriesRemoteContent = true;
                }

                break;
        }
    }

    /// <summary>printf with %s, %b, %c and %d taking arguments in turn, the format reused while arguments remain (as bash does).</summary>
    private static string Printf(List<ExpandedWord> args)
    {
        var format = args[0].Text;
        var output = new System.Text.StringBuilder();
        var next = 1;
        do
        {
            for (var i = 0; i < format.Length; i++)
            {
                if (format[i] == '%' && i + 1 < format.Length)
                {
                    var spec = format[++i];
                    if (spec == '%')
                    {
                        output.Append('%');
                    }
                    else if (spec is 's' or 'b' or 'c' or 'd' or 'i')
                    {
                        var value = next < args.Count ? args[next++].Text : string.Empty;
                        output.Append(spec switch { 'b' => Escapes.Decode(value), 'c' => value.Length > 0 ? value[..1] : string.Empty, _ => value });
                    }

                    continue;
                }

                if (format[i] == '\\' && i + 1 < format.Length)
                {
                    output.Append(Escapes.Decode(format.Substring(i, format[i + 1] is 'x' ? Math.Min(4, format.Length - i) : 2)));
                    i += format[i + 1] is 'x' ? Math.Min(3, format.Length - i - 1) : 1;
                    continue;
                }

                output.Append(format[i]);
            }
        }
        while (next < args.Count && next > 1 && output.Length < 65536);

        return output.ToString();
    }
}
