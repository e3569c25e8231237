using System.Text.Json;

namespace AgentGuard;

/// <summary>
/// Tags a call <c>secret-in-arguments</c> when the <see cref="ISecretDetector"/> finds a credential in any of its
/// string arguments (or in a string argument's property name/value pair such as <c>"api_key": "…"</c>), so rules can
/// deny e.g. <c>secret-in-arguments</c> + <c>external-send</c>. Scans at most <see cref="MaxScannedChars"/> characters.
/// </summary>
internal sealed class SecretArgumentClassifier : IToolClassifier
{
    /// <summary>The most argument text scanned per call.</summary>
    internal const int MaxScannedChars = 256 * 1024;

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
        if (_detector is null || toolCall.Arguments.IsMalformed || toolCall.Arguments.Length <= 2 || _policies?.Current.Detection.Secrets == false)
        {
            return RiskLevel.Unknown;
        }

        var budget = MaxScannedChars;
        List<SecretFinding>? findings = null;
        if (Scan(toolCall.Arguments.Root, null, ref findings, ref budget))
        {
            tags.Add(DetectionTags.SecretInArguments);
        }

        return RiskLevel.Unknown;
    }

    private bool Scan(JsonElement element, string? name, ref List<SecretFinding>? findings, ref int budget)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (budget <= 0)
                    {
                        return false;
                    }

                    if (Scan(property.Value, property.Name, ref findings, ref budget))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (budget <= 0)
                    {
                        return false;
                    }

                    if (Scan(item, name, ref findings, ref budget))
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

                if (text.Length > budget)
                {
                    text = text[..budget];
                }

                budget -= text.Length;
                findings ??= [];
                _detector!.Find(text, findings);
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
