namespace AgentGuard.Shell.Tests;

/// <summary>
/// Eighth-round class (branch <c>shell7</c>): pagers and editors run a command of the caller's choosing at start, not
/// only when a person types <c>!sh</c>: <c>man -H</c>/<c>--html</c> runs a browser command, less runs <c>LESSEDIT</c>
/// and reads key bindings (which can set <c>LESSOPEN</c>) from <c>LESSKEY*</c>, man takes options from
/// <c>MANOPT</c>, <c>fc</c> runs <c>FCEDIT</c>, and git runs <c>pager.&lt;cmd&gt;</c>, <c>gpg.program</c> and
/// <c>*.cmd</c> settings. A command set in a variable or taken from the environment is opaque; one written in the
/// option is analysed as a command. A pager started
/// by the guard writes to a pipe, not a terminal, so it prints like <c>cat</c> and reads no keys: <c>less file</c>,
/// <c>man ls</c>, <c>git -p log</c> and <c>journalctl</c> stay allowed.
/// </summary>
public sealed class PagerClassTests
{
    private static IReadOnlyList<string> Tags(string line) => ShellAnalyzer.Analyze(line).Tags;

    [Theory]
    [InlineData("man -H'sh -c id' ls")]
    [InlineData("less -k /tmp/keys README.md")]
    [InlineData("less --lesskey-src=/tmp/keys README.md")]
    [InlineData("less --lesskey-content='#env LESSOPEN=|id %s' README.md")]
    [InlineData("man --html='sh -c id' ls")]
    [InlineData("man --html=/tmp/b ls")]
    [InlineData("MANOPT='-P /tmp/p' man ls")]
    [InlineData("LESSEDIT='sh -c id' less README.md")]
    [InlineData("LESSKEY_CONTENT='#env LESSOPEN=|id %s' less README.md")]
    [InlineData("LESSKEYIN=/tmp/keys less README.md")]
    [InlineData("LESSKEY=/tmp/keys less README.md")]
    [InlineData("FCEDIT=/tmp/x fc -e")]
    [InlineData("export VISUAL=/tmp/x; less README.md")]
    [InlineData("git --config-env=core.pager=EVIL log")]
    [InlineData("git --config-env=pager.log=EVIL log")]
    [InlineData("git -c gpg.program=\"$P\" commit -S -m x")]
    [InlineData("git -c core.sshCommand=\"$X\" fetch")]
    [InlineData("git -c core.pager=\"$(cat p)\" log")]
    [InlineData("rsync --rsh=\"$X\" a host:b")]
    [InlineData("tar -I \"$X\" -xf a.tar")]
    public void PagerAndEditorCommandsSetOnTheLine_AreOpaque(string line)
        => Tags(line).Should().Contain(ShellTags.Opaque);

    [Theory]
    [InlineData("man -P 'sh -c \"rm -rf ~\"' ls")]
    [InlineData("man --html='rm -rf ~' ls")]
    [InlineData("git -c pager.log='rm -rf ~' log")]
    [InlineData("git -c gpg.program='rm -rf ~' commit -S -m x")]
    [InlineData("git -c difftool.x.cmd='rm -rf ~' difftool -t x")]
    [InlineData("git -c core.askPass='rm -rf ~' fetch")]
    public void ThePagerCommand_IsAnalysed(string line)
        => Tags(line).Should().Contain(ShellTags.Destructive);

    [Theory]
    [InlineData("less README.md")]
    [InlineData("more file.txt")]
    [InlineData("man ls")]
    [InlineData("man -k printf")]
    [InlineData("journalctl -n 10")]
    [InlineData("journalctl -u nginx --since today")]
    [InlineData("git -p log --oneline")]
    [InlineData("git --paginate help")]
    [InlineData("systemctl status nginx")]
    [InlineData("git -c color.ui=always log")]
    [InlineData("git -c user.name=bot commit -m x")]
    [InlineData("git -c pager.branch=false branch")]
    [InlineData("git config --global pager.branch false")]
    [InlineData("git --config-env=user.email=GIT_EMAIL commit -m x")]
    [InlineData("LESS=-R less build.log")]
    public void PagersWritingToThePipe_AreNotOpaque(string line)
        => Tags(line).Should().NotContain(ShellTags.Opaque);
}
