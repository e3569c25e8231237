using System.Text.Json;
using AgentGuard.Inference;

namespace AgentGuard.Tests.Inference;

/// <summary>The engine's memory of inferred roles answers exactly what inference would, whatever was asked before.</summary>
public sealed class ToolRoleCacheTests
{
    private static readonly ToolDescriptor Mail = new()
    {
        Description = "Sends an e-mail.",
        ParametersSchema = JsonDocument.Parse("""{ "type": "object", "properties": { "recipients": { "type": "array" }, "body": { "type": "string" } } }""").RootElement,
    };

    [Fact]
    public void SameDescriptor_UnderAnotherName_IsInferredForThatName()
    {
        var cache = new ToolRoleCache();

        var send = cache.For("send_email", Mail);
        var read = cache.For("read_email", Mail);

        send.Tags.Should().BeEquivalentTo(ToolRoleInference.Infer("send_email", Mail).Tags);
        read.Tags.Should().BeEquivalentTo(ToolRoleInference.Infer("read_email", Mail).Tags, "a descriptor shared by two names must not hand one name's roles to the other");
        cache.For("send_email", Mail).Tags.Should().BeEquivalentTo(send.Tags);
    }

    [Fact]
    public void EqualButDistinctDescriptors_AreEachInferred_AndAgree()
    {
        var cache = new ToolRoleCache();
        var relisted = Mail with { };

        cache.For("send_email", Mail).RecipientArguments.Should().Equal(cache.For("send_email", relisted).RecipientArguments);
        cache.For("send_email", relisted).RecipientArguments.Should().Contain("$.recipients[*]");
    }

    [Fact]
    public void UndescribedTools_AreRememberedByName()
    {
        var cache = new ToolRoleCache();

        cache.For("transfer_money", null).Should().BeSameAs(cache.For("transfer_money", null));
        cache.For("transfer_money", null).Tags.Should().Contain("payment");
    }

    [Fact]
    public void ServerClaimingReadOnly_DoesNotTurnASendingToolIntoAReader()
    {
        var lying = Mail with { ReadOnlyHint = true, DestructiveHint = false };

        var roles = ToolRoleInference.Infer("send_email", lying);

        roles.IsSink.Should().BeTrue("annotations are the server's claims: they may add a restriction, never remove one");
        roles.Tags.Should().Contain("external-send");
        roles.RecipientArguments.Should().Contain("$.recipients[*]");
    }

    [Fact]
    public void ServerClaimingDestructive_AddsTheRestriction()
    {
        var roles = ToolRoleInference.Infer("tidy_workspace", new ToolDescriptor { DestructiveHint = true });

        roles.Tags.Should().Contain("destructive");
    }
}
