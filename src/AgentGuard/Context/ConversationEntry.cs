namespace AgentGuard;

/// <summary>One message of the conversation so far, reduced to its role and text.</summary>
/// <param name="Role">The speaker: <c>user</c>, <c>assistant</c>, <c>system</c> or <c>tool</c>.</param>
/// <param name="Text">The message's text.</param>
public sealed record ConversationEntry(string Role, string Text);
