namespace AgentGuard.Redis;

/// <summary>
/// A decided call as the history records it, encoded (<see cref="HistoryEntry.Encode"/>) by whoever sends it rather than
/// by the deciding thread: the encoding is about a microsecond the decision need not wait for. Every field is immutable
/// (strings, and a tag array the engine made for this call and never writes again).
/// </summary>
/// <param name="ToolName">The tool's name.</param>
/// <param name="Kind">The kind of tool call.</param>
/// <param name="Source">The tool's source (MCP server, host), if any.</param>
/// <param name="Tags">The call's tags.</param>
/// <param name="Effect">What the policy decided.</param>
/// <param name="Time">When it was decided.</param>
/// <param name="CallId">The framework's call id, if any.</param>
/// <param name="Id">The entry's random id (<see cref="RedisSessionStore.NextEntryId"/>).</param>
/// <param name="Keeps">The history length the entry's writer trims the list to (<see cref="RedisSessionStore.Keeps"/>).</param>
internal readonly record struct RecordedCall(string ToolName, ToolKind Kind, string? Source, string[] Tags, DecisionEffect Effect, DateTimeOffset Time, string? CallId, ulong Id, int Keeps)
{
    /// <summary>The history entry Redis stores.</summary>
    public byte[] Encode() => HistoryEntry.Encode(ToolName, Kind, Source, Tags, Effect, Time, CallId, Id, Keeps);
}
