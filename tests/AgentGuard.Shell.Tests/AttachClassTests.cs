using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Shell.Tests;

/// <summary>
/// Eighth-round class (branch <c>shell7</c>): attaching a terminal to a container's running main process with standard
/// input connected (<c>docker attach web</c>, <c>kubectl attach -it pod</c>) is an interactive session inside the
/// container, as <c>docker exec -it web bash</c> is: nothing on the line says what is typed there. It is opaque, and
/// the default pack asks a person. Attaching only to read the output (<c>kubectl attach pod</c>, <c>docker attach
/// --no-stdin</c>) is not. <c>docker start -ai</c> attaches as <c>attach</c> does, and <c>kubectl run -it</c> without a
/// command runs the image's default program interactively, as <c>docker run -it IMAGE</c> does.
/// </summary>
public sealed class AttachClassTests
{
    private static IReadOnlyList<string> Tags(string line) => ShellAnalyzer.Analyze(line).Tags;

    [Theory]
    [InlineData("docker attach web")]
    [InlineData("docker container attach web")]
    [InlineData("docker --context prod attach web")]
    [InlineData("docker attach --sig-proxy=false web")]
    [InlineData("docker attach --detach-keys ctrl-x web")]
    [InlineData("podman attach db")]
    [InlineData("nerdctl attach web")]
    [InlineData("kubectl attach -it api-0")]
    [InlineData("kubectl attach api-0 -c app -i -t")]
    [InlineData("kubectl -n prod attach api-0 --stdin --tty")]
    [InlineData("kubectl attach api-0 --stdin=true")]
    [InlineData("oc attach -it mypod")]
    [InlineData("timeout 600 docker attach web")]
    [InlineData("sudo docker attach web")]
    [InlineData("docker --log-level debug --context prod --tls --config /x attach web")]
    [InlineData("kubectl attach -qit pod")]
    [InlineData("docker start -ai web")]
    [InlineData("docker start -a -i web")]
    [InlineData("podman start --attach --interactive web")]
    [InlineData("kubectl run -it busybox --image=busybox")]
    [InlineData("kubectl run -i --tty shell --image=alpine --restart=Never")]
    public void AttachingStandardInput_IsOpaque(string line)
        => Tags(line).Should().Contain(ShellTags.Opaque);

    [Theory]
    [InlineData("kubectl attach api-0")]
    [InlineData("kubectl attach api-0 -c app")]
    [InlineData("kubectl attach api-0 --stdin=false")]
    [InlineData("docker attach --no-stdin web")]
    [InlineData("docker attach --help")]
    [InlineData("docker ps --filter name=web")]
    [InlineData("docker logs -f web")]
    [InlineData("docker start web")]
    [InlineData("docker start -a web")]
    [InlineData("kubectl run nginx --image=nginx")]
    [InlineData("kubectl run -it x --image=busybox --rm -- ls /")]
    [InlineData("kubectl logs -f api-0")]
    public void ReadingTheOutputOnly_IsNotOpaque(string line)
        => Tags(line).Should().NotContain(ShellTags.Opaque);

    [Theory]
    [InlineData("docker attach web")]
    [InlineData("kubectl attach -it api-0")]
    public async Task DefaultPack_SendsAttachToApproval(string line)
    {
        await using var provider = ShellTestHost.Create("""{ "AgentGuard": { } }""", b => b.AddDefaultPolicyPack());
        var check = await provider.GetRequiredService<IGuardedShell>().CheckAsync(line);
        check.Decision.IsAllowed.Should().BeFalse();
        check.Decision.RuleIds.Should().Equal("pack-shell-opaque-approval");
    }

    [Fact]
    public async Task DefaultPack_AllowsAttachWithoutInput()
    {
        await using var provider = ShellTestHost.Create("""{ "AgentGuard": { } }""", b => b.AddDefaultPolicyPack());
        var check = await provider.GetRequiredService<IGuardedShell>().CheckAsync("kubectl attach api-0 -c app");
        check.Decision.IsAllowed.Should().BeTrue(check.Decision.Reason);
    }
}
