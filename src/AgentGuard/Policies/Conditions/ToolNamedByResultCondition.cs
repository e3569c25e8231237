using System.Collections.Concurrent;
using AgentGuard.Provenance;

namespace AgentGuard.Policies;

/// <summary>
/// <c>When.ToolNamedByResult</c>: holds when an earlier tool result named this tool by its identifier ("use the
/// <c>DataWiping</c> tool") and the user's prompt did not — the choice of tool came from content, not from the user.
/// Only identifier-like names are checked, since ordinary words such as <c>send email</c> appear in any text: one
/// CamelCase word of at least eight letters (<c>DataWiping</c>), or words joined by underscores, eight characters in all
/// (<c>transfer_funds</c>), which a result names only as that whole identifier. The user chose a snake_case tool when the
/// prompt holds its name or its words with spaces ("cancel reservation" for <c>cancel_reservation</c>).
/// </summary>
internal sealed class ToolNamedByResultCondition : Condition
{
    /// <summary>Most tool names whose keys are remembered: a policy decides for a host's tools, a bounded set.</summary>
    private const int MaxCachedKeys = 4096;

    /// <summary>Each tool name's key ("" for none), so a decision builds no string: the names are the host's tools.</summary>
    private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);

    public override string Evidence => "a tool result named this tool";

    public override int Order => 3;

    public override bool IsMet(in EvaluationInput input)
    {
        if (input.Session.SessionId is null || KeyOf(input.Call.ToolName) is not { } key)
        {
            return false;
        }

        // Only text the session still holds: the inexact memory of forgotten untrusted text answers "maybe" for any
        // name once much was forgotten, and a name asked about on a maybe is noise, not safety.
        var named = input.Session.WasSeenInHeldText(ValueOrigin.Untrusted, key) || input.Session.WasSeenInHeldText(ValueOrigin.Trusted, key);
        if (!named)
        {
            return false;
        }

        var prompt = input.Context.Prompt;
        return prompt is null || !NamedIn(prompt, input.Call.ToolName);
    }

    private static bool NamedIn(string prompt, string toolName)
        => prompt.Contains(toolName, StringComparison.OrdinalIgnoreCase)
            || (toolName.Contains('_') && prompt.Contains(toolName.Replace('_', ' '), StringComparison.OrdinalIgnoreCase));

    public override void DeclareReads(in EvaluationInput input, SessionReads reads)
    {
        if (input.Context.SessionId is { Length: > 0 } && KeyOf(input.Call.ToolName) is { } key)
        {
            reads.Seen.Add((ValueOrigin.Untrusted, key));
            reads.Seen.Add((ValueOrigin.Trusted, key));
        }
    }

    /// <summary><see cref="Key"/>, remembered per tool name (up to <see cref="MaxCachedKeys"/> names).</summary>
    private string? KeyOf(string toolName)
    {
        if (!_keys.TryGetValue(toolName, out var key))
        {
            key = Key(toolName) ?? string.Empty;
            if (_keys.Count < MaxCachedKeys)
            {
                _keys.TryAdd(toolName, key);
            }
        }

        return key.Length == 0 ? null : key;
    }

    /// <summary>The seen-value key of an identifier-like tool name, or null for names made of ordinary words.</summary>
    internal static string? Key(string toolName)
    {
        if (IsSnakeCase(toolName))
        {
            return "x:" + toolName.ToLowerInvariant();
        }

        if (toolName.Length < 8 || !char.IsUpper(toolName[0]) || !toolName.Skip(1).Any(char.IsUpper) || !toolName.All(char.IsLetterOrDigit))
        {
            return null;
        }

        var tokens = ValueTokenizer.Tokenize(toolName);
        return tokens.Count == 1 && tokens[0].Kind == ValueTokenKind.Word ? SeenTokens.WordsKey(WordStream.Sequence(tokens)) : null;
    }

    /// <summary>Two or more runs of letters and digits joined by single underscores, eight characters or more.</summary>
    private static bool IsSnakeCase(string toolName)
    {
        if (toolName.Length < 8 || toolName[0] == '_' || toolName[^1] == '_' || !toolName.Contains('_') || toolName.Contains("__", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in toolName)
        {
            if (c != '_' && !char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
