namespace AgentGuard.AspNetCore;

/// <summary>What became of an answer.</summary>
public enum AnswerResult
{
    /// <summary>The answer was given to the waiting call.</summary>
    Accepted = 0,

    /// <summary>No call with that id is waiting (answered, timed out, or never asked).</summary>
    NotFound,

    /// <summary>The fingerprint does not match the waiting call: the person was shown a different call.</summary>
    FingerprintMismatch,

    /// <summary>The person may not answer a call made on their own behalf.</summary>
    SelfApproval,

    /// <summary>A rejection needs a reason.</summary>
    ReasonRequired,
}
