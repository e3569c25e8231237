using AgentGuard.Provenance;

namespace AgentGuard.Policies;

/// <summary>
/// <c>When.ToolNamedByResult</c>: holds when an earlier tool result named this tool by its identifier ("use the
/// <c>DataWiping</c> tool") and the user's prompt did not — the choice of tool came from content, not from the user.
/// Only identifier-like names are checked (one CamelCase word of at least eight letters), since ordinary words such as
/// <c>send email</c> appear in any text.
/// </summary>
internal sealed class ToolNamedByResultCondition : Condition
{
    public override string Evidence => "a tool result named this tool";

    public override int Order => 3;

    public override bool IsMet(in EvaluationInput input)
    {
        if (input.Session.SessionId is null || Key(input.Call.ToolName) is not { } key)
        {
            return false;
        }

        var named = input.Session.WasSeen(ValueOrigin.Untrusted, key) || input.Session.WasSeen(ValueOrigin.Trusted, key);
        if (!named)
        {
            return false;
        }

        var prompt = input.Context.Prompt;
        return prompt is null || !prompt.Contains(input.Call.ToolName, StringComparison.OrdinalIgnoreCase);
    }

    public override void DeclareReads(in EvaluationInput input, SessionReads reads)
    {
        if (input.Context.SessionId is { Length: > 0 } && Key(input.Call.ToolName) is { } key)
        {
            reads.Seen.Add((ValueOrigin.Untrusted, key));
            reads.Seen.Add((ValueOrigin.Trusted, key));
        }
    }

    /// <summary>The seen-value key of an identifier-like tool name, or null for names made of ordinary words.</summary>
    internal static string? Key(string toolName)
    {
        if (toolName.Length < 8 || !char.IsUpper(toolName[0]) || !toolName.Skip(1).Any(char.IsUpper) || !toolName.All(char.IsLetterOrDigit))
        {
            return null;
        }

        var tokens = ValueTokenizer.Tokenize(toolName);
        return tokens.Count == 1 && tokens[0].Kind == ValueTokenKind.Word ? SeenTokens.WordsKey(WordStream.Sequence(tokens)) : null;
    }
}
