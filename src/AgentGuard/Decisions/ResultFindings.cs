namespace AgentGuard;

/// <summary>The findings the result hook reports beyond what a detector found (<see cref="ResultInspection.Findings"/>).</summary>
public static class ResultFindings
{
    /// <summary>A detector failed on the result; the session is labelled untrusted.</summary>
    public const string InspectionFailed = "inspection-failed";

    /// <summary>
    /// The result was longer than the scan limit (<c>Arguments:MaxLength</c>), so its rest was not read: the session is
    /// labelled untrusted, and with <c>Detection:RedactSecretsInResults</c> the unread rest is withheld from the model.
    /// </summary>
    public const string OverScanLimit = "result-over-scan-limit";
}
