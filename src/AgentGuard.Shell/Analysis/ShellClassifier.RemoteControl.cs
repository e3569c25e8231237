using System.Collections.Frozen;

namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Programs that take commands from other processes or hosts once they run: a terminal served on a port (<c>ttyd</c>,
/// <c>gotty</c>, <c>tmate</c>), fzf's control port, and debugger or notebook ports opened beyond the loopback interface
/// (<c>node --inspect=0.0.0.0</c>, <c>dlv --listen=:2345</c>, <c>jupyter --ip=0.0.0.0</c>). What they run arrives after
/// the line was decided, so the command is opaque.
/// </summary>
internal static partial class ShellClassifier
{
    /// <summary>Programs that serve a terminal (a shell) to whoever connects.</summary>
    private static readonly FrozenSet<string> TerminalServers = FrozenSet.ToFrozenSet(
        ["ttyd", "gotty", "websocketd", "shellinaboxd", "wetty", "tty-share", "sshx", "upterm", "tmate", "butterfly"], StringComparer.Ordinal);

    /// <summary>Per program, the option that opens a control or debugger port, and whether any port (even on the loopback interface) takes commands.</summary>
    private static readonly FrozenDictionary<string, (string[] Options, bool AnyAddress)> ControlPorts = new Dictionary<string, (string[], bool)>(StringComparer.Ordinal)
    {
        ["fzf"] = (["--listen", "--listen-unsafe"], true),
        ["nvim"] = (["--listen"], false),
        ["node"] = (["--inspect", "--inspect-brk", "--inspect-wait"], false),
        ["nodejs"] = (["--inspect", "--inspect-brk", "--inspect-wait"], false),
        ["deno"] = (["--inspect", "--inspect-brk", "--inspect-wait"], false),
        ["bun"] = (["--inspect", "--inspect-brk", "--inspect-wait"], false),
        ["electron"] = (["--inspect", "--inspect-brk"], false),
        ["dlv"] = (["--listen", "-l"], false),
        ["debugpy"] = (["--listen"], false),
        ["python"] = (["--listen"], false),
        ["python3"] = (["--listen"], false),
        ["jupyter"] = (["--ip"], false),
        ["jupyter-notebook"] = (["--ip"], false),
        ["jupyter-lab"] = (["--ip"], false),
        ["chromium"] = (["--remote-debugging-address"], false),
        ["chromium-browser"] = (["--remote-debugging-address"], false),
        ["google-chrome"] = (["--remote-debugging-address"], false),
        ["chrome"] = (["--remote-debugging-address"], false),
        ["msedge"] = (["--remote-debugging-address"], false),
        ["code-server"] = (["--bind-addr"], false),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static void RemoteControl(CommandDraft draft)
    {
        var program = draft.Program;
        if (TerminalServers.Contains(program))
        {
            draft.AddTag(ShellTags.Network);
            draft.Tag(ShellTags.Opaque, program + " serves a terminal: whoever connects runs commands nobody sees before they run");
            return;
        }

        if (!ControlPorts.TryGetValue(program, out var port) || (program is "python" or "python3" && !draft.HasArg("debugpy")))
        {
            return;
        }

        var args = draft.Args;
        for (var i = 0; i < args.Count; i++)
        {
            var text = args[i].Text;
            foreach (var option in port.Options)
            {
                if (!text.StartsWith(option, StringComparison.Ordinal) || (text.Length > option.Length && text[option.Length] != '='))
                {
                    continue;
                }

                var value = text.Length > option.Length ? text[(option.Length + 1)..]
                    : i + 1 < args.Count && !args[i + 1].Text.StartsWith('-') && option is not ("--inspect" or "--inspect-brk" or "--inspect-wait") ? args[i + 1].Text : string.Empty;
                if (port.AnyAddress || (value.Length > 0 && !IsLoopbackAddress(value)))
                {
                    draft.AddTag(ShellTags.Network);
                    draft.Tag(ShellTags.Opaque, program + " " + option + " takes commands from " + (port.AnyAddress ? "other processes" : "other hosts") + " once it runs");
                    return;
                }
            }
        }
    }

    /// <summary>
    /// True when a listen address stays on this machine: a loopback host (<c>127.0.0.1:9229</c>, <c>localhost</c>,
    /// <c>[::1]</c>), a bare port (the program's default host, loopback for these programs) or a socket path; false for
    /// <c>0.0.0.0</c>, <c>::</c>, <c>*</c>, <c>:2345</c> (every interface) and other hosts.
    /// </summary>
    private static bool IsLoopbackAddress(string value)
    {
        var address = value.Trim('\'', '"');
        if (address.Length == 0 || address.All(char.IsAsciiDigit) || address.StartsWith('/') || address.StartsWith("unix:", StringComparison.Ordinal))
        {
            return true;
        }

        if (address.StartsWith("http://", StringComparison.Ordinal) || address.StartsWith("https://", StringComparison.Ordinal))
        {
            address = address[(address.IndexOf("//", StringComparison.Ordinal) + 2)..];
        }

        var host = address.StartsWith('[') && address.IndexOf(']', StringComparison.Ordinal) is var close and > 0
            ? address[1..close]
            : address.LastIndexOf(':') is var colon and >= 0 ? address[..colon] : address;
        return host is "localhost" or "::1" || host.StartsWith("127.", StringComparison.Ordinal);
    }
}
