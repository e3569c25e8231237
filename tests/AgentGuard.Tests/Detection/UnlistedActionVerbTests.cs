using AgentGuard.Inference;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// After a page the agent read, a call that weakens a control, ships code or joins something the user never asked
/// about. Role inference had no role for deactivate, suspend, turn (off), allow, whitelist, authorize, merge, push,
/// deploy, rotate, accept, install or eval, so under zero configuration a page could have the agent turn off MFA,
/// allowlist its domain, merge its pull request or install its extension unasked.
/// </summary>
public sealed class UnlistedActionVerbTests
{
    private static Task<Decision> AfterPage(string tool, string prompt = "Summarize the latest article on the team blog.")
        => Policies.PageReadSession.CallAfterAsync(prompt, "Our Q3 roadmap is out. We shipped faster builds and a new dashboard.", tool, """{"target":"acme"}""");

    [Theory]
    [InlineData("deactivate_user")]
    [InlineData("suspend_account")]
    [InlineData("turn_off_mfa")]
    [InlineData("allow_ip")]
    [InlineData("whitelist_domain")]
    [InlineData("allowlist_sender")]
    [InlineData("authorize_app")]
    [InlineData("merge_pull_request")]
    [InlineData("push_commit")]
    [InlineData("deploy_to_production")]
    [InlineData("rotate_keys")]
    [InlineData("accept_invitation")]
    [InlineData("install_extension")]
    [InlineData("eval_code")]
    public async Task ActionTheUserDidNotAskFor_Asks(string tool)
        => (await AfterPage(tool)).Effect.Should().NotBe(DecisionEffect.Allow);

    [Theory]
    [InlineData("merge_pull_request", "Read the review on the team blog, then merge the pull request acme.")]
    [InlineData("deploy_to_production", "Check the release notes on the blog and deploy acme to production.")]
    [InlineData("turn_off_mfa", "Read the blog's guide and turn off MFA for acme.")]
    [InlineData("accept_invitation", "Accept the invitation from acme after you read the article.")]
    [InlineData("whitelist_domain", "Allow the domain acme in the filter, as the blog explains.")]
    public async Task ActionTheUserAskedFor_Runs(string tool, string prompt)
        => (await AfterPage(tool, prompt)).Effect.Should().Be(DecisionEffect.Allow);

    [Theory]
    [InlineData("search_docs", "Allows you to search the docs. Accepts a query and turns it into results.")]
    [InlineData("get_allowed_origins", "Lists the origins the server allows.")]
    [InlineData("return_item_status", "Returns the status of an item.")]
    public void ToolsThatOnlyUseThoseWords_AreNoSink(string tool, string description)
        => ToolRoleInference.Infer(tool, new ToolDescriptor { Description = description }).IsSink.Should().BeFalse();
}
