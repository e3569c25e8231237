namespace AgentGuard;

/// <summary>
/// Combines the synchronous <see cref="IInjectionDetector"/> with optional <see cref="IInjectionClassifier"/>s under a
/// time budget: the final score is the highest of them; a classifier that is late or fails leaves the deterministic
/// score in force and adds the marker <c>classifier-unavailable</c>. Without classifiers it completes synchronously.
/// </summary>
internal sealed class InjectionScreen
{
    /// <summary>The marker added when a classifier did not answer in time or failed.</summary>
    internal const string ClassifierUnavailable = "classifier-unavailable";

    /// <summary>The marker added when a classifier scored higher than the deterministic detector.</summary>
    internal const string ClassifierMarker = "classifier";

    private readonly IInjectionDetector? _detector;
    private readonly IInjectionClassifier[] _classifiers;
    private readonly TimeProvider _time;

    public InjectionScreen(IInjectionDetector? detector, IEnumerable<IInjectionClassifier> classifiers, TimeProvider time)
    {
        _detector = detector;
        _classifiers = [.. classifiers];
        _time = time;
    }

    public bool HasClassifiers => _classifiers.Length > 0;

    public bool IsEnabled => _detector is not null || _classifiers.Length > 0;

    /// <summary>The deterministic assessment alone.</summary>
    public InjectionAssessment Assess(string text) => _detector?.Assess(text) ?? InjectionAssessment.None;

    /// <summary>The deterministic assessment raised by the classifiers' scores, each within <paramref name="budget"/>.</summary>
    public async ValueTask<InjectionAssessment> AssessAsync(string text, TimeSpan budget, CancellationToken cancellationToken)
    {
        var assessment = Assess(text);
        if (_classifiers.Length == 0)
        {
            return assessment;
        }

        var score = assessment.Score;
        var markers = new List<string>(assessment.Markers);
        foreach (var classifier in _classifiers)
        {
            try
            {
                using var timeout = new CancellationTokenSource(budget, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                var classified = await classifier.ScoreAsync(text, linked.Token).AsTask().WaitAsync(budget, _time, cancellationToken).ConfigureAwait(false);
                if (double.IsNaN(classified) || classified is < 0 or > 1)
                {
                    throw new InvalidOperationException($"classifier '{classifier.GetType().Name}' returned {classified}, outside 0..1");
                }

                if (classified > score)
                {
                    score = classified;
                    markers.Add(ClassifierMarker);
                }
            }
#pragma warning disable CA1031 // A late or failing classifier must not fail the inspection: the deterministic score stands.
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                if (!markers.Contains(ClassifierUnavailable))
                {
                    markers.Add(ClassifierUnavailable);
                }
            }
        }

        return new InjectionAssessment(score, markers);
    }
}
