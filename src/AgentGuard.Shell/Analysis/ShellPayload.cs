using System.Text.RegularExpressions;

namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Code that starts a shell, written into a file on the line: <c>os.execute("/bin/sh")</c> for an nmap script,
/// <c>os.execl('/bin/sh', …)</c> in a <c>setup.py</c> for pip, <c>Dpkg::Pre-Invoke {"/bin/sh;false"}</c> for apt.
/// The program that later reads the file (a plugin, config or build file) runs it, and nothing on the line says so.
/// A shebang line alone (<c>#!/bin/sh</c>) names an interpreter, not a command, and is not a payload.
/// </summary>
internal static partial class ShellPayload
{
    /// <summary>The shell-starting text found in <paramref name="code"/>, or null.</summary>
    public static string? Find(string code)
    {
        if (!code.Contains("sh", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (Match match in Spawn().Matches(code))
        {
            if (!IsShebang(code, match.Index))
            {
                return match.Value.Trim();
            }
        }

        return null;
    }

    private static bool IsShebang(string code, int index)
    {
        var lineStart = index == 0 ? 0 : code.LastIndexOf('\n', index - 1) + 1;
        return code.AsSpan(lineStart, index - lineStart).TrimStart().SequenceEqual("#!");
    }

    /// <summary>A shell's path, or a call that runs <c>sh</c>/<c>bash</c> by name (<c>exec("sh")</c>, <c>spawn('bash')</c>, <c>pty.spawn("sh")</c>).</summary>
    [GeneratedRegex(@"(?<![\w-])(?:/usr)?(?:/local)?/bin/(?:ba|da|z|k|c|tc|fi|a|mk|y|r)?sh\b|\b(?:exec[lv]?p?e?|system|spawn|popen|execute|call|run|Popen|check_output)\s*\(\s*\[?\s*[""'](?:ba|da|z)?sh\b", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Spawn();
}
