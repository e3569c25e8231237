namespace AgentGuard;

/// <summary>Receives one <see cref="AuditRecord"/> per decision. Called on the decision path: hand work off, never block.</summary>
public interface IAuditSink
{
    /// <summary>Records one decision. Must not throw; a failure is logged and the decision stands.</summary>
    void Write(AuditRecord record);
}
