using System.Text.RegularExpressions;

namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Looks into code given to an interpreter (python -c, node -e, perl -e): the shell commands it runs through
/// os.system/subprocess/exec/backticks, and calls that delete trees, send data, read credentials or run downloaded code.
/// </summary>
internal static partial class CodeScanner
{
    /// <summary>String literals in the code that look like shell commands (the code may run them).</summary>
    public static IEnumerable<string> ShellStrings(string code)
    {
        var count = 0;
        code = Concatenation().Replace(code, string.Empty);
        foreach (Match list in LiteralList().Matches(code))
        {
            if (IsOtherCallsArguments(code, list.Index))
            {
                continue;
            }

            var words = StringLiteral().Matches(list.Value).Select(m => m.Groups["s"].Success ? m.Groups["s"].Value : m.Groups["d"].Value);
            if (++count <= 32)
            {
                yield return string.Join(' ', words);
            }
        }

        foreach (Match spawned in SpawnedLiteral().Matches(code))
        {
            if (++count <= 32)
            {
                yield return spawned.Groups["cmd"].Value;
            }
        }

        foreach (Match match in StringLiteral().Matches(code))
        {
            var text = match.Groups["s"].Success ? match.Groups["s"].Value : match.Groups["d"].Success ? match.Groups["d"].Value : match.Groups["b"].Value;
            if (text.Contains(' ', StringComparison.Ordinal) && ++count <= 32)
            {
                yield return text;
            }
        }
    }

    /// <summary>
    /// Calls known to take file names and modes, not a program and its arguments: <c>open('/etc/passwd', 'rb')</c>,
    /// <c>ZipFile('/tmp/a.zip', 'w')</c>. Any other call's literal list is still treated as an argv (a helper may wrap a spawn).
    /// </summary>
    private static readonly HashSet<string> FileCalls = new(StringComparer.Ordinal)
    {
        "open", "fopen", "ZipFile", "GzipFile", "BZ2File", "LZMAFile", "TarFile", "write", "writestr", "read", "print", "printf", "format", "join", "copyfile",
        "copy2", "copytree", "makedirs", "mkdir", "exists", "isfile", "isdir", "Path", "readFileSync", "writeFileSync", "appendFileSync", "createReadStream",
        "createWriteStream", "readFile", "writeFile", "File", "FileInputStream", "FileOutputStream", "compress", "decompress", "encode", "decode", "replace", "split",
    };

    /// <summary>
    /// True when the literal list at <paramref name="index"/> opens with <c>(</c> right after the name of a call that
    /// opens or names files (<see cref="FileCalls"/>): its literals are that call's arguments, not an argv.
    /// </summary>
    private static bool IsOtherCallsArguments(string code, int index)
    {
        if (code[index] != '(')
        {
            return false;
        }

        var end = index;
        while (end > 0 && code[end - 1] is ' ' or '\t')
        {
            end--;
        }

        var start = end;
        while (start > 0 && (char.IsAsciiLetterOrDigit(code[start - 1]) || code[start - 1] == '_'))
        {
            start--;
        }

        return start < end && FileCalls.GetAlternateLookup<ReadOnlySpan<char>>().Contains(code.AsSpan(start, end - start));
    }

    /// <summary>Tags what the code does through its own APIs.</summary>
    public static void Scan(CommandDraft draft, string code)
    {
        if (Destructive().Match(code) is { Success: true } destructive)
        {
            draft.Tag(ShellTags.Destructive, "code calls " + destructive.Value);
        }

        if (Exfiltration().Match(code) is { Success: true } exfiltration)
        {
            draft.Tag(ShellTags.Exfiltration, "code calls " + exfiltration.Value);
        }

        if (RemoteCode().Match(code) is { Success: true } remote)
        {
            draft.Tag(ShellTags.RemoteCode, "code runs downloaded or decoded code: " + remote.Value);
        }
        else if (code.Contains("ex", StringComparison.OrdinalIgnoreCase) && PowerShellRemoteCode().Match(code) is { Success: true } cradle)
        {
            draft.Tag(ShellTags.RemoteCode, "PowerShell runs downloaded or decoded code: " + cradle.Value);
        }
        else if (code.Contains("://", StringComparison.Ordinal) && EvalOfFetched().Match(code) is { Success: true } fetched)
        {
            draft.Tag(ShellTags.RemoteCode, "code evaluates what it fetches from a URL: " + fetched.Value);
        }

        if (PathRules.CredentialInText(code) is { } credential)
        {
            draft.Tag(ShellTags.CredentialAccess, "code touches " + credential);
        }

        var spawn = Spawn().Match(code);
        if (spawn.Success && !(spawn.Value.StartsWith("exec", StringComparison.Ordinal) && draft.Program.StartsWith("python", StringComparison.Ordinal)))
        {
            draft.Tag(ShellTags.Opaque, "code starts other programs (" + spawn.Value.Trim() + "): what they do is decided as the code runs");
        }

        var shell = SpawnsShell().Match(code);
        if (!shell.Success)
        {
            shell = ShellPathInCode().Match(code);
        }

        if (shell.Success)
        {
            draft.Tag(ShellTags.Opaque, "code starts a shell or runs a command it builds: " + shell.Value);
        }

        if (draft.Program == "osascript")
        {
            AppleScript(draft, code);
        }
    }

    /// <summary>
    /// AppleScript acts through the applications it tells: Finder deletes, Terminal and <c>do shell script</c> run
    /// commands, a dialog with a hidden answer asks for a password, System Events types keys into other windows.
    /// </summary>
    private static void AppleScript(CommandDraft draft, string code)
    {
        if (AppleScriptDelete().Match(code) is { Success: true } delete)
        {
            draft.Tag(ShellTags.Destructive, "AppleScript " + delete.Value);
        }

        if (AppleScriptRuns().Match(code) is { Success: true } runs)
        {
            draft.Tag(ShellTags.Opaque, "AppleScript runs a command outside this guard: " + runs.Value);
        }

        if (code.Contains("hidden answer", StringComparison.OrdinalIgnoreCase))
        {
            draft.Tag(ShellTags.CredentialAccess, "AppleScript asks for a password in its own dialog");
        }

        if (code.Contains("administrator privileges", StringComparison.OrdinalIgnoreCase))
        {
            draft.Tag(ShellTags.Privilege, "AppleScript asks for administrator privileges");
        }
    }

    [GeneratedRegex(@"\b(?:delete|erase)\s+(?:POSIX\s+)?(?:file|folder|disk\s+item|alias|every|items?|contents|disk)\b|\bempty\s+(?:the\s+)?trash\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex AppleScriptDelete();

    [GeneratedRegex(@"\bdo\s+(?:shell\s+)?script\b|\bkeystroke\b|\bkey\s+code\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex AppleScriptRuns();

    /// <summary><c>'r' + 'm -rf ~'</c> and <c>"a" . "b"</c>: adjacent literals joined at run time are joined here too.</summary>
    [GeneratedRegex(@"['""]\s*(?:\+|\.)\s*['""]", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Concatenation();

    /// <summary>An argument list of literals, <c>['rm', '-rf', '/']</c> or <c>("rm", "-rf", "/")</c>: the argv a spawn call runs.</summary>
    [GeneratedRegex(@"[\[(]\s*(?:(?:'[^'\\]*'|""[^""\\]*"")\s*,\s*)+(?:'[^'\\]*'|""[^""\\]*"")\s*,?\s*[\])]", RegexOptions.CultureInvariant, 200)]
    private static partial Regex LiteralList();

    /// <summary>A process-spawning call given a shell, or given something other than one literal string.</summary>
    [GeneratedRegex(@"(?:\b(?:system|exec|execSync|spawn|spawnSync|popen|Popen|call|check_output|run|shell_exec|passthru|proc_open|execute|callCommand|Process\.Start|esyscmd|syscmd|run-shell-command)\s*\(?\s*[""']?(?:/usr)?(?:/local)?/bin/(?:ba|da|z|k)?sh\b)|\bexec\s+[""']/bin/(?:ba|da|z)?sh|\b(?:os\.system|subprocess\.\w+|child_process|IO\.popen|Kernel\.system|os\.execute|shell_exec)\s*\(\s*[a-zA-Z_$][\w.]*\s*[,)]|/inet/tcp|fsockopen|TCPSocket|PF_INET|Sockets\.connect|connect\(""[\w.]+"",", RegexOptions.CultureInvariant, 200)]
    private static partial Regex SpawnsShell();

    [GeneratedRegex(@"(?<![\w-])(?:/usr)?(?:/local)?/bin/(?:ba|da|z|k|c|tc|fi|a|mk|y)?sh\b", RegexOptions.CultureInvariant, 200)]
    private static partial Regex ShellPathInCode();

    /// <summary>
    /// A call that starts another program, in the common scripting languages: <c>os.system</c>, <c>subprocess</c>,
    /// <c>pty.spawn</c>, <c>child_process</c>, <c>system</c>/<c>exec</c>/<c>popen</c>, backticks and <c>%x</c> in code,
    /// <c>shell_exec</c>, <c>os.execute</c>, <c>Runtime.exec</c>, <c>ProcessBuilder</c>, <c>Process.Start</c>, awk's <c>"cmd" | getline</c>.
    /// </summary>
    [GeneratedRegex(@"\b(?:os\.(?:system|popen|exec\w*|spawn\w*|posix_spawn\w*)|subprocess\.\w+|pty\.spawn|commands\.getoutput|child_process|execSync|execFileSync|spawnSync|Bun\.spawn|Deno\.(?:run|Command)|IO\.popen|Kernel\.(?:system|exec|spawn)|Open3|shell_exec|passthru|proc_open|pcntl_exec|popen|os\.execute|io\.popen|getRuntime\(\)\.exec|ProcessBuilder|Process\.Start|callCommand|readProcess|run-shell-command|shell-command|run-program|System\.cmd|os:cmd|sys\.process|shell/sh|system|exec|spawn)\s*[(""'\[{]|\.execute\(\)|\(system\s+""|%x[({\[]|`[^`]+`|""[^""]*""\s*\|&?\s*getline|\bprint[^|;]*\|&?\s*""", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Spawn();

    /// <summary>The literal command given to a spawning call, even one word long (<c>system("reboot")</c>).</summary>
    [GeneratedRegex(@"\b(?:system|popen|shell_exec|passthru|exec|execSync|spawn|spawnSync|execute|getoutput|check_output|check_call|call|run|Popen|callCommand)\s*\(?\s*[""'](?<cmd>[^""'\\]+)[""']", RegexOptions.CultureInvariant, 200)]
    private static partial Regex SpawnedLiteral();

    [GeneratedRegex(@"'(?<s>[^'\\]*(?:\\.[^'\\]*)*)'|""(?<d>[^""\\]*(?:\\.[^""\\]*)*)""|`(?<b>[^`]*)`", RegexOptions.CultureInvariant, 200)]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(shutil\.rmtree|rmSync|rimraf|File::Path::remove_tree|rmtree|FileUtils\.rm_rf)\s*\(?\s*['""](/|~|\.\.?['""/])|(os\.(remove|unlink)|\bunlink|unlinkSync|File\.delete)\s*\(?\s*(glob\s*\(?\s*)?['""](/etc|/usr|/boot|/var|/bin|/lib|~)", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Destructive();

    [GeneratedRegex(@"requests\.(post|put|patch)|https?""\)\.request\(|\bhttps?\.request\(|urlopen\s*\([^)]*data\s*=|http\.client|socket\.(socket|create_connection|tcp|udp|connect|bind)|WEBrick|SimpleHTTPRequestHandler|socketserver|HTTPServer|require\s*\(?\s*[""']socket|[""']?method[""']?\s*(?:=>|=)\s*[""'](POST|PUT|PATCH)|\.connect\s*\(\s*\(|IO::Socket|Net::HTTP\.post|method\s*:\s*['""](POST|PUT|PATCH)['""]|net\.connect|smtplib|ftplib|paramiko|stream_socket_(?:client|server)|socket_(?:create|connect|bind)|java\.net\.Socket|new\s+Socket\s*\(|TCPServer|TCPSocket|UDPSocket|createServer|\.bind\s*\(\s*\(", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 200)]
    private static partial Regex Exfiltration();

    [GeneratedRegex(@"(exec|eval)\s*\(\s*(urllib|requests|urlopen|base64|b64decode|atob|Buffer\.from|compile|__import__|fetch|http|marshal|zlib|codecs)|__import__\s*\(\s*['""]base64|(exec|eval)\s*\(.{0,80}(b64decode|urlopen|requests\.get|fetch\(|atob\()", RegexOptions.CultureInvariant, 200)]
    private static partial Regex RemoteCode();

    /// <summary>
    /// Any language's eval of what it fetches from a URL: an evaluating call whose argument names a URL
    /// (<c>eval(file_get_contents('http://…'))</c>, <c>eval(URI.open('https://…').read)</c>, <c>eval(get("http://…"))</c>),
    /// <c>fetch(url)….then(eval)</c>, and a fetch of a URL literal followed later by an eval (<c>$c = file_get_contents('http://…'); eval($c);</c>).
    /// </summary>
    [GeneratedRegex(@"\b(?:eval|exec|instance_eval|class_eval|module_eval|Function|runInThisContext|runInNewContext|loadstring)\s*\(.{0,160}?\b(?:https?|ftp)://|\.then\s*\(\s*eval\s*\)|\b(?:fetch|urlopen|file_get_contents|open|get|getstore|get_contents|http\.get|https\.get|request|Net::HTTP\.get|HTTP::Tiny->new->get|URI)\s*\(\s*(?:URI\s*\(\s*)?['""](?:https?|ftp)://.{0,300}?\b(?:eval|exec|instance_eval|runInThisContext|loadstring)\b", RegexOptions.CultureInvariant | RegexOptions.Singleline, 200)]
    private static partial Regex EvalOfFetched();

    /// <summary>
    /// PowerShell's download-and-run idioms: <c>iex</c>/<c>Invoke-Expression</c> given what <c>Net.WebClient</c>,
    /// <c>Invoke-WebRequest</c>/<c>iwr</c>, <c>Invoke-RestMethod</c>/<c>irm</c> fetch or <c>FromBase64String</c> decodes,
    /// either way round (<c>iwr URL | iex</c>). Case-insensitive, as PowerShell is.
    /// </summary>
    [GeneratedRegex(@"\b(iex|Invoke-Expression)\b.{0,200}?(Download(String|Data|File)|Net\.WebClient|Invoke-WebRequest|Invoke-RestMethod|\b(iwr|irm|wget|curl)\b|FromBase64String)|(Download(String|Data)|Invoke-WebRequest|Invoke-RestMethod|\b(iwr|irm)\b|FromBase64String).{0,300}?\|\s*(iex|Invoke-Expression)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, 200)]
    private static partial Regex PowerShellRemoteCode();
}
