namespace AgentGuard.Onnx.Tests.Infrastructure;

/// <summary>
/// A small prompt-injection classifier the tests run for real through ONNX Runtime: each token id has a learnt pair of
/// logits (benign, injected), a sequence's logits are the sum over its unmasked tokens (Gather → Mul by the attention
/// mask → ReduceSum). The begin token carries a benign bias of 2; each trigger word adds 1.2 to "injected", so one
/// trigger alone stays below 0.5 and three in one sequence reach 0.83. With its WordPiece vocabulary (BERT-style) and
/// its SentencePiece model (DeBERTa-v3-style ids: [PAD] 0, [CLS] 1, [SEP] 2), written to a temporary folder.
/// </summary>
internal sealed class ToyModels : IDisposable
{
    public static readonly string[] Triggers = ["ignore", "previous", "instructions", "zorblax", "frobnicate"];

    private static readonly string[] Words = ["the", "weather", "is", "sunny", "today", "meeting", "at", "noon", "report", "quarterly", "please", "summarise", "numbers", "and", "send", "to", "team"];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("agentguard-onnx-");

    public ToyModels()
    {
        string[] wordPiece = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", .. Triggers, .. Words, ".", ","];
        File.WriteAllLines(VocabPath, wordPiece);
        File.WriteAllBytes(WordPieceModelPath, Model(wordPiece, begin: "[CLS]"));

        string[] pieces = ["[PAD]", "[CLS]", "[SEP]", "<unk>", .. Triggers.Select(t => "\u2581" + t), .. Words.Select(w => "\u2581" + w), "\u2581", .. "abcdefghijklmnopqrstuvwxyz.,".Select(c => c.ToString())];
        File.WriteAllBytes(SentencePiecePath, SentencePiece(pieces));
        File.WriteAllBytes(SentencePieceModelPath, Model(pieces, begin: "[CLS]"));
    }

    public string VocabPath => Path.Combine(_folder.FullName, "vocab.txt");

    public string WordPieceModelPath => Path.Combine(_folder.FullName, "wordpiece-classifier.onnx");

    public string SentencePiecePath => Path.Combine(_folder.FullName, "spm.model");

    public string SentencePieceModelPath => Path.Combine(_folder.FullName, "sentencepiece-classifier.onnx");

    public string Folder => _folder.FullName;

    /// <summary>Writes a file into the folder and returns its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>The classifier over <paramref name="vocabulary"/> (ids are positions), as ONNX bytes.</summary>
    public static byte[] Model(IReadOnlyList<string> vocabulary, string begin, string extraInput = "", int labels = 2)
    {
        var weights = new float[vocabulary.Count * labels];
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var token = vocabulary[id].TrimStart('\u2581');
            if (vocabulary[id] == begin)
            {
                weights[id * labels] = 2f;
            }
            else if (Triggers.Contains(token))
            {
                weights[(id * labels) + 1] = 1.2f;
            }
        }

        var graph = new Protobuf()
            .Message(1, Node("Gather", ["embedding", "input_ids"], "token_logits"))
            .Message(1, Node("Cast", ["attention_mask"], "mask", new Protobuf().String(1, "to").Int(3, 1).Int(20, 2)))
            .Message(1, Node("Unsqueeze", ["mask", "last_axis"], "mask3"))
            .Message(1, Node("Mul", ["token_logits", "mask3"], "masked"))
            .Message(1, Node("ReduceSum", ["masked", "sequence_axis"], "logits", new Protobuf().String(1, "keepdims").Int(3, 0).Int(20, 2)))
            .String(2, "toy-injection-classifier")
            .Message(5, Tensor("embedding", [vocabulary.Count, labels], weights, dataType: 1))
            .Message(5, Tensor("last_axis", [1], new long[] { 2 }, dataType: 7))
            .Message(5, Tensor("sequence_axis", [1], new long[] { 1 }, dataType: 7))
            .Message(11, Value("input_ids", 7, "batch", "sequence"))
            .Message(11, Value("attention_mask", 7, "batch", "sequence"));
        if (extraInput.Length > 0)
        {
            graph.Message(11, Value(extraInput, 1, "batch", "sequence"));
        }

        graph.Message(12, Value("logits", 1, "batch", labels));
        return new Protobuf()
            .Int(1, 8)
            .String(2, "agentguard-tests")
            .Message(7, graph)
            .Message(8, new Protobuf().String(1, string.Empty).Int(2, 13))
            .ToArray();
    }

    /// <summary>A SentencePiece unigram model of <paramref name="pieces"/> (ids are positions; letters as fallback).</summary>
    private static byte[] SentencePiece(IReadOnlyList<string> pieces)
    {
        var model = new Protobuf();
        for (var id = 0; id < pieces.Count; id++)
        {
            var type = pieces[id] switch
            {
                "<unk>" => 2,
                "[PAD]" or "[CLS]" or "[SEP]" => 3,
                _ => 1,
            };
            var score = pieces[id].Length == 1 ? -10f : -1f;
            model.Message(1, new Protobuf().String(1, pieces[id]).Float(2, type == 1 ? score : 0f).Int(3, type));
        }

        var trainer = new Protobuf().Int(3, 1).Int(4, pieces.Count).Int(40, 3).Int(41, 1).Int(42, 2).Int(43, 0)
            .String(45, "<unk>").String(46, "[CLS]").String(47, "[SEP]").String(48, "[PAD]");
        var normalizer = new Protobuf().String(1, "identity").Bool(3, true).Bool(4, true).Bool(5, true);
        return model.Message(2, trainer).Message(3, normalizer).ToArray();
    }

    private static Protobuf Node(string op, string[] inputs, string output, Protobuf? attribute = null)
    {
        var node = new Protobuf();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }

        node.String(2, output).String(3, op + "_" + output).String(4, op);
        if (attribute is not null)
        {
            node.Message(5, attribute);
        }

        return node;
    }

    private static Protobuf Tensor<T>(string name, long[] dims, T[] values, int dataType)
        where T : unmanaged
    {
        var tensor = new Protobuf();
        foreach (var dim in dims)
        {
            tensor.Int(1, dim);
        }

        return tensor.Int(2, dataType).String(8, name).Bytes(9, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static Protobuf Value(string name, int elementType, params object[] dims)
    {
        var shape = new Protobuf();
        foreach (var dim in dims)
        {
            shape.Message(1, dim is string symbol ? new Protobuf().String(2, symbol) : new Protobuf().Int(1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture)));
        }

        var tensor = new Protobuf().Int(1, elementType).Message(2, shape);
        return new Protobuf().String(1, name).Message(2, new Protobuf().Message(1, tensor));
    }
}
