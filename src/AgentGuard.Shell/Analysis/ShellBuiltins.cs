namespace AgentGuard.Shell.Analysis;

/// <summary>Shell builtins and keywords, which have no executable of their own and must run through the shell.</summary>
internal static class ShellBuiltins
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "cd", "export", "unset", "alias", "unalias", "source", ".", "eval", "exec", "exit", "return", "set", "shift", "trap", "umask", "wait",
        "read", "declare", "typeset", "local", "readonly", "let", "type", "hash", "ulimit", "jobs", "fg", "bg", "times", "getopts", "command", "builtin", ":",
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "function", "{", "}", "!", "[[", "]]", "time",
    };

    public static bool IsBuiltin(string name) => Names.Contains(name);
}
