namespace AgentGuard.Mcp;

/// <content>
/// A parameter that asks the model which model it is ("llm_model_name: The name of the llm model that calls this
/// tool"): an out-of-scope request for the agent's own identity, which no tool needs to do its work.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>Who calls a tool when it is the model, for <see cref="AsksForTheCallingModel"/>.</summary>
    internal static readonly string[] ModelNouns = ["llm", "model", "ai", "assistant", "agent"];

    /// <summary>What a parameter asks of the model about itself, for <see cref="AsksForTheCallingModel"/>.</summary>
    internal static readonly string[] IdentityNouns = ["name", "identity", "identifier", "id", "version", "type"];

    /// <summary>How many words before the phrase the model noun may stand ("the llm model that calls": two).</summary>
    internal const int ModelNounDistance = 3;

    /// <summary>How many words before the model noun the identity noun may stand ("the name of the llm model": four).</summary>
    internal const int IdentityNounDistance = 4;

    /// <summary>
    /// The phrase at <paramref name="at"/> ("calls this tool") has the model as its subject (<see cref="ModelNouns"/>
    /// within <see cref="ModelNounDistance"/> words before it) and the sentence asks for its name, identity or version
    /// (<see cref="IdentityNouns"/> within <see cref="IdentityNounDistance"/> words before that): "The name of the llm
    /// model that calls this tool", "Identifier of the language model invoking this tool". "The user calling this tool
    /// must have write access" and "The agent that calls this tool must hold the deploy role" ask nothing of the model.
    /// </summary>
    internal static bool AsksForTheCallingModel(ReadOnlySpan<char> text, int at)
    {
        var from = at;
        var model = false;
        for (var words = 0; words < ModelNounDistance; words++)
        {
            if (!PreviousWord(text, ref from, out var word))
            {
                return false;
            }

            if (ModelNounLookup.Contains(word))
            {
                model = true;
                break;
            }
        }

        if (!model)
        {
            return false;
        }

        for (var words = 0; words < IdentityNounDistance; words++)
        {
            if (!PreviousWord(text, ref from, out var word))
            {
                return false;
            }

            if (IdentityNounLookup.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly WordSet ModelNounLookup = new(ModelNouns);

    private static readonly WordSet IdentityNounLookup = new(IdentityNouns);
}
