using System.Collections.Concurrent;
using AgentGuard.Provenance;

namespace AgentGuard.Policies;

/// <summary>
/// <c>When.ToolNamedByResult</c>: holds when an earlier tool result named this tool by its identifier ("use the
/// <c>DataWiping</c> tool") and the user's prompt did not — the choice of tool came from content, not from the user.
/// Only identifier-like names are checked, since ordinary words such as <c>send email</c> appear in any text: one
/// CamelCase word of at least eight letters (<c>DataWiping</c>), or words joined by underscores or by hyphens, eight
/// characters in all (<c>transfer_funds</c>, <c>sync-profile-data</c>), which a result names only as that whole
/// identifier. A namespaced name (<c>crm.export_all_contacts</c>, <c>github/delete_repository</c>,
/// <c>mcp__admin__grant_access</c>) is named by its whole identifier or by the name after the namespace. The user chose
/// the tool when the prompt holds its name, the name after the namespace, or either's words with spaces ("cancel
/// reservation" for <c>cancel_reservation</c>).
/// </summary>
internal sealed class ToolNamedByResultCondition : Condition
{
    /// <summary>Most tool names whose keys are remembered: a policy decides for a host's tools, a bounded set.</summary>
    private const int MaxCachedKeys = 4096;

    /// <summary>Each tool name's keys (none for a name of ordinary words), so a decision builds no string: the names are the host's tools.</summary>
    private readonly ConcurrentDictionary<string, string[]> _keys = new(StringComparer.Ordinal);

    public override string Evidence => "a tool result named this tool";

    public override int Order => 3;

    public override bool IsMet(in EvaluationInput input)
    {
        if (input.Session.SessionId is null)
        {
            return false;
        }

        // Only text the session still holds: the inexact memory of forgotten untrusted text answers "maybe" for any
        // name once much was forgotten, and a name asked about on a maybe is noise, not safety.
        var named = false;
        foreach (var key in KeysOf(input.Call.ToolName))
        {
            named |= input.Session.WasSeenInHeldText(ValueOrigin.Untrusted, key) || input.Session.WasSeenInHeldText(ValueOrigin.Trusted, key);
        }

        if (!named)
        {
            return false;
        }

        var prompt = input.Context.Prompt;
        return prompt is null || !NamedIn(prompt, input.Call.ToolName);
    }

    private static bool NamedIn(string prompt, string toolName)
    {
        var local = LocalName(toolName);
        return Holds(prompt, toolName) || (local.Length < toolName.Length && Holds(prompt, local.ToString()));

        static bool Holds(string prompt, string name)
            => prompt.Contains(name, StringComparison.OrdinalIgnoreCase)
                || (name.AsSpan().IndexOfAny(Joiners) >= 0 && prompt.Contains(name.Replace('_', ' ').Replace('-', ' '), StringComparison.OrdinalIgnoreCase));
    }

    public override void DeclareReads(in EvaluationInput input, SessionReads reads)
    {
        if (input.Context.SessionId is { Length: > 0 })
        {
            foreach (var key in KeysOf(input.Call.ToolName))
            {
                reads.Seen.Add((ValueOrigin.Untrusted, key));
                reads.Seen.Add((ValueOrigin.Trusted, key));
            }
        }
    }

    /// <summary><see cref="Keys"/>, remembered per tool name (up to <see cref="MaxCachedKeys"/> names).</summary>
    private string[] KeysOf(string toolName)
    {
        if (!_keys.TryGetValue(toolName, out var keys))
        {
            keys = Keys(toolName);
            if (_keys.Count < MaxCachedKeys)
            {
                _keys.TryAdd(toolName, keys);
            }
        }

        return keys;
    }

    /// <summary>The seen-value keys that name the tool: its whole identifier's and the name's after a namespace; none for names made of ordinary words.</summary>
    internal static string[] Keys(string toolName)
    {
        var local = LocalName(toolName);
        var keys = new List<string>(3);
        if (Key(toolName) is { } whole)
        {
            keys.Add(whole);
        }

        if (local.Length < toolName.Length && Key(local.ToString()) is { } after && !keys.Contains(after))
        {
            keys.Add(after);
        }

        // Text reads a dotted name written whole (admin.ResetAllPasswords) as a host: its host key names the tool.
        if (keys.Count > 0 && toolName.Contains('.') && !toolName.Contains('/'))
        {
            keys.Add("h:" + ValueTokenizer.HostOf(ValueTokenizer.CanonicalUrl(toolName)).ToString());
        }

        return [.. keys];
    }

    /// <summary>The seen-value key of one identifier-like name, or null for names made of ordinary words.</summary>
    internal static string? Key(string name)
    {
        if (IsJoined(name))
        {
            return "x:" + name.ToLowerInvariant();
        }

        if (name.Length < 8 || !char.IsUpper(name[0]) || !name.Skip(1).Any(char.IsUpper) || !name.All(char.IsLetterOrDigit))
        {
            return null;
        }

        var tokens = ValueTokenizer.Tokenize(name);
        return tokens.Count == 1 && tokens[0].Kind == ValueTokenKind.Word ? SeenTokens.WordsKey(WordStream.Sequence(tokens)) : null;
    }

    /// <summary>The name after the last namespace separator (<c>.</c>, <c>/</c> or <c>__</c>), or the whole name.</summary>
    private static ReadOnlySpan<char> LocalName(string toolName)
    {
        var name = toolName.AsSpan();
        var dot = name.LastIndexOfAny('.', '/');
        var underscores = name.LastIndexOf("__", StringComparison.Ordinal);
        var start = Math.Max(dot + 1, underscores < 0 ? 0 : underscores + 2);
        return start < name.Length ? name[start..] : name;
    }

    private static readonly System.Buffers.SearchValues<char> Joiners = System.Buffers.SearchValues.Create("_-");

    /// <summary>
    /// Runs of letters and digits joined by underscores (single, or double as a host's namespace), or by single hyphens
    /// each before a letter — the identifiers <see cref="ValueTokenizer.TokenizeSeen"/> keeps — eight characters or more.
    /// </summary>
    private static bool IsJoined(string name)
    {
        if (name.Length < 8 || name[0] is '_' or '-' || name[^1] is '_' or '-')
        {
            return false;
        }

        var underscores = name.Contains('_');
        var hyphens = name.Contains('-');
        if (underscores == hyphens)
        {
            return false; // neither, or both (a mixed name is kept by neither reading whole)
        }

        foreach (var c in name)
        {
            if (c != '_' && c != '-' && !char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        if (hyphens)
        {
            if (name.Contains("--", StringComparison.Ordinal))
            {
                return false;
            }

            for (var i = 1; i < name.Length; i++)
            {
                if (name[i - 1] == '-' && !char.IsLetter(name[i]))
                {
                    return false;
                }
            }

            return char.IsLetter(name[0]);
        }

        return !name.Contains("___", StringComparison.Ordinal);
    }
}
