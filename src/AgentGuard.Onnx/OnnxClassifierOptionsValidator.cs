using Microsoft.Extensions.Options;

namespace AgentGuard.Onnx;

/// <summary>Checks <see cref="OnnxClassifierOptions"/> at start, naming every key to fix (<c>AgentGuard:Onnx:…</c>).</summary>
internal sealed class OnnxClassifierOptionsValidator : IValidateOptions<OnnxClassifierOptions>
{
    /// <summary>The configuration path the options are bound from, used in messages.</summary>
    internal const string Section = "AgentGuard:Onnx";

    public ValidateOptionsResult Validate(string? name, OnnxClassifierOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    internal static List<string> Problems(OnnxClassifierOptions options)
    {
        var problems = new List<string>();
        RequireFile(options.ModelPath, nameof(OnnxClassifierOptions.ModelPath), problems);
        RequireFile(options.TokenizerPath, nameof(OnnxClassifierOptions.TokenizerPath), problems);
        if (options.TokenizerPath is { Length: > 0 } tokenizer && TokenizerFiles.KindOf(tokenizer) is null)
        {
            problems.Add($"{Section}:{nameof(OnnxClassifierOptions.TokenizerPath)}: '{tokenizer}' is neither a SentencePiece model (*.model) nor a WordPiece vocabulary (*.txt)");
        }

        if (options.InjectionLabels is { } labels && (labels.Length == 0 || labels.Any(label => label < 0)))
        {
            problems.Add($"{Section}:{nameof(OnnxClassifierOptions.InjectionLabels)}: give one or more label indexes of 0 or more (got [{string.Join(", ", labels)}])");
        }

        var specials = (options.BeginTokenId is null ? 0 : 1) + (options.EndTokenId is null ? 0 : 1);
        if (options.MaxTokens < specials + 8 || options.MaxTokens > 8192)
        {
            problems.Add($"{Section}:{nameof(OnnxClassifierOptions.MaxTokens)}: {options.MaxTokens} is outside {specials + 8}..8192");
        }

        if (options.MaxWindows is < 1 or > 256)
        {
            problems.Add($"{Section}:{nameof(OnnxClassifierOptions.MaxWindows)}: {options.MaxWindows} is outside 1..256");
        }

        if (options.IntraOpThreads is < 1 or > 64)
        {
            problems.Add($"{Section}:{nameof(OnnxClassifierOptions.IntraOpThreads)}: {options.IntraOpThreads} is outside 1..64");
        }

        foreach (var (id, key) in new[] { (options.BeginTokenId, nameof(OnnxClassifierOptions.BeginTokenId)), (options.EndTokenId, nameof(OnnxClassifierOptions.EndTokenId)), (options.PadTokenId, nameof(OnnxClassifierOptions.PadTokenId)) })
        {
            if (id < 0)
            {
                problems.Add($"{Section}:{key}: a token id is 0 or more (got {id})");
            }
        }

        return problems;
    }

    private static void RequireFile(string? path, string key, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add($"{Section}:{key}: required (a file the host supplies; nothing is downloaded)");
        }
        else if (!File.Exists(path))
        {
            problems.Add($"{Section}:{key}: no file at '{Path.GetFullPath(path)}'");
        }
    }
}
