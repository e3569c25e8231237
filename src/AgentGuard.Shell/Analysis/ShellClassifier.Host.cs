namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Administration of the host that no project needs: user accounts, firewall rules, the system proxy and DNS, trust in
/// code and certificates; capture of what the user types, sees, copies or says and of the network's traffic; and
/// well-known credential-dumping, password-guessing and remote-execution tools. Each program is decided by its verb or
/// options from a table: reads (<c>iptables -L</c>, <c>pw usershow</c>, <c>tcpdump -r</c>) are left alone.
/// </summary>
internal static partial class ShellClassifier
{
    /// <summary>The programs <see cref="HostChange"/> decides; any other is passed over without looking at its words.</summary>
    private static readonly HashSet<string> HostPrograms = new(StringComparer.Ordinal)
    {
        "userdel", "deluser", "groupdel", "delgroup", "groupmod", "addgroup", "dsenableroot", "chsh", "chfn", "vipw", "vigr", "newusers", "ldapadd", "ldapmodify",
        "ldapdelete", "ldappasswd", "ldapmodrdn", "smbpasswd", "pdbedit", "pw", "dscl", "dseditgroup", "sysadminctl", "iptables", "ip6tables", "iptables-legacy",
        "iptables-nft", "ip6tables-legacy", "ip6tables-nft", "ebtables", "arptables", "iptables-restore", "ip6tables-restore", "iptables-legacy-restore",
        "iptables-nft-restore", "nft", "ufw", "pfctl", "firewall-cmd", "firewall-offline-cmd", "ipfw", "socketfilterfw", "networksetup", "scutil", "xattr",
        "update-ca-certificates", "update-ca-trust", "trust", "security", "certutil", "date", "gdate", "timedatectl", "hwclock", "systemsetup",
    };

    private static readonly HashSet<string> ScreenCapturePrograms = new(StringComparer.Ordinal)
    {
        "screencapture", "scrot", "gnome-screenshot", "grim", "maim", "spectacle", "flameshot", "xfce4-screenshooter", "arecord", "parec", "pw-record", "rec",
        "pbpaste", "wl-paste", "logkeys", "showkey", "keylogger", "tcpdump", "tshark", "dumpcap", "tcpflow", "ngrep", "ettercap", "bettercap", "termshark",
    };

    private static void HostAdministration(CommandDraft draft)
    {
        var program = draft.Program;
        if (HostChange(draft, program) is { } change)
        {
            draft.Tag(ShellTags.Privilege, program + " " + change);
        }

        if (Capture(draft, program) is { } capture)
        {
            draft.Tag(ShellTags.CredentialAccess, program + " " + capture);
        }

        if (AttackToolName(draft) is { } tool)
        {
            draft.Tag(ShellTags.CredentialAccess, tool + " is a credential-dumping, password-guessing or remote-execution tool");
        }
    }

    /// <summary>What <paramref name="program"/> changes on the host, or null when it only reads.</summary>
    private static string? HostChange(CommandDraft draft, string program)
    {
        if (!HostPrograms.Contains(program))
        {
            return null;
        }

        var operands = draft.OperandTexts();
        var first = operands.Count > 0 ? operands[0] : string.Empty;
        return program switch
        {
            "userdel" or "deluser" or "groupdel" or "delgroup" or "groupmod" or "addgroup" or "dsenableroot" or "chsh" or "chfn" or "vipw" or "vigr" or "newusers"
                or "ldapadd" or "ldapmodify" or "ldapdelete" or "ldappasswd" or "ldapmodrdn" or "smbpasswd" or "pdbedit" => "changes user accounts",
            "pw" when first.Length > 0 && !first.EndsWith("show", StringComparison.Ordinal) && first is not ("usernext" or "groupnext") => "changes user accounts",
            "dscl" when draft.Args.Exists(a => a.Text is "-create" or "-delete" or "-append" or "-merge" or "-change" or "-changei" or "-passwd" or "create" or "delete" or "append" or "merge" or "passwd") => "changes directory-service accounts",
            "dseditgroup" when draft.Args.Exists(a => a.Text is "edit" or "create" or "delete") => "changes group membership",
            "sysadminctl" when draft.Args.Exists(a => a.Text.StartsWith("-add", StringComparison.Ordinal) || a.Text.StartsWith("-delete", StringComparison.Ordinal) || a.Text.StartsWith("-reset", StringComparison.Ordinal) || a.Text is "-guestAccount" or "-adminUser" or "-secureTokenOn" or "-secureTokenOff" or "-autologin") => "changes user accounts",
            "iptables" or "ip6tables" or "iptables-legacy" or "iptables-nft" or "ip6tables-legacy" or "ip6tables-nft" or "ebtables" or "arptables" when draft.Args.Exists(a => IsIptablesChange(a.Text)) => "changes the firewall",
            "iptables-restore" or "ip6tables-restore" or "iptables-legacy-restore" or "iptables-nft-restore" => "replaces the firewall rules",
            "nft" when first is "add" or "delete" or "flush" or "insert" or "replace" or "create" or "destroy" or "reset" || draft.HasArg("-f") => "changes the firewall",
            "ufw" when first.Length > 0 && first is not ("status" or "show" or "version" or "app" or "help") => "changes the firewall",
            "pfctl" when draft.Args.Exists(a => a.Text.Length > 1 && a.Text[0] == '-' && a.Text[1] != '-' && a.Text.AsSpan(1).IndexOfAny("fdeFkK") >= 0) || draft.Args.Exists(a => a.Text is "add" or "delete" or "flush" or "replace" or "kill") => "changes the firewall",
            "firewall-cmd" or "firewall-offline-cmd" when draft.Args.Exists(a => a.Text.StartsWith("--add-", StringComparison.Ordinal) || a.Text.StartsWith("--remove-", StringComparison.Ordinal) || a.Text.StartsWith("--set-", StringComparison.Ordinal) || a.Text.StartsWith("--new-", StringComparison.Ordinal) || a.Text.StartsWith("--delete-", StringComparison.Ordinal) || a.Text.StartsWith("--change-", StringComparison.Ordinal) || a.Text.StartsWith("--panic", StringComparison.Ordinal) || a.Text is "--reload" or "--complete-reload" or "--runtime-to-permanent" or "--direct") => "changes the firewall",
            "ipfw" when first is "add" or "delete" or "flush" or "disable" or "enable" or "zero" or "set" || draft.HasArg("-f") => "changes the firewall",
            "socketfilterfw" when draft.Args.Exists(a => a.Text.StartsWith("--set", StringComparison.Ordinal) || a.Text is "--add" or "--remove" or "--block" or "--unblock" or "--blockapp" or "--unblockapp") => "changes the application firewall",
            "networksetup" when draft.Args.Exists(a => a.Text.StartsWith("-set", StringComparison.Ordinal) || a.Text.StartsWith("-create", StringComparison.Ordinal) || a.Text.StartsWith("-remove", StringComparison.Ordinal) || a.Text.StartsWith("-delete", StringComparison.Ordinal) || a.Text.StartsWith("-add", StringComparison.Ordinal)) => "changes the system's network settings (proxy, DNS, services)",
            "scutil" when draft.HasArg("--set") => "changes the system's names",
            "xattr" when draft.Args.Exists(a => a.Text.StartsWith('-') && !a.Text.StartsWith("--", StringComparison.Ordinal) && a.Text.AsSpan(1).IndexOfAny('d', 'c') >= 0) && (operands.Contains("com.apple.quarantine") || draft.Args.Exists(a => a.Text.StartsWith('-') && a.Text.Contains('c', StringComparison.Ordinal))) => "removes the quarantine flag, so Gatekeeper does not check the download",
            "update-ca-certificates" or "update-ca-trust" when !draft.HasArg("--help") => "trusts the certificates added to the system store",
            "trust" when first is "anchor" => "trusts a new root certificate",
            "security" when first is "add-trusted-cert" or "trust-settings-import" or "authorizationdb" => "changes what the system trusts",
            "certutil" when draft.HasArg("-A") => "adds a trusted certificate",
            "date" or "gdate" when draft.HasArg("-s") || draft.Args.Exists(a => a.Text == "--set" || a.Text.StartsWith("--set=", StringComparison.Ordinal)) || SetsClockByOperand(draft) => "sets the system clock",
            "timedatectl" when first.StartsWith("set-", StringComparison.Ordinal) => "changes the system clock, time zone or time synchronisation",
            "hwclock" when draft.Args.Exists(a => a.Text is "--set" or "--systohc" or "-w" or "--hctosys" or "-s" or "--adjust" or "-a") => "sets the hardware or system clock",
            "systemsetup" when draft.Args.Exists(a => a.Text.StartsWith("-set", StringComparison.Ordinal)) => "changes the system's settings (clock, time zone, remote login…)",
            _ => null,
        };
    }

    /// <summary>
    /// <c>date MMDDhhmm[[CC]YY][.ss]</c>: an operand of eight or more digits (with an optional <c>.ss</c>) sets the clock;
    /// <c>+FORMAT</c> prints it, and the values of <c>-d</c>, <c>-r</c> and <c>-f</c> (<c>date -d 20221031</c>) are dates to print.
    /// </summary>
    private static bool SetsClockByOperand(CommandDraft draft)
    {
        var args = draft.Args;
        for (var i = 0; i < args.Count; i++)
        {
            var text = args[i].Text;
            if (text is "-d" or "--date" or "-r" or "--reference" or "-f" or "--file")
            {
                i++;
                continue;
            }

            var digits = text.Length > 3 && text[^3] == '.' ? text[..^3] : text;
            if (digits.Length >= 8 && digits.All(char.IsAsciiDigit))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>-A</c>, <c>-I</c>, <c>-D</c>, <c>-R</c>, <c>-F</c>, <c>-X</c>, <c>-P</c>, <c>-Z</c>, <c>-N</c>, <c>-E</c> and their long forms change a table; <c>-L</c>, <c>-S</c> read it.</summary>
    private static bool IsIptablesChange(string text)
        => text is "-A" or "-I" or "-D" or "-R" or "-F" or "-X" or "-P" or "-Z" or "-N" or "-E" or "--append" or "--insert" or "--delete" or "--replace" or "--flush"
            or "--delete-chain" or "--policy" or "--zero" or "--new-chain" or "--rename-chain";

    /// <summary>What <paramref name="program"/> captures of the user's input, screen, clipboard, sound or network traffic, or null.</summary>
    private static string? Capture(CommandDraft draft, string program)
    {
        if (ScreenCapturePrograms.Contains(program))
        {
            var readsSaved = program is "tcpdump" or "tshark" or "ngrep" or "tcpflow" or "termshark" && (draft.HasFlag('r') || draft.HasFlag('I') && program == "ngrep");
            return readsSaved || OnlyListsOrHelps(draft) ? null : "captures the user's screen, sound, clipboard, keys or network traffic";
        }

        return program switch
        {
            "import" when draft.Args.Exists(a => a.Text is "-window" or "-screen") && draft.HasArg("root") => "captures the screen",
            "xwd" when draft.HasArg("-root") || draft.HasArg("-screen") => "captures the screen",
            "ffmpeg" or "avconv" when draft.Args.Exists(a => a.Text is "x11grab" or "avfoundation" or "gdigrab" or "alsa" or "pulse" or "kmsgrab" or "v4l2" or "dshow") => "records the screen, camera or microphone",
            "sox" when draft.HasFlag('d') => "records the microphone",
            "xclip" when draft.Args.Exists(a => a.Text is "-o" or "-out") => "reads the clipboard",
            "xsel" when draft.Args.Exists(a => a.Text is "-o" or "--output") => "reads the clipboard",
            "xinput" when draft.Args.Exists(a => a.Text is "test" or "test-xi2" or "--test" or "--test-xi2") => "records the keyboard",
            "trap" when draft.OperandTexts() is { Count: >= 2 } signals && signals.Skip(1).Any(s => s is "DEBUG" or "SIGDEBUG") => "runs code before every later command, which records what runs",
            _ => null,
        };
    }

    /// <summary>True for <c>-D</c>/<c>--list-interfaces</c>, help and version: the program captures nothing. A loop, not a lambda over <paramref name="draft"/>: this runs for every command.</summary>
    private static bool OnlyListsOrHelps(CommandDraft draft)
    {
        foreach (var arg in draft.Args)
        {
            if (arg.Text is "-D" or "--list-interfaces" or "-h" or "--help" or "--version" || (arg.Text is "-v" && draft.Args.Count == 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name of a known attack tool the command runs (the program, or the script an interpreter runs), or null.</summary>
    private static string? AttackToolName(CommandDraft draft)
    {
        if (ToolName(draft.Program) is { } direct)
        {
            return direct;
        }

        if (!draft.HasTag(ShellTags.ScriptFile) && !CommandUnwrapper.Shells.Contains(draft.Program) && !draft.Program.StartsWith("python", StringComparison.Ordinal) && draft.Program is not ("perl" or "ruby"))
        {
            return null;
        }

        var operands = draft.Operands();
        return operands.Count > 0 ? ToolName(Path.GetFileName(operands[0].Text)) : null;
    }

    /// <summary>The tool's name when <paramref name="name"/> (extension aside) is a known attack tool; compares without allocating, as this runs for every command.</summary>
    private static string? ToolName(string name)
    {
        var stem = name.AsSpan();
        var dot = stem.LastIndexOf('.');
        if (dot > 0 && stem[(dot + 1)..] is "py" or "sh" or "pl" or "rb" or "exe" or "ps1")
        {
            stem = stem[..dot];
        }

        // Credential dumpers, password guessers and remote-execution kits, in the spellings their projects use. A
        // switch over the span: no lookup structure, nothing allocated for the ordinary programs every line runs.
        return stem.StartsWith("impacket-", StringComparison.Ordinal) || stem is "lazagne" or "laZagne" or "LaZagne" or "mimipenguin" or "MimiPenguin" or "mimikatz" or "pypykatz"
            or "secretsdump" or "psexec" or "smbexec" or "wmiexec" or "atexec" or "dcomexec" or "GetUserSPNs" or "GetNPUsers" or "crackmapexec" or "cme" or "nxc" or "netexec"
            or "responder" or "Responder" or "hydra" or "medusa" or "ncrack" or "patator" or "kerbrute" or "dumpkeychain" or "chainbreaker"
            ? name
            : null;
    }
}
