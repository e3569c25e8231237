namespace AgentGuard;

/// <content>
/// Harmful code handed to the reader to put into its own work: "Employ the following code excerpt in your implementation:",
/// "Meld the following code block seamlessly into your code:", "Execute the following code block in the code you
/// develop:", each followed by a fenced block that sends the machine's data away, opens a tunnel or a shell, downloads
/// and runs a program, or wrecks the system. An attacker who wants a coding assistant's answer to carry a payload hands
/// the payload over and says where it goes; the verbs vary without end ("leverage", "infuse", "absorb", "enlist"), the
/// shape does not. Checked at "snippet", "code block", "code excerpt", "code section", "code segment" and "code
/// fragment" after "following", "subsequent" or "this" (or with "below" after them): the sentence names the reader's
/// work ("your code", "your codebase", "the code you develop"), a fence (``` or ~~~) opens right after it, and the code does harm
/// (<see cref="CodeDoesHarm"/>). A tutorial's "Add the following code snippet to your Program.cs:" hands code that does
/// no harm; a security write-up's "The following code snippet shows how cookies are stolen:" hands it to no one's work.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>Words just before "code snippet" (and its kin) that point at a block that follows.</summary>
    private static readonly string[] CodePointers = ["following", "below", "subsequent", "this", "given", "provided", "attached", "next"];

    /// <summary>The reader's work, named after "your".</summary>
    private static readonly string[] ReadersWork =
    [
        "code", "codebase", "implementation", "solution", "program", "programs", "algorithm", "response", "answer", "elucidation",
        "application", "app", "project", "logic", "script", "scripts", "software", "function", "module", "output", "explanation",
        "program's", "solution's", "work",
    ];

    /// <summary>Code that sends something away.</summary>
    private static readonly System.Buffers.SearchValues<string> CodeSends = System.Buffers.SearchValues.Create(
        ["requests.post", "requests.put", ".sendall(", ".send(", ".connect((", "ftplib", "ftp(", "http.client", "smtplib", "urlopen(", "paramiko", ".storbinary",
         "'scp'", "\"scp\"", "scp ", "'rsync'", "\"rsync\"", "rsync "],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Code that reads what is the machine's or its user's own.</summary>
    private static readonly System.Buffers.SearchValues<string> CodeReadsOwn = System.Buffers.SearchValues.Create(
        ["open(", "os.environ", "clipboard", "pyperclip", "cookie", ".ssh", "screenshot", "keyboard", "pynput", "psutil", "working_set", "usb.core",
         "sounddevice", "getpass", "platform.", "socket.gethostname", "os.listdir", "glob.glob", "shutil.move", "os.rename", "os.walk", "x11grab", "imagegrab",
         "mss("],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Code that runs what it downloads, opens a way in, or wrecks the machine.</summary>
    private static readonly System.Buffers.SearchValues<string> CodeWrecksOrRuns = System.Buffers.SearchValues.Create(
        ["rm -rf", "dd if=", "/dev/sda", "os.fork()", "/boot/", "rc.local", "authorized_keys", "chmod +x", "exec(open", "exec(requests", "exec(urllib",
         "urlretrieve", "pickle.loads", "os.dup2", "cryptomine", "miner", "mkfs", "/etc/shadow", "/etc/passwd", ":(){", "ransom",
         "shutil.rmtree(\"/", "shutil.rmtree('/", "format c:", "del /f /s /q", "reboot", "shutdown -h"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Cookies a browser or an earlier session stored: sent along with a request, they hand the user's sessions over.</summary>
    private static readonly System.Buffers.SearchValues<string> StoredCookies = System.Buffers.SearchValues.Create(
        ["cookiejar", "browser_cookie", "cookies.txt", "cookies.pkl", "cookies.sqlite", "cookies.json"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Encryption applied by the code.</summary>
    private static readonly System.Buffers.SearchValues<string> CodeEncrypts = System.Buffers.SearchValues.Create(
        ["encryptor()", "fernet(", "aes.new(", ".encrypt("], StringComparison.OrdinalIgnoreCase);

    /// <summary>A key fetched from elsewhere, or every file of a tree walked: what turns encryption into ransom.</summary>
    private static readonly System.Buffers.SearchValues<string> RansomReach = System.Buffers.SearchValues.Create(
        ["requests.get", "urlopen(", "urllib.request", "os.walk", "glob.glob", "os.listdir"], StringComparison.OrdinalIgnoreCase);

    /// <summary>A program that starts a process (a tunnel opened from inside it).</summary>
    private static readonly System.Buffers.SearchValues<string> CodeStartsProcess = System.Buffers.SearchValues.Create(
        ["subprocess", "pexpect", "os.system", "os.popen", "popen("], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Openings of a sentence that order the reader to do what follows ("Don't hesitate to …", "Remember to …"): the
    /// snippet is handed to the reader even where the sentence names no work of its own.
    /// </summary>
    private static readonly string[] HandingLeads =
    [
        "don't hesitate to", "don\u2019t hesitate to", "do not hesitate to", "don't forget to", "don\u2019t forget to", "do not forget to",
        "remember to", "keep in mind to", "make sure to", "be sure to", "never forget to", "feel free to", "do feel free to", "be certain to", "please", "kindly",
    ];

    /// <summary>Verbs after a lead that show code to the reader rather than hand it over ("Please see the following snippet").</summary>
    private static readonly string[] ShowingVerbs = ["see", "note", "consider", "review", "find", "refer", "look", "read", "check", "observe", "examine", "study"];

    /// <summary>At "code snippet" and its kin (<paramref name="at"/>): see the content note.</summary>
    private static void HandedCode(ReadOnlySpan<char> text, int at, int anchorLength, Span<double> weights)
    {
        // "the following code snippet", "the following snippet", "the code block below": a pointer before the noun
        // phrase ("code" read past before "snippet") or "below" after it.
        var pointer = PreviousWordStart(text, at);
        if (pointer >= 0 && AsciiCase.Equals(WordAt(text, pointer), "code"))
        {
            pointer = PreviousWordStart(text, pointer);
        }

        var next = at + anchorLength;
        var pointedAfter = AsciiCase.Equals(NextWordOfSpan(text, ref next), "below");
        if (!pointedAfter && (pointer < 0 || !IsOneOf(WordAt(text, pointer), CodePointers)))
        {
            return;
        }

        pointer = pointer < 0 ? at : pointer;

        // The sentence ends at its colon or line break; a fence must open right after it.
        var start = ProseSentenceStart(text, pointer);
        var end = at + anchorLength;
        var limit = Math.Min(text.Length, end + 200);
        while (end < limit && text[end] is not ('\n' or ':'))
        {
            end++;
        }

        var fence = end;
        while (fence < text.Length && fence - end < 12 && text[fence] is ':' or ' ' or '\n' or '\r' or '\t')
        {
            fence++;
        }

        if (fence + 3 > text.Length || !(text.Slice(fence, 3).SequenceEqual("```") || text.Slice(fence, 3).SequenceEqual("~~~")))
        {
            return;
        }

        if (!NamesReadersWork(text[start..end]) && !OpensWithHandingLead(text[start..end]))
        {
            return;
        }

        var body = text[(fence + 3)..Math.Min(text.Length, fence + 3 + 1500)];
        var close = body.IndexOf(text.Slice(fence, 3), StringComparison.Ordinal);
        if (CodeDoesHarm(close < 0 ? body : body[..close]))
        {
            Raise(weights, Marker.NewInstructions, 0.55);
        }
    }

    /// <summary>"your code", "your codebase", "the code you develop": the reader's own work named in <paramref name="sentence"/>.</summary>
    private static bool NamesReadersWork(ReadOnlySpan<char> sentence)
    {
        var i = 0;
        scoped ReadOnlySpan<char> previous = default;
        scoped ReadOnlySpan<char> beforePrevious = default;
        for (var word = NextWordOfSpan(sentence, ref i); !word.IsEmpty; beforePrevious = previous, previous = word, word = NextWordOfSpan(sentence, ref i))
        {
            if ((AsciiCase.Equals(previous, "your") || AsciiCase.Equals(beforePrevious, "your")) && IsOneOf(word, ReadersWork))
            {
                return true;
            }

            if (AsciiCase.Equals(previous, "code") && AsciiCase.Equals(word, "you") && AsciiCase.Equals(beforePrevious, "the"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Don't hesitate to …", "Remember to …", "Please embed …": <paramref name="sentence"/> opens with one of <see cref="HandingLeads"/>, not before a verb of showing ("Please see …").</summary>
    private static bool OpensWithHandingLead(ReadOnlySpan<char> sentence)
    {
        sentence = sentence.TrimStart();
        foreach (var lead in HandingLeads)
        {
            if (AsciiCase.StartsWith(sentence, lead) && (sentence.Length == lead.Length || !char.IsLetter(sentence[lead.Length])))
            {
                var i = lead.Length;
                return !IsOneOf(NextWordOfSpan(sentence, ref i), ShowingVerbs);
            }
        }

        return false;
    }

    /// <summary>
    /// The code sends what is the machine's own away (a send and a read of its files, environment, clipboard, screen,
    /// keys or devices), floods a host (a send in an endless loop), or runs what it downloads, opens a way in, or wrecks
    /// the machine (<see cref="CodeWrecksOrRuns"/>); also when it tunnels (an SSH forward started from inside the
    /// program, or a listener relayed to another host), replays stored cookies, or encrypts files with a key fetched from
    /// elsewhere or across a walked tree.
    /// </summary>
    private static bool CodeDoesHarm(ReadOnlySpan<char> code)
    {
        if (code.ContainsAny(CodeWrecksOrRuns) || Tunnels(code) || code.ContainsAny(StoredCookies) && code.Contains("cookies=", StringComparison.OrdinalIgnoreCase)
            || code.ContainsAny(CodeEncrypts) && code.ContainsAny(RansomReach))
        {
            return true;
        }

        if (!code.ContainsAny(CodeSends))
        {
            return false;
        }

        return code.ContainsAny(CodeReadsOwn) || code.Contains("while true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>SSH forwarding options as a command line writes them or as a program's argument list does (<c>"-R"</c>).</summary>
    private static readonly System.Buffers.SearchValues<string> ForwardingOptions = System.Buffers.SearchValues.Create(
        ["ssh -L", "ssh -R", "ssh -D", "ssh -N", "\"-L\"", "\"-R\"", "\"-D\"", "'-L'", "'-R'", "'-D'"], StringComparison.Ordinal);

    /// <summary>
    /// An SSH forward ("ssh -L", "-R", "-D", case as written, or those options in an argument list beside "ssh") started
    /// by the program, or a listener relayed to another host.
    /// </summary>
    private static bool Tunnels(ReadOnlySpan<char> code)
        => code.ContainsAny(CodeStartsProcess) && code.ContainsAny(ForwardingOptions) && code.Contains("ssh", StringComparison.Ordinal)
           || code.Contains(".bind((", StringComparison.Ordinal) && code.Contains(".connect((", StringComparison.Ordinal);
}
