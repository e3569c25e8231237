namespace AgentGuard.Shell.Tests;

/// <summary>
/// Eighth-round classes from the gemini-cli lines' tuning part (branch <c>shell7</c>): switching branches while
/// discarding local changes (<c>git checkout -f</c>, <c>git switch --discard-changes</c>) loses uncommitted work, as
/// <c>git checkout .</c> does; signalling the first process (PID 1, or <c>init</c>/<c>systemd</c>/<c>launchd</c> by
/// name) stops the machine, as <c>kill -1</c> does.
/// </summary>
public sealed class DiscardAndFirstProcessClassTests
{
    private static IReadOnlyList<string> Tags(string line) => ShellAnalyzer.Analyze(line).Tags;

    [Theory]
    [InlineData("git checkout -f")]
    [InlineData("git checkout --force main")]
    [InlineData("git checkout -fq feature")]
    [InlineData("git -C repo checkout -f main")]
    [InlineData("git switch -f main")]
    [InlineData("git switch --discard-changes main")]
    [InlineData("git switch --force feature")]
    [InlineData("kill -9 1")]
    [InlineData("kill 1")]
    [InlineData("kill -s KILL 1")]
    [InlineData("kill -KILL 1")]
    [InlineData("kill -TERM 4242 1")]
    [InlineData("sudo kill -HUP 1")]
    [InlineData("pkill -9 systemd")]
    [InlineData("killall init")]
    [InlineData("pkill -x launchd")]
    public void DiscardingWorkAndStoppingTheMachine_AreDestructive(string line)
        => Tags(line).Should().Contain(ShellTags.Destructive);

    [Theory]
    [InlineData("git checkout main")]
    [InlineData("git checkout -b feature")]
    [InlineData("git switch -c feature")]
    [InlineData("kill -9 4242")]
    [InlineData("kill -l 1")]
    [InlineData("kill -s 1 4242")]
    [InlineData("kill -n 1 4242")]
    [InlineData("kill %1")]
    [InlineData("pkill -f 'node server.js'")]
    [InlineData("killall node")]
    public void EverydaySwitchesAndKills_AreNotDestructive(string line)
        => Tags(line).Should().NotContain(ShellTags.Destructive);
}
