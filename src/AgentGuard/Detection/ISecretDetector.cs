namespace AgentGuard;

/// <summary>Finds credentials in text: used to redact audit events and results, and to label sessions <c>secret-seen</c>.</summary>
public interface ISecretDetector
{
    /// <summary>Adds every secret found in <paramref name="text"/> to <paramref name="findings"/>.</summary>
    void Find(string text, ICollection<SecretFinding> findings);
}

/// <summary>One secret found in a text.</summary>
/// <param name="Kind">What it looks like, e.g. <c>aws-access-key</c>, <c>private-key</c>, <c>jwt</c>.</param>
/// <param name="Start">Where it starts.</param>
/// <param name="Length">How long it is.</param>
public readonly record struct SecretFinding(string Kind, int Start, int Length);
