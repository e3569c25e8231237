using Microsoft.ML.Tokenizers;

namespace AgentGuard.Onnx;

/// <summary>The tokenizer file kinds the classifier reads, told apart by file name.</summary>
internal enum TokenizerKind
{
    /// <summary>A SentencePiece model (<c>*.model</c>): DeBERTa-v3 and Prompt Guard 2 exports.</summary>
    SentencePiece,

    /// <summary>A WordPiece vocabulary (<c>*.txt</c>): BERT-style models.</summary>
    WordPiece,
}

/// <summary>Loads the host's tokenizer file into ids without special tokens, plus the special tokens it implies.</summary>
internal static class TokenizerFiles
{
    public static TokenizerKind? KindOf(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".MODEL" => TokenizerKind.SentencePiece,
        ".TXT" => TokenizerKind.WordPiece,
        _ => null,
    };

    /// <summary>
    /// Text to ids (no special tokens: the windows add them), and the begin/end tokens a WordPiece vocabulary defines
    /// (<c>[CLS]</c>, <c>[SEP]</c>), which the options may override.
    /// </summary>
    public static (Func<string, IReadOnlyList<int>> Encode, int? Begin, int? End) Load(string path)
    {
        switch (KindOf(path))
        {
            case TokenizerKind.SentencePiece:
                using (var stream = File.OpenRead(path))
                {
                    var pieces = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
                    return (text => pieces.EncodeToIds(text), null, null);
                }

            case TokenizerKind.WordPiece:
                var words = BertTokenizer.Create(path);
                return (text => words.EncodeToIds(text, addSpecialTokens: false), words.ClassificationTokenId, words.SeparatorTokenId);

            default:
                throw new InvalidOperationException($"{OnnxClassifierOptionsValidator.Section}:{nameof(OnnxClassifierOptions.TokenizerPath)}: '{path}' is neither a SentencePiece model (*.model) nor a WordPiece vocabulary (*.txt)");
        }
    }
}
