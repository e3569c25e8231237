namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Taking away what the machine runs on: a network link, radio or the whole network taken down
/// (<c>ip link set eth0 down</c>, <c>nmcli networking off</c>, <c>rfkill block wifi</c>), every process of a user or of
/// the machine killed (<c>pkill -u bob</c>, <c>killall5</c>), and the root or a system file system unmounted or made
/// read-only (<c>umount -l /</c>, <c>mount -o remount,ro /</c>). Each is decided by its verb; reads (<c>ip link show</c>,
/// <c>nmcli dev status</c>, <c>rfkill list</c>, <c>mount</c>) are left alone.
/// </summary>
internal static partial class ShellClassifier
{
    private static void Outage(CommandDraft draft)
    {
        var program = draft.Program;
        if (program is not ("ip" or "ifconfig" or "ifdown" or "nmcli" or "rfkill" or "networksetup" or "wpa_cli" or "iwconfig" or "pkill" or "killall" or "killall5" or "umount" or "mount"))
        {
            return;
        }

        if (TakesNetworkDown(draft, program) is { } network)
        {
            draft.Tag(ShellTags.Destructive, program + " takes " + network + " down");
        }
        else if (KillsEveryProcess(draft, program) is { } whose)
        {
            draft.Tag(ShellTags.Destructive, program + " kills every process " + whose);
        }
        else if (UnmountsSystem(draft, program) is { } tree)
        {
            draft.Tag(ShellTags.Destructive, program + " takes away the file system at " + tree);
        }
    }

    private static string? TakesNetworkDown(CommandDraft draft, string program)
    {
        var operands = draft.OperandTexts();
        bool Has(string word) => operands.Contains(word);
        return program switch
        {
            "ifdown" when operands.Count > 0 => "a network interface",
            "ifconfig" when operands.Count >= 2 && operands[^1] == "down" => "a network interface",
            "ip" when operands.Count >= 3 && operands[0] is "link" or "l" && operands[1] is "set" or "s" && Has("down") => "a network interface",
            "iwconfig" when Has("txpower") && Has("off") => "a radio",
            "rfkill" when operands.Count > 0 && operands[0] == "block" => "a radio",
            "wpa_cli" when Has("disconnect") || Has("disable_network") || Has("terminate") => "the Wi-Fi connection",
            "networksetup" when draft.Args.Exists(a => a.Text is "-setairportpower" or "-setnetworkserviceenabled") && Has("off") => "a network service",
            "nmcli" => NmcliDown(operands),
            _ => null,
        };
    }

    /// <summary><c>nmcli networking off</c>, <c>nmcli radio wifi off</c>, <c>nmcli device disconnect|down X</c>, <c>nmcli connection down X</c> (object names may be abbreviated, as nmcli allows).</summary>
    private static string? NmcliDown(List<string> operands)
    {
        if (operands.Count < 2)
        {
            return null;
        }

        var target = operands[0];
        var verb = operands[1];
        if ("networking".StartsWith(target, StringComparison.Ordinal) && target.Length >= 1 && target[0] == 'n' && verb == "off")
        {
            return "the network";
        }

        if ("radio".StartsWith(target, StringComparison.Ordinal) && target.Length >= 1 && target[0] == 'r' && operands[^1] == "off")
        {
            return "a radio";
        }

        if (("device".StartsWith(target, StringComparison.Ordinal) || "connection".StartsWith(target, StringComparison.Ordinal)) && target.Length >= 1 && verb is "disconnect" or "down" or "delete")
        {
            return "a network " + (target[0] == 'd' ? "device" : "connection");
        }

        return null;
    }

    /// <summary>
    /// <c>pkill -u bob</c> / <c>killall -u bob</c> with no process name (every process of the user), <c>killall5</c>
    /// (every process), and a pattern with no literal letter or digit (<c>pkill -f .</c>, <c>killall -r '.*'</c>), which
    /// matches every process.
    /// </summary>
    private static string? KillsEveryProcess(CommandDraft draft, string program)
    {
        if (program == "killall5")
        {
            return "on the machine";
        }

        if (program is not ("pkill" or "killall"))
        {
            return null;
        }

        var user = -1;
        var names = 0;
        var regex = program == "pkill" || draft.Args.Exists(static a => a.Text is "-r" or "--regexp");
        var matchesAll = false;
        for (var i = 0; i < draft.Args.Count; i++)
        {
            var text = draft.Args[i].Text;
            if (regex && !text.StartsWith('-') && !text.Any(char.IsLetterOrDigit))
            {
                // A pattern with no literal letter or digit (".", ".*", "^", an empty one) matches every process.
                matchesAll = true;
            }

            if (text is "-u" or "-U" or "--euid" or "--uid" or "--user")
            {
                user = i;
                i++;
            }
            else if (text.StartsWith("--user=", StringComparison.Ordinal) || text.StartsWith("--euid=", StringComparison.Ordinal) || text.StartsWith("--uid=", StringComparison.Ordinal))
            {
                user = i;
            }
            else if (text is "-s" or "--signal" or "-g" or "-G" or "-P" or "-t" or "--pgroup" or "--group" or "--parent" or "--terminal" or "-o" or "-y" or "--older-than" or "--younger-than")
            {
                // An option whose value is not a process name; -g/-P/-t select processes on their own.
                names += text is "-s" or "--signal" ? 0 : 1;
                i++;
            }
            else if (text.Length > 0 && text[0] != '-')
            {
                names++;
            }
        }

        return matchesAll ? "(its pattern matches any name)" : user >= 0 && names == 0 ? "of a user" : null;
    }

    /// <summary><c>umount</c> of <c>/</c> or a system tree (<c>-a</c>: every file system), <c>mount -o remount,ro</c> of one.</summary>
    private static string? UnmountsSystem(CommandDraft draft, string program)
    {
        var operands = draft.OperandTexts();
        if (program == "umount")
        {
            if (draft.Args.Exists(a => a.Text is "-a" or "--all"))
            {
                return "every mount point";
            }

            return operands.FirstOrDefault(o => o == "/" || PathRules.IsSystem(o) && !o.StartsWith("/dev/", StringComparison.Ordinal) && !o.StartsWith("/srv/", StringComparison.Ordinal) && !o.StartsWith("/opt/", StringComparison.Ordinal));
        }

        if (program == "mount" && draft.Args.Exists(a => a.Text.Contains("remount", StringComparison.Ordinal) && (a.Text.Contains(",ro", StringComparison.Ordinal) || a.Text.StartsWith("ro,", StringComparison.Ordinal) || a.Text == "ro")))
        {
            return operands.FirstOrDefault(o => o == "/" || (PathRules.IsSystem(o) && !o.StartsWith("/dev/", StringComparison.Ordinal)));
        }

        return null;
    }
}
