using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OrtSessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace AgentGuard.Onnx;

/// <summary>
/// The host's ONNX sequence classifier: which inputs it takes (<c>input_ids</c>, optionally <c>attention_mask</c> and
/// <c>token_type_ids</c>, as 64- or 32-bit integers), which output holds the logits, and one batched inference that
/// turns windows of token ids into each window's label probabilities. Checked when loaded, so a model AgentGuard cannot
/// feed fails at start naming what it lacks.
/// </summary>
internal sealed class SequenceClassifierModel : IDisposable
{
    private const string InputIds = "input_ids";
    private const string AttentionMask = "attention_mask";
    private const string TokenTypeIds = "token_type_ids";

    private readonly InferenceSession _session;
    private readonly string[] _inputs;
    private readonly string _output;
    private readonly bool _int32;

    public SequenceClassifierModel(string path, string? outputName, int intraOpThreads)
    {
        using var options = new OrtSessionOptions { IntraOpNumThreads = intraOpThreads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        try
        {
            _session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidOperationException($"{Key(nameof(OnnxClassifierOptions.ModelPath))}: '{path}' is not a model ONNX Runtime can load: {e.Message}", e);
        }

        try
        {
            (_inputs, _int32) = Inputs(_session.InputMetadata);
            (_output, Labels) = Output(_session.OutputMetadata, outputName);
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <summary>The number of labels the model scores, or 0 when its output's last dimension is dynamic.</summary>
    public int Labels { get; }

    /// <summary>Each window's probabilities (softmax of its logits), in window order.</summary>
    public float[][] Probabilities(IReadOnlyList<int[]> windows, int? begin, int? end, int pad, RunOptions run)
    {
        var length = windows.Max(w => w.Length) + (begin is null ? 0 : 1) + (end is null ? 0 : 1);
        var ids = new long[windows.Count * length];
        var mask = new long[ids.Length];
        for (var w = 0; w < windows.Count; w++)
        {
            var at = w * length;
            var filled = 0;
            if (begin is { } b)
            {
                ids[at + filled++] = b;
            }

            foreach (var id in windows[w])
            {
                ids[at + filled++] = id;
            }

            if (end is { } e)
            {
                ids[at + filled++] = e;
            }

            mask.AsSpan(at, filled).Fill(1);
            ids.AsSpan(at + filled, length - filled).Fill(pad);
        }

        long[] shape = [windows.Count, length];
        var values = new List<OrtValue>(_inputs.Length);
        try
        {
            foreach (var input in _inputs)
            {
                var data = input switch
                {
                    AttentionMask => mask,
                    TokenTypeIds => new long[ids.Length],
                    _ => ids,
                };
                values.Add(_int32
                    ? OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(data, v => (int)v), shape)
                    : OrtValue.CreateTensorValueFromMemory(data, shape));
            }

            using var outputs = _session.Run(run, _inputs, values, [_output]);
            var logits = outputs[0].GetTensorDataAsSpan<float>();
            var labels = logits.Length / windows.Count;
            if (labels < 1 || logits.Length != labels * windows.Count)
            {
                throw new InvalidOperationException($"model output '{_output}' holds {logits.Length} values for {windows.Count} sequences; expected one row of logits per sequence");
            }

            var probabilities = new float[windows.Count][];
            for (var w = 0; w < windows.Count; w++)
            {
                probabilities[w] = Softmax(logits.Slice(w * labels, labels));
            }

            return probabilities;
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    public void Dispose() => _session.Dispose();

    private static float[] Softmax(ReadOnlySpan<float> logits)
    {
        var max = float.NegativeInfinity;
        foreach (var logit in logits)
        {
            max = Math.Max(max, logit);
        }

        var result = new float[logits.Length];
        var sum = 0f;
        for (var i = 0; i < logits.Length; i++)
        {
            result[i] = MathF.Exp(logits[i] - max);
            sum += result[i];
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] /= sum;
        }

        return result;
    }

    private static (string[] Names, bool Int32) Inputs(IReadOnlyDictionary<string, NodeMetadata> inputs)
    {
        if (!inputs.ContainsKey(InputIds))
        {
            throw new InvalidOperationException($"{Key(nameof(OnnxClassifierOptions.ModelPath))}: the model has no '{InputIds}' input (it has {string.Join(", ", inputs.Keys)})");
        }

        var int32 = inputs[InputIds].ElementDataType == TensorElementType.Int32;
        foreach (var (name, metadata) in inputs)
        {
            if (name is not (InputIds or AttentionMask or TokenTypeIds))
            {
                throw new InvalidOperationException($"{Key(nameof(OnnxClassifierOptions.ModelPath))}: the model's input '{name}' is not one AgentGuard feeds ({InputIds}, {AttentionMask}, {TokenTypeIds})");
            }

            if (metadata.ElementDataType != (int32 ? TensorElementType.Int32 : TensorElementType.Int64))
            {
                throw new InvalidOperationException($"{Key(nameof(OnnxClassifierOptions.ModelPath))}: the model's input '{name}' takes {metadata.ElementDataType}; AgentGuard feeds 64- or 32-bit integer token ids, all inputs alike");
            }
        }

        return ([.. inputs.Keys], int32);
    }

    private static (string Name, int Labels) Output(IReadOnlyDictionary<string, NodeMetadata> outputs, string? wanted)
    {
        string name;
        if (wanted is { Length: > 0 })
        {
            name = outputs.ContainsKey(wanted) ? wanted : throw new InvalidOperationException($"{Key(nameof(OnnxClassifierOptions.OutputName))}: the model has no output '{wanted}' (it has {string.Join(", ", outputs.Keys)})");
        }
        else if (outputs.Count == 1)
        {
            name = outputs.Keys.First();
        }
        else
        {
            name = outputs.ContainsKey("logits") ? "logits" : throw new InvalidOperationException($"{Key(nameof(OnnxClassifierOptions.OutputName))}: the model has several outputs ({string.Join(", ", outputs.Keys)}); name the one holding the logits");
        }

        var metadata = outputs[name];
        if (metadata.ElementDataType != TensorElementType.Float)
        {
            throw new InvalidOperationException($"{Key(nameof(OnnxClassifierOptions.ModelPath))}: the model's output '{name}' holds {metadata.ElementDataType}; AgentGuard reads 32-bit float logits");
        }

        var dimensions = metadata.Dimensions;
        return (name, dimensions.Length > 0 && dimensions[^1] > 0 ? dimensions[^1] : 0);
    }

    private static string Key(string option) => $"{OnnxClassifierOptionsValidator.Section}:{option}";
}
