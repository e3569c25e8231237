namespace AgentGuard.Tests.Policies;

/// <summary>
/// The prompt-implied task scope took "post", "message" or "email" as the user's verb wherever they stood, so "summarize
/// the latest post" put every sending tool in scope: after the page was read, <c>post_tweet</c>, <c>share_document</c>,
/// <c>reply_comment</c> or <c>invite_user</c> ran unasked. After an article, a possessive or a word such as "latest"
/// those words name the thing read, not an action asked for.
/// </summary>
public sealed class ContentNounIsNoVerbTests
{
    private static Task<Decision> AfterPage(string prompt, string tool)
        => PageReadSession.CallAfterAsync(prompt, "Our Q3 roadmap is out. We shipped faster builds and a new dashboard.", tool, """{"target":"acme","text":"hello"}""");

    [Theory]
    [InlineData("Summarize the latest post on the team blog.", "post_tweet")]
    [InlineData("Summarize the latest post on the team blog.", "share_document")]
    [InlineData("What does the blog post say about builds?", "reply_comment")]
    [InlineData("Read my messages from the release channel.", "invite_user")]
    [InlineData("Is there anything urgent in my emails?", "post_tweet")]
    public async Task ContentTheUserReads_AsksBeforeSending(string prompt, string tool)
        => (await AfterPage(prompt, tool)).Effect.Should().NotBe(DecisionEffect.Allow);

    [Theory]
    [InlineData("Post a summary of the latest article.", "post_tweet")]
    [InlineData("Email acme the summary of the article.", "send_email")]
    [InlineData("Read the article, then reply to the latest comment.", "reply_comment")]
    [InlineData("Read the blog post and share it with acme.", "share_document")]
    [InlineData("Can you post the roadmap summary for acme?", "post_tweet")]
    [InlineData("I want to message acme about the roadmap.", "send_message")]
    public async Task SendingTheUserAskedFor_IsInScope(string prompt, string tool)
        => (await AfterPage(prompt, tool)).RuleIds.Should().NotContain("pack-untrusted-outside-task");
}
