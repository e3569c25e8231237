using System.Text.RegularExpressions;

namespace AgentGuard.Shell.Analysis;

/// <summary>Which paths matter: system trees, home directories, repository roots, and where credentials live.</summary>
internal static partial class PathRules
{
    private static readonly string[] SystemTrees = ["/etc", "/usr", "/boot", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/sys", "/proc", "/dev", "/var", "/root", "/System", "/Library", "/private/etc", "/opt", "/srv"];

    private static readonly string[] CredentialSamples =
    [
        "~/.ssh/id_rsa", "~/.ssh/id_ed25519", "~/.ssh/authorized_keys", "/etc/shadow", "/etc/gshadow", "/etc/sudoers", "~/.aws/credentials",
        "~/.netrc", "~/.pgpass", ".env", "~/.git-credentials", "~/.kube/config", "~/.docker/config.json", "~/.gnupg/secring.gpg",
    ];

    private static readonly string[] TempRoots = ["/tmp", "/var/tmp", "/dev/shm", "/private/tmp", "/private/var/tmp", "/var/folders", "/private/var/folders", "/var/cache/apt/archives"];

    /// <summary>Joins a relative path to a known working directory (<c>cd /etc; rm shadow</c> removes <c>/etc/shadow</c>).</summary>
    public static ExpandedWord Resolve(ExpandedWord word, string? workingDirectory)
    {
        var text = word.Text;
        if (workingDirectory is null || text.Length == 0 || text[0] is '/' or '~' or '-' || text.Contains("://", StringComparison.Ordinal))
        {
            return word;
        }

        return workingDirectory == AnalysisSession.UnknownDirectory ? word with { Text = string.Empty, Dynamic = true } : word with { Text = Combine(workingDirectory, text) };
    }

    /// <summary>The directory <c>cd target</c> goes to from <paramref name="current"/> (null: where the line started).</summary>
    public static string Combine(string? current, string target)
    {
        if (target.Length > 0 && target[0] is '/' or '~')
        {
            return Collapse(target);
        }

        return current is null ? Collapse(target) : Collapse(current.TrimEnd('/') + "/" + target);
    }

    /// <summary>True for a home directory itself: <c>~</c>, <c>/root</c>, <c>/home/x</c>, <c>/Users/x</c>.</summary>
    public static bool IsHomeRoot(string path)
    {
        var normalized = Normalize(path);
        var segments = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return normalized is "~" or "/root" || (normalized.StartsWith("~", StringComparison.Ordinal) && segments.Length == 1)
            || ((normalized.StartsWith("/home/", StringComparison.Ordinal) || normalized.StartsWith("/Users/", StringComparison.Ordinal)) && segments.Length == 2);
    }

    /// <summary>True under a temporary folder (<c>/tmp/x</c>, <c>/var/tmp/x</c>), where deleting is housekeeping.</summary>
    public static bool IsUnderTemp(string path)
    {
        var normalized = Normalize(path);
        foreach (var root in TempRoots)
        {
            if (normalized == root || normalized.StartsWith(root + "/", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for a path written as absolute or under the home folder (<c>/some/path</c>, <c>~/projects</c>,
    /// <c>$PWD/../x</c>) outside the temporary and cache folders: the line itself places it outside the folder the
    /// command runs in, so removing it is loss outside the workspace. A relative path (also after <c>cd</c>) is the
    /// workspace's own.
    /// </summary>
    public static bool IsOutsideWorkspace(ExpandedWord written)
    {
        var text = written.Text;
        if (written.Dynamic || text.Length == 0 || text[0] is not ('/' or '~' or '.') || text.Contains("://", StringComparison.Ordinal))
        {
            return false;
        }

        var path = Normalize(text);
        if (path[0] is not ('/' or '~'))
        {
            return path == ".." || path.StartsWith("../", StringComparison.Ordinal);
        }

        return !IsUnderTemp(path) && !path.Contains("/.cache/", StringComparison.Ordinal) && !path.EndsWith("/.cache", StringComparison.Ordinal)
            && !path.Contains("/Library/Caches", StringComparison.Ordinal);
    }

    /// <summary>True when deleting or overwriting <paramref name="word"/> recursively would do real harm.</summary>
    public static bool IsImportant(ExpandedWord word)
    {
        if (word.Dynamic && word.Text.Trim('/', '*', '.').Length == 0)
        {
            return true;
        }

        var path = Normalize(word.Text);
        if (path is "/" or "~" or "*" or "." or ".." or ".*" or "" || path.StartsWith("../", StringComparison.Ordinal) || NamesEveryEntry(path))
        {
            return true;
        }

        if (IsUnderTemp(path))
        {
            return false;
        }

        if (IsSystem(path))
        {
            return true;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (path.StartsWith('/') && segments.Length <= 1)
        {
            return true;
        }

        if (path.StartsWith("~", StringComparison.Ordinal) && segments.Length <= 2)
        {
            return true;
        }

        if ((path.StartsWith("/home/", StringComparison.Ordinal) || path.StartsWith("/Users/", StringComparison.Ordinal)) && segments.Length <= 3)
        {
            return true;
        }

        return segments.Length > 0 && segments[^1] is ".git" or ".ssh" or ".gnupg" or ".aws";
    }

    /// <summary>
    /// True for a glob of the folder the command runs in with no literal letter or digit (<c>.[!.]*</c>, <c>.??*</c>,
    /// <c>?*</c>, <c>[!.]*</c>): like <c>*</c> and <c>.*</c>, it names every entry (or every hidden one: <c>.git</c>,
    /// <c>.env</c>).
    /// </summary>
    private static bool NamesEveryEntry(string path)
    {
        if (path.Contains('/', StringComparison.Ordinal) || path.AsSpan().IndexOfAny('*', '?', '[') < 0)
        {
            return false;
        }

        foreach (var c in path)
        {
            if (c is not ('*' or '?' or '[' or ']' or '!' or '^' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for paths inside operating-system trees (/etc, /usr, /boot, block devices…).</summary>
    public static bool IsSystem(string text)
    {
        var path = Normalize(text);
        if (IsUnderTemp(path))
        {
            return false;
        }

        // find / … -exec CMD {}: each file find matches anywhere on the disk, system files included.
        if (path.StartsWith("/{}", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var tree in SystemTrees)
        {
            if (path == tree || path.StartsWith(tree + "/", StringComparison.Ordinal))
            {
                return !IsHarmlessDevice(path);
            }
        }

        return false;
    }

    /// <summary>True for /dev/null, /dev/stdout and similar, which are safe to write.</summary>
    public static bool IsHarmlessDevice(string path)
        => path is "/dev/null" or "/dev/stdout" or "/dev/stderr" or "/dev/zero" or "/dev/tty" or "/dev/random" or "/dev/urandom"
            || path.StartsWith("/dev/fd/", StringComparison.Ordinal) || path.StartsWith("/dev/pts/", StringComparison.Ordinal);

    /// <summary>True for block devices and disks (/dev/sda, /dev/nvme0n1, /dev/disk2…).</summary>
    public static bool IsDisk(string path) => path.StartsWith("/dev/", StringComparison.Ordinal) && !IsHarmlessDevice(path) && !path.StartsWith("/dev/tcp/", StringComparison.Ordinal) && !path.StartsWith("/dev/udp/", StringComparison.Ordinal);

    /// <summary>Finds where credentials are read or written: key files, cloud credentials, .env, shadow, keychains.</summary>
    /// <param name="word">The word (after expansion).</param>
    /// <param name="dotFilesGlobbed">False when the shell's globs cannot match a leading dot (bash without <c>dotglob</c>).</param>
    public static string? CredentialMatch(ExpandedWord word, bool dotFilesGlobbed = true)
    {
        var text = word.Text;
        if (text.Length == 0)
        {
            return null;
        }

        if (text.EndsWith(".pub", StringComparison.Ordinal) || text.EndsWith("known_hosts", StringComparison.Ordinal) || text.EndsWith(".ssh/config", StringComparison.Ordinal))
        {
            return null;
        }

        if (text.EndsWith(".env", StringComparison.Ordinal) && !text.EndsWith("process.env", StringComparison.Ordinal) && text.Length > 4)
        {
            return text;
        }

        if (MayNameCredential(text))
        {
            var match = CredentialPattern().Match(text);
            if (match.Success)
            {
                return match.Value.Trim('/', ' ', '"', '\'', '=', '@', ':');
            }
        }

        if (word.Glob)
        {
            var regex = GlobToRegex(text);
            foreach (var sample in CredentialSamples)
            {
                if ((regex.IsMatch(sample) || regex.IsMatch(sample.Replace("~/", "/root/", StringComparison.Ordinal)) || regex.IsMatch(sample.Replace("~/", "/home/user/", StringComparison.Ordinal)) || regex.IsMatch(sample.TrimStart('~', '/')))
                    && (dotFilesGlobbed || !WildcardMeetsDotFile(text, sample)))
                {
                    return sample + " (glob " + text + ")";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// True when a part of <paramref name="glob"/> that does not itself start with a dot stands where
    /// <paramref name="path"/> has a dot file or folder (parts compared from the end): bash does not match it there.
    /// </summary>
    private static bool WildcardMeetsDotFile(string glob, string path)
    {
        var globParts = glob.Split('/');
        var pathParts = path.Split('/');
        for (int g = globParts.Length - 1, p = pathParts.Length - 1; g >= 0 && p >= 0; g--, p--)
        {
            if (pathParts[p].StartsWith('.') && !globParts[g].StartsWith('.'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A cheap test before the regex: every pattern has a dot or a slash, or names id_ keys or a keychain.</summary>
    private static bool MayNameCredential(string text)
        => text.AsSpan().IndexOfAny('.', '/') >= 0
            || text.Contains("id_", StringComparison.Ordinal)
            || text.Contains("eychain", StringComparison.Ordinal)
            || text.Contains("EYCHAIN", StringComparison.Ordinal);

    /// <summary>Finds credential locations anywhere in a text (code, SQL, scripts).</summary>
    public static string? CredentialInText(string text)
    {
        var match = CredentialPattern().Match(text);
        return match.Success ? match.Value.Trim('/', ' ', '"', '\'', '=', '@', ':') : null;
    }

    private static Regex GlobToRegex(string glob)
    {
        var pattern = new System.Text.StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '[' && i + 1 < glob.Length && glob[i + 1] is '!' or '^')
            {
                // A negated class: bash's [!.] is the regex [^.].
                pattern.Append("[^");
                i++;
                continue;
            }

            pattern.Append(c switch
            {
                '*' => "[^/]*",
                '?' => "[^/]",
                '[' => "[",
                ']' => "]",
                _ => Regex.Escape(c.ToString()),
            });
        }

        pattern.Append('$');
        try
        {
            return new Regex(pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        }
        catch (ArgumentException)
        {
            return new Regex("^$", RegexOptions.CultureInvariant);
        }
    }

    /// <summary>Collapses <c>//</c>, <c>.</c> and <c>..</c> segments, so <c>/tmp/../etc</c> is <c>/etc</c>.</summary>
    private static string Collapse(string text)
    {
        if (!text.Contains("//", StringComparison.Ordinal) && !text.Contains("/.", StringComparison.Ordinal))
        {
            return text;
        }

        var absolute = text.StartsWith('/');
        var stack = new List<string>();
        foreach (var segment in text.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "." && stack.Count + (absolute ? 1 : 0) > 0)
            {
                continue;
            }

            if (segment == ".." && stack.Count > 0 && stack[^1] == ".")
            {
                // ./.. (what $PWD/.. expands to while the folder is unknown) is the parent, not the folder itself.
                stack[^1] = "..";
                continue;
            }

            if (segment == ".." && stack.Count > 0 && stack[^1] is not (".." or "~"))
            {
                stack.RemoveAt(stack.Count - 1);
                continue;
            }

            if (segment == ".." && absolute)
            {
                continue;
            }

            stack.Add(segment);
        }

        var joined = string.Join('/', stack);
        return absolute ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    private static string Normalize(string text)
    {
        var path = Collapse(text);
        while (path.Length > 1 && (path.EndsWith('/') || path.EndsWith("/*", StringComparison.Ordinal) || path.EndsWith("/.", StringComparison.Ordinal)))
        {
            path = path.EndsWith('/') ? path[..^1] : path[..^2];
        }

        if (path.StartsWith("./", StringComparison.Ordinal) && path.Length > 2)
        {
            path = path[2..];
        }

        if (path.StartsWith("/home/", StringComparison.Ordinal) || path.StartsWith("/root", StringComparison.Ordinal))
        {
            return path;
        }

        return path.Length == 0 ? "/" : path;
    }

    [GeneratedRegex(@"(^|[/\s'""=@:])\.(ssh|aws)(/|$|\s)|id_(rsa|dsa|ecdsa|ed25519)\b|(^|[/\s'""=@:])\.env(?!\.(example|sample|template|dist)\b)(\.[\w.-]+)?($|[\s'"";)])|\.aws/(credentials|config)|\.netrc\b|\.pgpass\b|\.git-credentials|\.docker/config\.json|\.kube/config|\.npmrc\b|\.pypirc\b|\.gnupg\b|/etc/(shadow|gshadow|sudoers|master\.passwd)\b|keychain|\.config/gcloud|\.azure/|credentials\.json|/proc/[^/\s]*/environ|/proc/[^/\s]*/mem\b|/dev/k?mem\b|/proc/kcore\b|\.vault-token|secrets/kubernetes\.io/|Library[/:]Mail\b|/var/(spool/)?mail\b|Library[/:]Cookies\b|\.binarycookies|NoteStore\.sqlite|group\.com\.apple\.notes|/Login Data\b|cookies\.sqlite|logins\.json|key[34]\.db\b|(^|[/\s'""=])\.(bash|zsh|sh|ksh|fish)?_?history\b|(^|[/\s'""=])\.(bash|zsh)_sessions\b|\.config/gh/hosts\.yml|\.config/hub\b|\.terraform\.d/credentials|\.cargo/credentials|rclone/rclone\.conf|(^|[/\s'""=])\.(boto|s3cfg|my\.cnf|password-store)\b|\.local/share/keyrings\b|/etc/ssl/private\b|jenkins/secrets\b|\.m2/settings(-security)?\.xml|\.gradle/gradle\.properties|/(google-chrome|chromium|BraveSoftware/Brave-Browser|microsoft-edge)/[^/\s'""]+/(Cookies|Web Data)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex CredentialPattern();
}
