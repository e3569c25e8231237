using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Shell.Tests;

/// <summary>
/// Seventh-round class (branch <c>shell6</c>): an interactive shell, REPL or login session opened inside a container,
/// pod, virtual machine or on another host with nothing on the line saying what will run there. An agent has no
/// terminal, so such a session hands it a shell outside the analyser's view: it is opaque, and the default pack asks
/// a person. A runner given a command is still unwrapped and judged by that command, and so is a script the line feeds
/// the session on standard input.
/// </summary>
public sealed class RemoteSessionClassTests
{
    private static IReadOnlyList<string> Tags(string line) => ShellAnalyzer.Analyze(line).Tags;

    [Theory]
    [InlineData("docker exec -it web bash")]
    [InlineData("docker exec -it web /bin/sh -l")]
    [InlineData("podman exec -ti db sh")]
    [InlineData("kubectl exec -it api-0 -- /bin/bash")]
    [InlineData("kubectl -n prod exec -it api-0 -c app -- sh")]
    [InlineData("kubectl exec -it pod -- python3")]
    [InlineData("oc rsh mypod")]
    [InlineData("lxc exec box -- bash")]
    [InlineData("docker run -it ubuntu")]
    [InlineData("docker run --rm -it -v \"$PWD\":/src node:20")]
    [InlineData("docker run -i -t alpine")]
    [InlineData("docker container run --interactive --tty debian")]
    [InlineData("docker run -it ubuntu bash")]
    [InlineData("ssh deploy@prod-1")]
    [InlineData("ssh -i ~/.ssh/deploy.pem -p 2222 ubuntu@10.0.0.5")]
    [InlineData("ssh -t bastion")]
    [InlineData("ssh -L 5432:db.internal:5432 bastion")]
    [InlineData("ssh localhost /bin/sh")]
    [InlineData("ssh host bash -i")]
    [InlineData("timeout 600 ssh build-host")]
    [InlineData("/usr/bin/ssh build-host")]
    [InlineData("mosh dev-box")]
    [InlineData("gcloud compute ssh vm-1 --zone us-east1-b")]
    [InlineData("gcloud --project p compute tpus tpu-vm ssh tpu-1")]
    [InlineData("vagrant ssh")]
    [InlineData("minikube ssh")]
    [InlineData("aws ssm start-session --target i-0abc")]
    [InlineData("gh codespace ssh")]
    [InlineData("fly ssh console")]
    [InlineData("kubectl debug -it node/worker-1 --image=busybox")]
    [InlineData("ssh prod -t")]
    [InlineData("ssh prod \"$CMD\"")]
    [InlineData("ssh prod \"$(cat cmd.txt)\"")]
    [InlineData("ssh prod -p 2222 -i key.pem")]
    [InlineData("sshpass -p pw ssh deploy@prod-1")]
    [InlineData("virsh console vm1")]
    [InlineData("lxc console box")]
    [InlineData("machinectl shell root@deb")]
    [InlineData("systemd-nspawn -D /var/lib/machines/deb")]
    [InlineData("rlogin -l root host")]
    [InlineData("rsh host")]
    [InlineData("docker exec -it web vim /etc/nginx/nginx.conf")]
    [InlineData("docker run --rm -it alpine vi /tmp/x")]
    public void InteractiveSessionsElsewhere_AreOpaque(string line)
        => Tags(line).Should().Contain(ShellTags.Opaque);

    [Theory]
    [InlineData("docker exec web ls /app")]
    [InlineData("docker exec -it web bash -c 'ls /app'")]
    [InlineData("docker exec -i web sh <<'EOF'\nls /app\nEOF")]
    [InlineData("kubectl exec api-0 -- ls /")]
    [InlineData("kubectl exec -it api-0 -- python3 manage.py migrate")]
    [InlineData("docker run --rm node:20 node -v")]
    [InlineData("docker run --rm python:3 python --version")]
    [InlineData("docker run -d -it nginx")]
    [InlineData("docker run --rm alpine echo hello")]
    [InlineData("docker run -d -p 8080:80 nginx")]
    [InlineData("oc rsh mypod ls /tmp")]
    [InlineData("ssh build-host uptime")]
    [InlineData("ssh build-host -p 2222 uptime")]
    [InlineData("rsh host ls")]
    [InlineData("systemd-nspawn -D /var/lib/machines/deb make test")]
    [InlineData("virsh list --all")]
    [InlineData("ssh -N -L 5432:db.internal:5432 bastion")]
    [InlineData("ssh -fNL 8080:localhost:80 bastion")]
    [InlineData("ssh -W %h:%p jump")]
    [InlineData("ssh -G prod-1")]
    [InlineData("ssh -O exit bastion")]
    [InlineData("ssh host <<'EOF'\nuptime\nEOF")]
    [InlineData("mosh dev-box -- tmux attach")]
    [InlineData("gcloud compute ssh vm-1 --command='uptime'")]
    [InlineData("vagrant ssh -c 'make test'")]
    [InlineData("minikube ssh -- df -h")]
    [InlineData("aws ssm start-session --target i-0abc --document-name AWS-StartPortForwardingSession")]
    [InlineData("fly ssh console -C 'ls /data'")]
    [InlineData("kubectl debug pod-1 --image=busybox --copy-to=pod-1-debug")]
    [InlineData("/etc/init.d/ssh restart")]
    [InlineData("node -v")]
    [InlineData("python3 --version")]
    [InlineData("bash --version")]
    public void SessionsGivenACommand_AndPrintOnlyRuns_AreNotOpaque(string line)
        => Tags(line).Should().NotContain(ShellTags.Opaque);

    [Theory]
    [InlineData("python3 -v")]
    [InlineData("bash -h")]
    [InlineData("sh -v")]
    public void ShortOptionsThatAreNotVersionOrHelp_StillStartAnInteractiveProgram(string line)
        => Tags(line).Should().Contain(ShellTags.Opaque);

    [Theory]
    [InlineData("docker exec -it web bash -c 'rm -rf /var/lib/postgresql'")]
    [InlineData("ssh prod 'rm -rf /srv/data'")]
    [InlineData("ssh prod -p 22 'rm -rf /srv/data'")]
    [InlineData("ssh prod -l root -- rm -rf /srv/data")]
    [InlineData("ssh prod <<'EOF'\nrm -rf /srv/data\nEOF")]
    [InlineData("docker run -i ubuntu rm -rf /")]
    public void CommandsGivenToTheSession_AreJudgedByThatCommand(string line)
        => Tags(line).Should().Contain(ShellTags.Destructive);

    [Theory]
    [InlineData("docker exec -it web bash")]
    [InlineData("kubectl exec -it pod -- /bin/bash")]
    [InlineData("ssh deploy@prod-1")]
    [InlineData("gcloud compute ssh vm-1")]
    public async Task DefaultPack_SendsThemToApproval(string line)
    {
        await using var provider = ShellTestHost.Create("""{ "AgentGuard": { } }""", b => b.AddDefaultPolicyPack());
        var check = await provider.GetRequiredService<IGuardedShell>().CheckAsync(line);
        // No approver is configured, so the approval the rule asks for turns into a denial that says so.
        check.Decision.IsAllowed.Should().BeFalse();
        check.Decision.RuleIds.Should().Equal("pack-shell-opaque-approval");
        check.Decision.Reason.Should().Contain("approval was required");
    }

    [Theory]
    [InlineData("docker exec web ls /app")]
    [InlineData("ssh build-host uptime")]
    [InlineData("ssh build-host -p 2222 uptime")]
    [InlineData("rsh host ls")]
    [InlineData("systemd-nspawn -D /var/lib/machines/deb make test")]
    [InlineData("virsh list --all")]
    [InlineData("ssh -N -L 5432:db.internal:5432 bastion")]
    public async Task DefaultPack_AllowsSessionsGivenACommand(string line)
    {
        await using var provider = ShellTestHost.Create("""{ "AgentGuard": { } }""", b => b.AddDefaultPolicyPack());
        var check = await provider.GetRequiredService<IGuardedShell>().CheckAsync(line);
        check.Decision.IsAllowed.Should().BeTrue(check.Decision.Reason);
    }
}
