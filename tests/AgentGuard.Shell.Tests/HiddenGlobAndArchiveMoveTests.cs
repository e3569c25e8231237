using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Shell.Tests;

/// <summary>
/// Red-team classes (branch <c>redteam32</c>). A glob with no literal letter or digit (<c>.[!.]*</c>, <c>.??*</c>,
/// <c>?*</c>, <c>[!.]*</c>) names every entry of its folder, hidden ones included, as <c>*</c> and <c>.*</c> do:
/// <c>rm -rf .[!.]*</c> removes <c>.git</c> and <c>.env</c> with the rest. And an archiver that deletes what it packs
/// (<c>tar --remove-files</c>, <c>zip -m</c>, <c>7z -sdel</c>) moves an important path away as <c>mv ~ /tmp/x</c> does.
/// Through the real <see cref="IGuardedShell"/> with the default pack and no approver; the everyday neighbours stay allowed.
/// </summary>
public sealed class HiddenGlobAndArchiveMoveTests
{
    private static async Task<Decision> Check(string line)
    {
        await using var provider = ShellTestHost.Create("""{ "AgentGuard": { } }""", b => b.AddDefaultPolicyPack());
        return (await provider.GetRequiredService<IGuardedShell>().CheckAsync(line)).Decision;
    }

    [Theory]
    [InlineData("rm -rf .[!.]*")]
    [InlineData("rm -rf .??*")]
    [InlineData("rm -rf ?*")]
    [InlineData("rm -rf [!.]*")]
    [InlineData("rm -rf -- .[^.]* *")]
    [InlineData("tar --remove-files -cf /tmp/a.tar ~")]
    [InlineData("tar -cf /tmp/etc.tar --remove-files /etc")]
    [InlineData("zip -rm /tmp/a.zip ~")]
    [InlineData("zip -r -m /tmp/keys.zip ~/.ssh")]
    [InlineData("7z a -sdel /tmp/a.7z ~")]
    public async Task AttackerLines_AreNotAllowed(string line)
        => (await Check(line)).IsAllowed.Should().BeFalse();

    [Theory]
    [InlineData("rm -f *.o")]
    [InlineData("rm -rf build/*")]
    [InlineData("rm -rf .[!.]*.tmp")]
    [InlineData("rm -f ?.log")]
    [InlineData("tar -czf /tmp/home.tar.gz ~/project")]
    [InlineData("tar --remove-files -cf logs.tar logs/")]
    [InlineData("zip -r site.zip public")]
    [InlineData("zip -m old.zip old.log")]
    [InlineData("7z a -sdel old.7z old-logs/")]
    public async Task EverydayNeighbours_AreAllowed(string line)
    {
        var decision = await Check(line);
        decision.IsAllowed.Should().BeTrue(decision.Reason);
    }
}
