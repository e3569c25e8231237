namespace AgentGuard.Tests.Detection;

/// <summary>
/// After a page the agent read, a call that destroys or stops something the user never asked about. Role inference
/// knew delete, remove, drop, wipe, erase, purge, destroy and truncate; a tool named with another everyday verb of
/// loss (trash, empty, clear, uninstall, terminate, kill, shutdown, format, revoke…) had no role, so under zero
/// configuration it ran.
/// </summary>
public sealed class UnlistedDestructiveVerbTests
{
    private static Task<Decision> AfterPage(string tool, string prompt = "Summarize https://blog.example/post for me")
        => Policies.PageReadSession.CallAfterAsync(prompt, "A post about keeping servers tidy.", tool, """{"id":"prod-1"}""", "https://blog.example/post", "web_fetch");

    [Theory]
    [InlineData("trash_email")]
    [InlineData("empty_trash")]
    [InlineData("clear_history")]
    [InlineData("uninstall_app")]
    [InlineData("terminate_instance")]
    [InlineData("kill_process")]
    [InlineData("shutdown_server")]
    [InlineData("format_disk")]
    [InlineData("EC2TerminateInstances")]
    [InlineData("discard_changes")]
    public async Task LossTheUserDidNotAskFor_Asks(string tool)
        => (await AfterPage(tool)).Effect.Should().NotBe(DecisionEffect.Allow);

    [Theory]
    [InlineData("clear_history", "Read https://blog.example/post, then clear my browsing history")]
    [InlineData("kill_process", "The build hangs, kill the process prod-1 after reading https://blog.example/post")]
    [InlineData("terminate_instance", "Terminate the instance prod-1 the post at https://blog.example/post mentions")]
    public async Task LossTheUserAskedFor_Runs(string tool, string prompt)
        => (await AfterPage(tool, prompt)).Effect.Should().Be(DecisionEffect.Allow);

    [Theory]
    [InlineData("format_date")]
    [InlineData("is_empty")]
    [InlineData("stop_words")]
    public async Task ReadOrPureTools_WithThoseWords_Run(string tool)
        => (await AfterPage(tool)).Effect.Should().Be(DecisionEffect.Allow);
}
