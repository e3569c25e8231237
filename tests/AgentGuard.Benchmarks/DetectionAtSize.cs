using System.Text;
using System.Text.Json.Nodes;
using AgentGuard.Mcp;
using AgentGuard.Shell;

namespace AgentGuard.Benchmarks;

/// <summary>
/// The detectors attacked at size: each on a tool result made of one short fragment repeated to 64 KB or 256 KB (a
/// position every scan stops at — <c>key=</c>, <c>-u </c>, a private-key header, an instruction tag), in the calling
/// thread's processor time: <c>dotnet run -c Release -- --detection-at-size [KB,KB] [s|i|p|h…] [fragment]</c> (secrets, injection,
/// poisoning, shell). A scan that reads the rest of a line once per hit turns such a text into seconds; each row is the
/// fastest of three calls after one warm call, and rows under 5 ms are not printed (clean 256 KB takes about 1–3 ms).
/// </summary>
internal static class DetectionAtSize
{
    /// <summary>Positions the scans stop at, and characters that open or close what they read.</summary>
    private static readonly string[] Fragments =
    [
        "Bearer ", "Bearer x", "Authorization: Bearer ", "eyJ", "eyJhbGciOiJIUzI1NiJ9.", "password=", "password=\"", "api_key: ", "key=", "token=", "token ", "=", "\"", "'", ":", "://", "://a:b@",
        "https://u:p@h/", "-----BEGIN ", "-----BEGIN RSA PRIVATE KEY-----\n", "-----BEGIN RSA PRIVATE KEY-----!", "AKIA", "ghp_", "sk-", "xoxb-", "AIza", "secret", "-u ", "curl -u a:", "login ",
        "Basic ", "%", "\\", "\\\"", "0", "a ", "ab=cd ", "x:y ", "{\"password\":", "<password>", "export A=", "--password ", "ignore ", "ignore previous instructions ", "i g n o r e ", "i-g-n-o-r-e ",
        "SYSTEM: ", "<instruction>", "[", "(", "<", "<!--", "\u200b", "assistant: ", "User: ", "NAME ", "\n", " \n", ".", "! ", "you ", "please send ", "a@b.c ", "http://", "base64,", "QUJD", "\\u00", "&#",
        "%20", "```", "# ", "- ", "| ", "    ",
        // A quoted value of 8 K full of unclosed brackets: the template check looked for a closer at each one.
        TemplateBrackets('{'), TemplateBrackets('<'),
    ];

    public static void Run(string[] args)
    {
        var rest = args.SkipWhile(a => a != "--detection-at-size").Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var sizes = rest.Length > 0 ? rest[0].Split(',').Select(kb => int.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) * 1024).ToArray() : [64 * 1024, 256 * 1024];
        var detectors = rest.Length > 1 ? rest[1] : "siph";
        // A third word keeps only the fragments it equals, escapes read as in C# ("\\n"): one row for a profiler.
        var only = rest.Length > 2 ? System.Text.RegularExpressions.Regex.Unescape(rest[2]) : null;
        var secrets = new SecretDetector();
        var injection = new InjectionDetector();
        var findings = new List<SecretFinding>();
        Console.WriteLine($"detection at size: {Environment.ProcessorCount} cores, load average {DetectionCpu.LoadAverage()}; rows of 5 ms or more (thread processor time, fastest of 3)");
        var worst = new Dictionary<char, (double Ms, string Row)>();
        foreach (var size in sizes)
        {
            // A long fragment is chosen by its start.
            foreach (var fragment in Fragments.Where(f => only is null || f == only || (f.Length > 40 && f.StartsWith(only, StringComparison.Ordinal))))
            {
                var text = new StringBuilder(size + fragment.Length).Insert(0, fragment, (size + fragment.Length - 1) / fragment.Length).ToString();
                foreach (var detector in detectors)
                {
                    Action call = detector switch
                    {
                        's' => () =>
                        {
                            findings.Clear();
                            secrets.Find(text, findings);
                        }
                        ,
                        'i' => () => injection.Assess(text),
                        'p' => () => ToolDescriptionScanner.Scan(new JsonObject { ["name"] = "t", ["description"] = text }),
                        'h' => () => ShellAnalyzer.Analyze(text),
                        _ => throw new ArgumentException($"--detection-at-size: unknown detector '{detector}' (s, i, p or h)."),
                    };
                    var ms = Fastest(call);
                    var row = $"{Name(detector),-10} {size / 1024,4} KB  {Shown(fragment),-40} {ms,9:F1} ms";
                    if (ms >= 5)
                    {
                        Console.WriteLine(row);
                    }

                    if (!worst.TryGetValue(detector, out var w) || ms > w.Ms)
                    {
                        worst[detector] = (ms, row);
                    }
                }
            }
        }

        Console.WriteLine("slowest per detector:");
        foreach (var (_, (_, row)) in worst)
        {
            Console.WriteLine("  " + row);
        }

        Console.WriteLine($"load average after: {DetectionCpu.LoadAverage()}");
    }

    private static double Fastest(Action call)
    {
        call();
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var start = DetectionCpu.ThreadCpuNanoseconds();
            call();
            best = Math.Min(best, (DetectionCpu.ThreadCpuNanoseconds() - start) / 1e6);
        }

        return best;
    }

    /// <summary><c>password="x{a{a…{a"</c> and a line break: a value of 8 K, as long as a value is read.</summary>
    private static string TemplateBrackets(char bracket) => "password=\"x" + string.Concat(Enumerable.Repeat(bracket + "a", 4_090)) + "\"\n";

    /// <summary>The fragment as JSON, a long one cut to its start and its length.</summary>
    private static string Shown(string fragment)
        => fragment.Length <= 40 ? System.Text.Json.JsonSerializer.Serialize(fragment) : System.Text.Json.JsonSerializer.Serialize(fragment[..24]) + $"…({fragment.Length})";

    private static string Name(char detector) => detector switch { 's' => "secrets", 'i' => "injection", 'p' => "poisoning", _ => "shell" };
}
