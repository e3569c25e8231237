using System.Text.Json;

namespace AgentGuard;

/// <summary>
/// Tags a call <c>secret-in-arguments</c> when the <see cref="ISecretDetector"/> finds a credential in any of its
/// string arguments (or in a string argument's property name/value pair such as <c>"api_key": "…"</c>), so rules can
/// deny e.g. <c>secret-in-arguments</c> + <c>external-send</c>. Scans every string argument, also through one layer of
/// base64 or percent-encoding (<see cref="RedactorEncodedSecrets"/>), and only when some rule
/// references the tag: a policy that cannot react to it pays nothing. The scan is bounded by the arguments' own size,
/// which the engine caps at <c>Arguments:MaxLength</c> (longer arguments are unreadable and never get here); a fixed
/// smaller budget let a secret placed after padding pass unread.
/// </summary>
internal sealed class SecretArgumentClassifier : IToolClassifier
{
    private readonly ISecretDetector? _detector;
    private readonly PolicyProvider? _policies;

    public SecretArgumentClassifier(ISecretDetector? detector, PolicyProvider? policies = null)
    {
        _detector = detector;
        _policies = policies;
    }

    public RiskLevel Classify(ToolCallEvent toolCall, GuardContext context, ICollection<string> tags)
    {
        ArgumentNullException.ThrowIfNull(toolCall);
        ArgumentNullException.ThrowIfNull(tags);
        if (_detector is null || toolCall.Arguments.IsMalformed || toolCall.Arguments.Length <= 2 || _policies?.Current.Detection.Secrets == false
            || _policies?.Current.References(DetectionTags.SecretInArguments) == false)
        {
            return RiskLevel.Unknown;
        }

        List<SecretFinding>? findings = null;
        if (Scan(toolCall.Arguments.Root, null, ref findings))
        {
            tags.Add(DetectionTags.SecretInArguments);
        }

        return RiskLevel.Unknown;
    }

    private bool Scan(JsonElement element, string? name, ref List<SecretFinding>? findings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (Scan(property.Value, property.Name, ref findings))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (Scan(item, name, ref findings))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.String:
                var text = element.GetString();
                if (string.IsNullOrEmpty(text) || text.Length < 8)
                {
                    return false;
                }

                findings ??= [];
                _detector!.Find(text, findings);
                if (findings.Count > 0)
                {
                    return true;
                }

                // One layer of encoding hides no key: base64 (a file's text, id:secret) and percent-encoding (a URL's query),
                // decoded and scanned as the audit redactor does.
                RedactorEncodedSecrets.Find(_detector, text, findings);
                if (findings.Count > 0)
                {
                    return true;
                }

                // A bare value under a key-like name: {"api_key": "…"} reads as api_key=… to the detector.
                if (name is not null && ArgumentRedactor.IsSecretKey(name) && text.Length <= 512 && text.IndexOf('\n') < 0)
                {
                    _detector.Find(name + "=\"" + text + "\"", findings);
                    return findings.Count > 0;
                }

                return false;
            default:
                return false;
        }
    }
}
