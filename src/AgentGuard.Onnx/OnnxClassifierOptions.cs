namespace AgentGuard.Onnx;

/// <summary>
/// Where the host's prompt-injection model and its tokenizer are, and how to read its answer. Bound from
/// <c>AgentGuard:Onnx</c> by <c>AddOnnxInjectionClassifier(section)</c>; checked at start (a missing file or an impossible
/// value fails naming the key). Nothing is downloaded: the files are the host's.
/// </summary>
/// <example>
/// A Prompt Guard 2 export (DeBERTa-v3: SentencePiece tokenizer, <c>[CLS]</c> = 1, <c>[SEP]</c> = 2, label 1 = malicious):
/// <code>
/// "Onnx": { "ModelPath": "models/prompt-guard-2/model.onnx", "TokenizerPath": "models/prompt-guard-2/spm.model",
///           "BeginTokenId": 1, "EndTokenId": 2, "InjectionLabels": [ 1 ] }
/// </code>
/// </example>
public sealed class OnnxClassifierOptions
{
    /// <summary>The ONNX model: a sequence classifier taking <c>input_ids</c> (and optionally <c>attention_mask</c>,
    /// <c>token_type_ids</c>) and returning one row of logits per sequence.</summary>
    public string? ModelPath { get; set; }

    /// <summary>The tokenizer: a SentencePiece model (<c>*.model</c>, e.g. DeBERTa-v3's <c>spm.model</c>) or a WordPiece
    /// vocabulary (<c>vocab.txt</c>, BERT-style models).</summary>
    public string? TokenizerPath { get; set; }

    /// <summary>The output labels that mean "injected" (their probabilities are added). Default: label 1.</summary>
    public int[]? InjectionLabels { get; set; }

    /// <summary>Tokens per sequence the model takes, special tokens included. Default 512.</summary>
    public int MaxTokens { get; set; } = 512;

    /// <summary>Most sequences one text is split into; a longer text is scored on its first and last windows (the
    /// deterministic detector still reads all of it). Default 8.</summary>
    public int MaxWindows { get; set; } = 8;

    /// <summary>Token put before each sequence (e.g. <c>[CLS]</c>); a WordPiece vocabulary's own <c>[CLS]</c> when unset.</summary>
    public int? BeginTokenId { get; set; }

    /// <summary>Token put after each sequence (e.g. <c>[SEP]</c>); a WordPiece vocabulary's own <c>[SEP]</c> when unset.</summary>
    public int? EndTokenId { get; set; }

    /// <summary>Token that pads a short sequence in a batch (masked out). Default 0.</summary>
    public int PadTokenId { get; set; }

    /// <summary>The output to read when the model has several; the only output otherwise.</summary>
    public string? OutputName { get; set; }

    /// <summary>Threads one inference may use. Default 1, so scoring never takes every core from the agent.</summary>
    public int IntraOpThreads { get; set; } = 1;
}
