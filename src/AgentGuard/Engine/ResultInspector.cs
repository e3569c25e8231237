using System.Globalization;
using AgentGuard.Policies;
using Microsoft.Extensions.Logging;

namespace AgentGuard;

/// <summary>
/// The result hook: labels the session from what a tool returned (<c>untrusted</c> for untrusted sources,
/// <c>secret-seen</c>, <c>injection-suspected</c>), remembers the text for provenance rules, and redacts secrets when
/// configured. Only the first <c>Arguments:MaxLength</c> characters are scanned, so huge results cost bounded time; what
/// lies past them is not vouched for (<see cref="ResultFindings.OverScanLimit"/>): the session is labelled untrusted, and
/// when results are redacted the unread rest is withheld from the model instead of passed on unscanned.
/// </summary>
internal sealed partial class ResultInspector
{
    /// <summary>Tags that mark a tool's results as coming from outside the organisation's control.</summary>
    internal static readonly string[] UntrustedSourceTags = ["untrusted-source", "untrusted"];

    private readonly ISecretDetector? _secrets;
    private readonly InjectionScreen _injection;
    private readonly AgentGuardDiagnostics _diagnostics;
    private readonly ILogger _logger;

    private readonly Inference.RoleInferenceClassifier? _inference;

    public ResultInspector(IEnumerable<ISecretDetector> secrets, InjectionScreen injection, AgentGuardDiagnostics diagnostics, ILoggerFactory loggerFactory, Inference.RoleInferenceClassifier? inference = null)
    {
        _inference = inference;
        _secrets = secrets.FirstOrDefault();
        _injection = injection;
        _diagnostics = diagnostics;
        _logger = loggerFactory.CreateLogger<ResultInspector>();
    }

    /// <summary>Inspects a result; awaits host injection classifiers (within the evaluation time budget) when there are any.</summary>
    /// <remarks>
    /// <c>handed</c>: the typed values of the call's arguments, when the policy needs them remembered (<see cref="HandedValues"/>).
    /// </remarks>
    public ValueTask<ResultInspection> InspectAsync(CompiledPolicy policy, ToolCallEvent toolCall, GuardContext context, ToolResult result, ISessionView? session, HandedValues? handed, CancellationToken cancellationToken)
    {
        if (session is not null && handed is not null)
        {
            RememberHanded(handed, session, toolCall.ToolName);
        }

        if (!_injection.HasClassifiers || !policy.Detection.Injection || result.Text is null)
        {
            return new ValueTask<ResultInspection>(Inspect(policy, toolCall, context, result, session));
        }

        return Classified();

        async ValueTask<ResultInspection> Classified()
        {
            var text = result.Text;
            var scanned = text.Length > policy.ArgumentLimits.MaxLength ? text[..policy.ArgumentLimits.MaxLength] : text;
            InjectionAssessment assessment;
            try
            {
                assessment = await _injection.AssessAsync(scanned, policy.EvaluationTimeout, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failing detector is handled like in the synchronous path: Inspect labels the result untrusted.
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogDetectorFailed(ex, toolCall.ToolName);
                assessment = new InjectionAssessment(1, [ResultFindings.InspectionFailed]);
            }

            return Inspect(policy, toolCall, context, result, session, assessment);
        }
    }

    /// <summary>
    /// Remembers as untrusted the values the model handed to the call that no prompt or trusted result had shown, before
    /// anything of its result is remembered (see <see cref="HandedValues"/>). A store that cannot say what it saw gets
    /// them all (the safe side: a value is only ever kept from being vouched for).
    /// </summary>
    private static void RememberHanded(HandedValues handed, ISessionView session, string toolName)
    {
        string? unvouched;
        try
        {
            unvouched = handed.Unvouched(session);
        }
        catch (SessionStoreUnavailableException)
        {
            unvouched = string.Join('\n', handed.Values.Select(v => v.Text));
        }

        if (unvouched is not null)
        {
            session.Observe(ValueOrigin.Untrusted, unvouched, HandedValues.SourceOf(toolName));
        }
    }

    public ResultInspection Inspect(CompiledPolicy policy, ToolCallEvent toolCall, GuardContext context, ToolResult result, ISessionView? session, InjectionAssessment? precomputed = null)
    {
        var classification = policy.Tools.Classify(toolCall.ToolName, toolCall.Source, toolCall.Kind);
        var roles = _inference?.RolesOf(toolCall);
        var markedUntrusted = classification.Untrusted || HasAny(toolCall.Tags, UntrustedSourceTags) || HasAny(classification.Tags, UntrustedSourceTags);
        var untrusted = markedUntrusted || (roles?.IsThirdPartySource == true && !classification.Trusted);
        var ran = session is null ? null : RanLabels(policy.TagsThatLabel, toolCall.Tags, classification.Tags, roles?.Tags);
        var text = result.Text;
        if (text is null)
        {
            return result.Labels.Count == 0 && ran is null ? ResultInspection.Unchanged : LabelOnly(toolCall, ran is null ? result.Labels : [.. result.Labels, .. ran], session);
        }

        var scanned = text.Length > policy.ArgumentLimits.MaxLength ? text[..policy.ArgumentLimits.MaxLength] : text;
        var labels = new List<string>(result.Labels);
        if (ran is not null)
        {
            labels.AddRange(ran);
        }

        var findings = new List<string>();
        string? redacted = null;
        var alert = false;
        var unread = text.Length - scanned.Length;

        // What the secret scan reads and, past the scan limit, what the model may get: the scanned part, extended to the
        // end of a token cut there (the text itself when nothing is cut).
        var read = ArgumentRedactor.ToTokenEnd(text, scanned.Length);
        if (untrusted || unread > 0)
        {
            labels.Add(SessionLabels.Untrusted);
        }

        if (unread > 0)
        {
            findings.Add(ResultFindings.OverScanLimit);
            alert = true;
        }

        try
        {
            if (policy.Detection.Secrets && _secrets is not null)
            {
                var secrets = new List<SecretFinding>();
                // A token cut by the scan limit is scanned to its end, so it is found (and redacted) whole.
                _secrets.Find(read, secrets);
                if (secrets.Count > 0)
                {
                    labels.Add(SessionLabels.SecretSeen);
                    findings.AddRange(secrets.Select(s => "secret:" + s.Kind).Distinct());
                    alert = true;
                    if (policy.Detection.RedactSecretsInResults)
                    {
                        redacted = unread > 0 ? ArgumentRedactor.Replace(read, secrets) : ArgumentRedactor.Replace(text, read.Length, secrets);
                    }
                }
            }

            if (policy.Detection.Injection && _injection.IsEnabled)
            {
                var assessment = precomputed ?? _injection.Assess(scanned);
                if (assessment.Markers.Contains(InjectionScreen.ClassifierUnavailable))
                {
                    findings.Add("injection:" + InjectionScreen.ClassifierUnavailable);
                }

                if (assessment.Score >= policy.Detection.InjectionThreshold)
                {
                    labels.Add(SessionLabels.InjectionSuspected);
                    labels.Add(SessionLabels.Untrusted);
                    findings.AddRange(assessment.Markers.Where(m => m != InjectionScreen.ClassifierUnavailable).Select(m => "injection:" + m));
                    alert = true;
                }
            }
        }
#pragma warning disable CA1031 // A failing detector cannot vouch for the content: label it untrusted and alert, never crash the agent.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogDetectorFailed(ex, toolCall.ToolName);
            labels.Add(SessionLabels.Untrusted);
            findings.Add(ResultFindings.InspectionFailed);
            alert = true;
        }

        if (unread > 0 && policy.Detection.RedactSecretsInResults && read.Length < text.Length)
        {
            redacted = Withheld(redacted ?? read, text.Length - read.Length);
        }

        string[] added = [];
        if (session is not null)
        {
            // A tool directory's listing names tools by design (see ToolDirectoryListing), unless the host marked it untrusted.
            var remembered = roles?.IsToolDirectory == true && !markedUntrusted ? ToolDirectoryListing.WithoutListedNames(scanned) : scanned;
            var fields = untrusted ? null : UntrustedFields.Split(remembered, classification.UntrustedFields);

            // What a trusted tool repeats of its own arguments is not remembered as trusted (see EchoedValues).
            var echoed = untrusted ? null : EchoedValues.Of(toolCall.Arguments);
            if (fields is { } split)
            {
                // A trusted tool with fields third parties wrote: those values are untrusted, the rest trusted.
                session.Observe(ValueOrigin.Untrusted, split.Untrusted, toolCall.ToolName);
                session.Observe(ValueOrigin.Trusted, echoed is null ? split.Trusted : echoed.Cut(split.Trusted), toolCall.ToolName);
                if (split.Untrusted.Length > 0 && !labels.Contains(SessionLabels.Untrusted))
                {
                    labels.Add(SessionLabels.Untrusted);
                }
            }
            else if (untrusted)
            {
                session.Observe(ValueOrigin.Untrusted, remembered, toolCall.ToolName);
            }
            else
            {
                session.Observe(ValueOrigin.Trusted, echoed is null ? remembered : echoed.Cut(remembered), toolCall.ToolName);
            }

            if (policy.VouchesByCorrespondents && (untrusted || fields is { Untrusted.Length: > 0 }) && Provenance.Correspondents.Extract(remembered) is { } correspondents)
            {
                // The people of the messages found, beside the result's own origin: they vouch only for a reply the user
                // asks for by name. A trusted result's addresses vouch already.
                session.Observe(ValueOrigin.Correspondent, correspondents, toolCall.ToolName);
            }

            if (labels.Count > 0)
            {
                added = session.AddResultLabels(SessionKeys.Bound(toolCall.CallId), SessionKeys.Bound(toolCall.ToolName)!, [.. labels.Distinct(StringComparer.OrdinalIgnoreCase)]);
            }
        }

        if (findings.Count > 0)
        {
            if (_diagnostics.ResultFindings.Enabled)
            {
                _diagnostics.ResultFindings.Add(findings.Count, new KeyValuePair<string, object?>(TelemetryTags.ToolName, toolCall.ToolName));
            }

            LogFindings(toolCall.ToolName, context.SessionId, string.Join(",", findings));
        }

        if (labels.Count == 0 && redacted is null && findings.Count == 0)
        {
            return ResultInspection.Unchanged;
        }

        return new ResultInspection
        {
            AddedLabels = session is null ? [.. labels.Distinct(StringComparer.OrdinalIgnoreCase)] : added,
            RedactedText = redacted,
            Findings = findings,
            Alert = alert,
        };
    }

    /// <summary>What was read of a result longer than the scan limit, and a line saying how much of it was withheld unread.</summary>
    private static string Withheld(string read, int unread)
        => string.Create(CultureInfo.InvariantCulture, $"{read}\n[AgentGuard: {unread} characters past the scan limit withheld unread]");

    /// <summary>A result with no text but labels (a database statement that read tagged tables): the session gets them.</summary>
    /// <summary>
    /// The <c>ran:&lt;tag&gt;</c> labels the call's tags give the session now that it ran (configured, event and inferred
    /// tags alike), for the tags some rule asks about; null when none (see <see cref="SessionLabels.RanPrefix"/>).
    /// </summary>
    private static List<string>? RanLabels(System.Collections.Frozen.FrozenSet<string> labelling, IReadOnlyCollection<string> eventTags, IReadOnlyCollection<string> configuredTags, IReadOnlyCollection<string>? inferredTags)
    {
        if (labelling.Count == 0)
        {
            return null;
        }

        List<string>? ran = null;
        foreach (var tags in (IReadOnlyCollection<string>?[])[eventTags, configuredTags, inferredTags])
        {
            foreach (var tag in tags ?? [])
            {
                if (labelling.Contains(tag))
                {
                    (ran ??= []).Add(SessionLabels.RanPrefix + tag.ToLowerInvariant());
                }
            }
        }

        return ran;
    }

    private static ResultInspection LabelOnly(ToolCallEvent toolCall, IReadOnlyList<string> given, ISessionView? session)
    {
        string[] labels = [.. given.Distinct(StringComparer.OrdinalIgnoreCase)];
        return new ResultInspection { AddedLabels = session is null ? labels : session.AddResultLabels(SessionKeys.Bound(toolCall.CallId), SessionKeys.Bound(toolCall.ToolName)!, labels) };
    }

    private static bool HasAny(IReadOnlyList<string> tags, string[] wanted)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            foreach (var w in wanted)
            {
                if (string.Equals(tags[i], w, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [LoggerMessage(1101, LogLevel.Warning, "Result of {ToolName} in session {SessionId}: {Findings}")]
    private partial void LogFindings(LogText toolName, LogText sessionId, LogText findings);

    [LoggerMessage(1102, LogLevel.Error, "A result detector failed on the result of {ToolName}; the session is labelled untrusted.")]
    private partial void LogDetectorFailed(Exception exception, LogText toolName);
}
