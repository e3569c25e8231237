using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace AgentGuard;

/// <summary>
/// Tags a call <c>persistence-path</c> when one of its string arguments is a path to a place that runs or admits code
/// later: a shell's start-up file, SSH's authorized keys, cron, autostart and launch agents, systemd units, git hooks,
/// CI workflows. A write there outlives the session (the attacker's line runs at the next login or commit), so a rule
/// can ask before a write that untrusted content may have chosen. Only a value that is a path (no white space) counts:
/// a text that mentions <c>.bashrc</c> is not a write to it. Runs only when some rule references the tag.
/// </summary>
internal sealed class PersistencePathClassifier : IToolClassifier
{
    /// <summary>The tag this classifier adds.</summary>
    public const string Tag = "persistence-path";

    internal static readonly ImmutableArray<string> Markers =
    [
        ".bashrc", ".bash_profile", ".bash_login", ".profile", ".zshrc", ".zprofile", ".zshenv", ".zlogin", ".cshrc", ".tcshrc",
        "config.fish", ".ssh/authorized_keys", ".ssh/config", ".ssh/rc", "/etc/cron", "/var/spool/cron", "crontab", ".config/autostart/",
        "library/launchagents/", "library/launchdaemons/", "/etc/systemd/", ".config/systemd/", "/etc/init.d/", "/etc/rc.local",
        "/etc/profile", "/etc/environment", "/etc/sudoers", "/etc/ld.so.preload", ".git/hooks/", ".github/workflows/", ".gitlab-ci.yml",
        ".vscode/tasks.json", "microsoft.powershell_profile.ps1", "/start menu/programs/startup/", "/etc/crontab",
    ];

    private readonly PolicyProvider? _policies;

    public PersistencePathClassifier(PolicyProvider? policies = null) => _policies = policies;

    public RiskLevel Classify(ToolCallEvent toolCall, GuardContext context, ICollection<string> tags)
    {
        ArgumentNullException.ThrowIfNull(toolCall);
        ArgumentNullException.ThrowIfNull(tags);
        if (toolCall.Arguments.IsMalformed || toolCall.Arguments.Length <= 2 || _policies?.Current.References(Tag) == false)
        {
            return RiskLevel.Unknown;
        }

        if (Names(toolCall.Arguments.Root, 0))
        {
            tags.Add(Tag);
        }

        return RiskLevel.Unknown;
    }

    /// <summary>
    /// True when <paramref name="path"/> is a path (one line; white space only in a Windows path such as
    /// <c>C:\Users\me\…\Start Menu\…</c>) that names a persistence location at a segment boundary
    /// (<c>~/.bashrc</c>, <c>/etc/cron.d/job</c>; not <c>.bashrc-notes.md</c> or <c>user.profile.json</c>).
    /// </summary>
    internal static bool IsPersistencePath(ReadOnlySpan<char> path)
    {
        if (path.Length < 6 || path.Length > 1024 || path.ContainsAny('\n', '\r') || (path.ContainsAny(' ', '\t') && !IsWindowsPath(path)))
        {
            return false;
        }

        Span<char> lower = stackalloc char[path.Length];
        path.ToLowerInvariant(lower);
        lower.Replace('\\', '/');
        foreach (var marker in Markers)
        {
            var at = ((ReadOnlySpan<char>)lower).IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var end = at + marker.Length;
            var starts = marker[0] == '/' || at == 0 || lower[at - 1] is '/' or '~';
            var ends = marker[^1] == '/' || end == lower.Length || lower[end] is '/' or '.';
            if (starts && ends)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads a string argument without materialising it: its raw UTF-8 is decoded onto the stack, and only a value with
    /// escapes (a Windows path's doubled backslashes) is unescaped by <see cref="JsonElement.GetString"/>.
    /// </summary>
    private static bool IsPersistencePath(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length < 8 || raw.Length > 1026)
        {
            return false;
        }

        if (raw.Contains((byte)'\\'))
        {
            return element.GetString() is { } unescaped && IsPersistencePath(unescaped.AsSpan());
        }

        Span<char> chars = stackalloc char[raw.Length];
        var written = Encoding.UTF8.GetChars(raw, chars);
        return IsPersistencePath(chars[1..(written - 1)]);
    }

    private static bool IsWindowsPath(ReadOnlySpan<char> path)
        => path.Length > 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/';

    private static bool Names(JsonElement element, int depth)
    {
        if (depth > 32)
        {
            return false;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (Names(property.Value, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (Names(item, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.String:
                return IsPersistencePath(element);
            default:
                return false;
        }
    }
}
