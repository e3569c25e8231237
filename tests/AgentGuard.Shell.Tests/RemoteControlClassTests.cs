using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Shell.Tests;

/// <summary>
/// Sixth-round classes (branch <c>shell5</c>): programs that take commands from other processes or hosts once started
/// (a terminal served on a port, fzf's and Neovim's control sockets, debugger ports open beyond the loopback
/// interface, notebook servers on every interface) are opaque, since what they will run arrives after the line was
/// decided; and the unsafe mode of the roff tools (<c>groff -U</c>, <c>pic -U</c>), which lets the documents they read
/// run shell commands, joins the options that switch on a program's own command escapes.
/// </summary>
public sealed class RemoteControlClassTests
{
    private static IReadOnlyList<string> Tags(string line) => ShellAnalyzer.Analyze(line).Tags;

    [Theory]
    [InlineData("ttyd -p 7681 bash")]
    [InlineData("gotty -w /bin/sh")]
    [InlineData("websocketd --port=8080 sh")]
    [InlineData("shellinaboxd -t -p 4200")]
    [InlineData("fzf --listen=4444")]
    [InlineData("fzf --listen 0.0.0.0:6266")]
    [InlineData("ls | fzf --listen-unsafe=4444")]
    [InlineData("nvim --listen 0.0.0.0:6666 --headless")]
    [InlineData("node --inspect=0.0.0.0:9229 server.js")]
    [InlineData("node --inspect-brk=0.0.0.0 app.js")]
    [InlineData("deno run --inspect=0.0.0.0:9229 main.ts")]
    [InlineData("chromium --headless --remote-debugging-port=9222 --remote-debugging-address=0.0.0.0")]
    [InlineData("python3 -m debugpy --listen 0.0.0.0:5678 app.py")]
    [InlineData("dlv debug --headless --listen=:2345 --accept-multiclient")]
    [InlineData("jupyter notebook --ip=0.0.0.0 --no-browser")]
    [InlineData("jupyter lab --ip '*' --port 8888")]
    [InlineData("nohup ttyd -W bash &")]
    public void ProgramsTakingCommandsFromTheNetwork_AreOpaque(string line)
        => Tags(line).Should().Contain(ShellTags.Opaque);

    [Theory]
    [InlineData("fzf")]
    [InlineData("git ls-files | fzf --preview 'cat {}'")]
    [InlineData("node --inspect server.js")]
    [InlineData("node --inspect=127.0.0.1:9229 server.js")]
    [InlineData("node --inspect-brk=localhost:9229 app.js")]
    [InlineData("nvim --headless --listen /tmp/nvim.sock -c qa")]
    [InlineData("python3 -m debugpy --listen 127.0.0.1:5678 app.py")]
    [InlineData("dlv debug --headless --listen=127.0.0.1:2345")]
    [InlineData("jupyter notebook --no-browser")]
    [InlineData("jupyter lab --ip=127.0.0.1")]
    [InlineData("chromium --headless --dump-dom https://example.com")]
    [InlineData("npm run dev -- --listen 3000")]
    [InlineData("kubectl port-forward svc/db 5432:5432")]
    [InlineData("kubectl port-forward svc/db 5432 --address 127.0.0.1")]
    public void LocalOrOrdinaryUses_AreNotOpaque(string line)
        => Tags(line).Should().NotContain(ShellTags.Opaque);

    [Theory]
    [InlineData("kubectl port-forward svc/db 5432:5432 --address 0.0.0.0")]
    [InlineData("kubectl port-forward pod/api 8080 --address=localhost,10.0.0.5")]
    public void ClusterServicesForwardedBeyondTheLoopback_AreExfiltration(string line)
        => Tags(line).Should().Contain(ShellTags.Exfiltration);

    [Theory]
    [InlineData("groff -U -ms doc.ms")]
    [InlineData("pic -U")]
    [InlineData("pic -U diagram.pic | groff -T ps")]
    [InlineData("troff -U input.tr")]
    [InlineData("nroff -U -man page.1")]
    public void RoffUnsafeMode_IsOpaque(string line)
        => Tags(line).Should().Contain(ShellTags.Opaque);

    [Theory]
    [InlineData("groff -ms doc.ms -T pdf > doc.pdf")]
    [InlineData("pic diagram.pic | groff -T ps")]
    [InlineData("nroff -man page.1 | less")]
    [InlineData("sort -U list.txt")]
    public void RoffInSafeMode_IsNotOpaque(string line)
        => Tags(line).Should().NotContain(ShellTags.Opaque);

    [Theory]
    [InlineData("fzf --listen=4444")]
    [InlineData("ttyd -p 7681 bash")]
    [InlineData("pic -U")]
    public async Task DefaultPack_DoesNotAllow_TheseLines(string line)
    {
        await using var provider = ShellTestHost.Create("""{ "AgentGuard": { } }""", b => b.AddDefaultPolicyPack());
        var check = await provider.GetRequiredService<IGuardedShell>().CheckAsync(line);
        check.Decision.IsAllowed.Should().BeFalse(check.Decision.Reason);
    }

    [Theory]
    [InlineData("node --inspect server.js")]
    [InlineData("pic diagram.pic | groff -T ps")]
    public async Task DefaultPack_Allows_TheEverydayNeighbours(string line)
    {
        await using var provider = ShellTestHost.Create("""{ "AgentGuard": { } }""", b => b.AddDefaultPolicyPack());
        var check = await provider.GetRequiredService<IGuardedShell>().CheckAsync(line);
        check.Decision.IsAllowed.Should().BeTrue(check.Decision.Reason);
    }
}
