using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace AgentGuard.Onnx;

/// <summary>
/// An <see cref="IInjectionClassifier"/> that runs the host's prompt-injection model (e.g. a Prompt Guard 2 ONNX export)
/// in process: the text is cleaned (invisible characters dropped, Unicode tag characters read as the ASCII they hide),
/// tokenized, cut into windows of the model's length (<see cref="OnnxClassifierOptions.MaxWindows"/>
/// at most), scored in one batched inference on the thread pool, and the highest window's probability of the injection
/// labels is the score. A cancelled or late call stops the inference (ONNX Runtime's terminate flag); the engine's
/// screen then keeps the deterministic score and records <c>injection:classifier-unavailable</c>.
/// </summary>
public sealed partial class OnnxInjectionClassifier : IInjectionClassifier, IDisposable
{
    private readonly SequenceClassifierModel _model;
    private readonly Func<string, IReadOnlyList<int>> _encode;
    private readonly int? _begin;
    private readonly int? _end;
    private readonly int _pad;
    private readonly int _body;
    private readonly int _maxWindows;
    private readonly int[] _labels;

    /// <summary>Loads the model and tokenizer named by <paramref name="options"/>; throws naming the key when they cannot be used.</summary>
    public OnnxInjectionClassifier(OnnxClassifierOptions options, ILogger<OnnxInjectionClassifier>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = OnnxClassifierOptionsValidator.Problems(options);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        var (encode, begin, end) = TokenizerFiles.Load(options.TokenizerPath!);
        _encode = encode;
        _begin = options.BeginTokenId ?? begin;
        _end = options.EndTokenId ?? end;
        _pad = options.PadTokenId;
        _body = options.MaxTokens - (_begin is null ? 0 : 1) - (_end is null ? 0 : 1);
        _maxWindows = options.MaxWindows;
        _labels = options.InjectionLabels ?? [1];
        _model = new SequenceClassifierModel(options.ModelPath!, options.OutputName, options.IntraOpThreads);
        if (_model.Labels > 0 && _labels.Max() >= _model.Labels)
        {
            _model.Dispose();
            throw new InvalidOperationException($"{OnnxClassifierOptionsValidator.Section}:{nameof(OnnxClassifierOptions.InjectionLabels)}: the model scores {_model.Labels} labels (0..{_model.Labels - 1}); [{string.Join(", ", _labels)}] is out of range");
        }

        Log.Loaded(logger ?? (ILogger)NullLogger.Instance, Path.GetFileName(options.ModelPath!), _model.Labels, string.Join(", ", _labels), options.MaxTokens, _maxWindows);
    }

    /// <inheritdoc />
    public ValueTask<double> ScoreAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return ValueTask.FromResult(0d);
        }

        // On the thread pool, so a caller's deadline can give up waiting; the token also stops the inference itself.
        return new ValueTask<double>(Task.Run(() => Score(text, cancellationToken), cancellationToken));
    }

    /// <summary>The score of <paramref name="text"/> on the calling thread.</summary>
    internal double Score(string text, CancellationToken cancellationToken)
    {
        var windows = TokenWindows.Of(ModelText.Clean(text), _encode, _body, _maxWindows);
        if (windows.TrueForAll(window => window.Length == 0))
        {
            // Nothing a person would read (only format characters, say): no sequence to score.
            return 0;
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var run = new RunOptions();
        using var stop = cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, run);
        float[][] probabilities;
        try
        {
            probabilities = _model.Probabilities(windows, _begin, _end, _pad, run);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        var score = 0d;
        foreach (var window in probabilities)
        {
            var injected = 0d;
            foreach (var label in _labels)
            {
                injected += label < window.Length ? window[label] : throw new InvalidOperationException($"{OnnxClassifierOptionsValidator.Section}:{nameof(OnnxClassifierOptions.InjectionLabels)}: label {label} is beyond the model's {window.Length} labels");
            }

            score = Math.Max(score, Math.Clamp(injected, 0, 1));
        }

        return score;
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();

    private static partial class Log
    {
        [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "AgentGuard ONNX injection classifier loaded {Model}: {Labels} labels, injection labels [{InjectionLabels}], {MaxTokens} tokens per window, at most {MaxWindows} windows")]
        public static partial void Loaded(ILogger logger, LogText model, int labels, LogText injectionLabels, int maxTokens, int maxWindows);
    }
}
