using System.Collections.Frozen;

namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Interactive sessions opened inside a container, pod, virtual machine or remote host (<c>ssh host</c>,
/// <c>docker exec -it web bash</c>, <c>kubectl exec -it pod -- sh</c>, <c>gcloud compute ssh vm</c>): an agent has no
/// terminal, so such a session hands it a shell outside the analyser's view. It is opaque, which the default pack sends
/// to approval. A runner given a command is unwrapped and judged by that command; text the line feeds the session on
/// standard input is analysed as its script.
/// </summary>
internal sealed partial class CommandUnwrapper
{
    /// <summary>Wrappers that run their command in a container, pod, virtual machine or on another host.</summary>
    private static bool IsContainerRunner(string wrapper)
        => wrapper is "docker" or "podman" or "nerdctl" or "kubectl" or "oc" or "lxc" or "incus" or "vagrant" or "ssh";

    /// <summary>The container or remote runner this command is run through, or null when it runs on this machine.</summary>
    private static string? RemoteRunner(CommandDraft draft)
    {
        for (var i = draft.Wrappers.Count - 1; i >= 0; i--)
        {
            if (IsContainerRunner(draft.Wrappers[i]))
            {
                return draft.Wrappers[i];
            }
        }

        return null;
    }

    /// <summary>Where an interactive program started through <paramref name="draft"/>'s wrappers runs, for findings.</summary>
    private static string WhereItRuns(CommandDraft draft)
        => RemoteRunner(draft) is { } runner
            ? "inside a container, pod or remote host (" + runner + "), where the analyser does not see what is typed"
            : "on this machine";

    /// <summary>A program by name or from a <c>bin</c> folder, not a service script of the same name (<c>/etc/init.d/ssh restart</c>).</summary>
    private static bool IsProgramPath(string path)
        => !path.Contains('/', StringComparison.Ordinal) || path.Contains("/bin/", StringComparison.Ordinal);

    /// <summary>
    /// A program's form that opens a login shell on another machine or in a container when no command is given.
    /// </summary>
    /// <param name="Path">The subcommand words that make it one (<c>compute ssh</c>); empty for the program itself.</param>
    /// <param name="CommandOptions">Options that give the command to run instead (<c>--command</c>, <c>-c</c>).</param>
    /// <param name="HostOperands">Operands that name the target before a command (1 for <c>docker-machine ssh NAME</c>); -1 when operands never carry a command.</param>
    /// <param name="OptionsWithValue">Options whose value is the next word.</param>
    /// <param name="CommandAfterDoubleDash">Words after <c>--</c> are the command.</param>
    /// <param name="NeedsStdin">Only with <c>-i</c>/<c>--stdin</c> (<c>kubectl debug -it</c>).</param>
    /// <param name="NoStdinOption">The option that leaves standard input unconnected (<c>docker attach --no-stdin</c>): then only output is read.</param>
    private sealed record LoginSpec(string[] Path, string[] CommandOptions, int HostOperands, string[] OptionsWithValue, bool CommandAfterDoubleDash, bool NeedsStdin = false, string? NoStdinOption = null);

    private static readonly string[] NoWords = [];

    /// <summary>
    /// Attaching a terminal to a container's running main process: an interactive session inside the container when
    /// standard input is connected (docker by default, kubectl with <c>-i</c>). Nothing on the line says what is typed there.
    /// </summary>
    private static readonly LoginSpec DockerAttach = new(["attach"], NoWords, -1, NoWords, false, NoStdinOption: "--no-stdin");

    private static readonly LoginSpec KubectlAttach = new(["attach"], NoWords, -1, NoWords, false, NeedsStdin: true);

    /// <summary><c>docker start -ai c</c>: attaches standard input to the container's main process, as <c>attach</c> does.</summary>
    private static readonly LoginSpec DockerStart = new(["start"], NoWords, -1, NoWords, false, NeedsStdin: true);

    /// <summary><c>kubectl run -it NAME --image=X</c> without a command after <c>--</c>: the image's default program, interactively.</summary>
    private static readonly LoginSpec KubectlRun = new(["run"], NoWords, -1, NoWords, true, NeedsStdin: true);

    private static readonly FrozenDictionary<string, LoginSpec[]> LoginSessions = new Dictionary<string, LoginSpec[]>(StringComparer.Ordinal)
    {
        ["mosh"] = [new([], NoWords, 1, ["-p", "--port", "--ssh", "--server", "--client", "--family", "--bind-server", "--predict", "-o"], true)],
        ["gcloud"] = [
            new(["compute", "ssh"], ["--command"], -1, NoWords, true),
            new(["tpu-vm", "ssh"], ["--command"], -1, NoWords, true),
            new(["cloud-shell", "ssh"], ["--command"], -1, NoWords, true),
        ],
        ["vagrant"] = [new(["ssh"], ["-c", "--command"], -1, NoWords, true)],
        ["minikube"] = [new(["ssh"], NoWords, 0, ["-n", "--node", "-p", "--profile"], true)],
        ["colima"] = [new(["ssh"], NoWords, -1, NoWords, true)],
        ["docker-machine"] = [new(["ssh"], NoWords, 1, NoWords, false)],
        ["limactl"] = [new(["shell"], NoWords, 1, ["--workdir", "--shell"], false)],
        ["tsh"] = [new(["ssh"], NoWords, 1, ["-l", "--login", "-p", "--port"], false)],
        ["fly"] = [new(["ssh", "console"], ["-C", "--command"], -1, NoWords, false)],
        ["flyctl"] = [new(["ssh", "console"], ["-C", "--command"], -1, NoWords, false)],
        ["aws"] = [new(["ssm", "start-session"], ["--document-name"], -1, NoWords, false)],
        ["az"] = [new(["ssh", "vm"], NoWords, -1, NoWords, true), new(["ssh", "arc"], NoWords, -1, NoWords, true)],
        ["gh"] = [new(["codespace", "ssh"], NoWords, -1, NoWords, true), new(["cs", "ssh"], NoWords, -1, NoWords, true)],
        ["kubectl"] = [new(["debug"], NoWords, -1, NoWords, true, NeedsStdin: true), KubectlAttach, KubectlRun],
        ["oc"] = [new(["debug"], NoWords, -1, NoWords, true, NeedsStdin: true), KubectlAttach, KubectlRun],
        ["docker"] = [DockerAttach, DockerStart],
        ["podman"] = [DockerAttach, DockerStart],
        ["nerdctl"] = [DockerAttach, DockerStart],
        ["virsh"] = [new(["console"], NoWords, -1, NoWords, false)],
        ["lxc"] = [new(["console"], NoWords, -1, NoWords, false)],
        ["incus"] = [new(["console"], NoWords, -1, NoWords, false)],
        ["machinectl"] = [new(["shell"], NoWords, 1, ["--uid", "-E", "--setenv"], false), new(["login"], NoWords, -1, NoWords, false)],
        ["systemd-nspawn"] = [new([], NoWords, 0, ["-D", "--directory", "-M", "--machine", "-u", "--user", "-i", "--image", "--bind", "--bind-ro", "-E", "--setenv", "--network-bridge", "--network-veth-extra", "--chdir"], false)],
        ["rlogin"] = [new([], NoWords, 1, ["-l", "-e", "-p"], false)],
        ["rsh"] = [new([], NoWords, 1, ["-l", "-p"], false)],
        ["toolbox"] = [new(["enter"], NoWords, -1, NoWords, false)],
        ["distrobox"] = [new(["enter"], NoWords, -1, NoWords, true)],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Tags a command that opens a login session elsewhere with nothing on the line saying what runs there: <c>ssh
    /// host</c> without a command, the forms of <see cref="LoginSessions"/>, and <c>docker run -it IMAGE</c> without a
    /// command (the image's default program, interactively). Text fed on standard input is parsed as the session's script.
    /// </summary>
    private void RemoteLoginSession(CommandDraft draft, string name, int depth, Inherited nested)
    {
        var opens = name switch
        {
            "ssh" => SshOpensShell(draft.Args),
            "docker" or "podman" or "nerdctl" => RunsImageInteractively(draft) || OpensAnyLogin(draft, name),
            _ => OpensAnyLogin(draft, name),
        };

        if (!opens)
        {
            return;
        }

        if (draft.StdinText is { } script)
        {
            session.ParseNested(script, name + " stdin", depth + 1, nested);
            return;
        }

        if (draft.Upstream is not null || draft.Redirects.Any(r => r.Operator is "<" or "<<" or "<<-" or "<<<"))
        {
            draft.Tag(ShellTags.Opaque, name + " opens a session elsewhere that runs what it is fed on standard input, which is not known before it runs");
            return;
        }

        draft.Tag(ShellTags.Opaque, name + " opens an interactive shell inside a container, pod or remote host: what runs there is not on the line");
    }

    /// <summary>
    /// <c>ssh [options] host</c> with no command: a login shell on the host. Not with <c>-N</c> (no command),
    /// <c>-W</c> (stdio forward), <c>-O</c> (control), <c>-G</c>/<c>-V</c>/<c>-Q</c> (print and exit).
    /// </summary>
    private static bool SshOpensShell(List<ExpandedWord> args)
        => SshCommandStart(args, out var printsOrForwards) == args.Count && !printsOrForwards;

    /// <summary>
    /// Where ssh's remote command starts: options are read before the host and again after it (as OpenSSH does, so
    /// <c>ssh host -p 22 'cmd'</c> runs <c>cmd</c>), and the command is the first word after the host that is not an
    /// option; <c>args.Count</c> when there is none, -1 when there is no host.
    /// </summary>
    private static int SshCommandStart(List<ExpandedWord> args, out bool printsOrForwards)
    {
        const string WithValue = "bcDEeFIiJLlmOopQRSWw";
        printsOrForwards = false;
        var host = -1;
        var optionsEnded = false;
        var i = 0;
        while (i < args.Count)
        {
            var text = args[i].Text;
            if (!optionsEnded && text == "--")
            {
                optionsEnded = true;
                i++;
                continue;
            }

            if (!optionsEnded && text.Length > 1 && text[0] == '-' && !args[i].Dynamic)
            {
                i++;
                for (var j = 1; j < text.Length; j++)
                {
                    var c = text[j];
                    printsOrForwards |= c is 'N' or 'G' or 'V';
                    if (WithValue.Contains(c, StringComparison.Ordinal))
                    {
                        printsOrForwards |= c is 'W' or 'O' or 'Q';
                        i += j == text.Length - 1 ? 1 : 0;
                        break;
                    }
                }

                continue;
            }

            if (host >= 0)
            {
                return i;
            }

            host = i++;
        }

        return host < 0 ? -1 : args.Count;
    }

    /// <summary><c>docker run -it IMAGE</c> with no command: the image's default program runs interactively (a shell, for most base images).</summary>
    private static bool RunsImageInteractively(CommandDraft draft)
    {
        var operands = draft.OperandTexts();
        var run = operands.Count > 0 && operands[0] == "run" ? 0 : operands.Count > 1 && operands[0] == "container" && operands[1] == "run" ? 1 : -1;
        if (run < 0)
        {
            return false;
        }

        var interactive = false;
        foreach (var arg in draft.Args)
        {
            var text = arg.Text;
            if (text is "-d" or "--detach" or "--detach=true" || (text.Length > 2 && text[0] == '-' && text[1] != '-' && text.AsSpan(1).IndexOfAnyExcept("itdP") < 0 && text.Contains('d', StringComparison.Ordinal)))
            {
                return false;
            }

            interactive |= text is "--interactive" or "--interactive=true" || (text.Length > 1 && text[0] == '-' && text[1] != '-' && text.AsSpan(1).IndexOfAnyExcept("itP") < 0 && text.Contains('i', StringComparison.Ordinal));
        }

        return interactive;
    }

    /// <summary>A cluster of single-letter flags that connects standard input (<c>-i</c>, <c>-it</c>, <c>-qit</c>, <c>-ai</c>).</summary>
    private static bool IsStdinCluster(string text)
        => text.Length > 1 && text[0] == '-' && text[1] != '-' && text.AsSpan(1).IndexOfAnyExcept("itqa") < 0 && text.Contains('i', StringComparison.Ordinal);

    private static bool OpensAnyLogin(CommandDraft draft, string name)
    {
        if (!LoginSessions.TryGetValue(name, out var specs))
        {
            return false;
        }

        foreach (var spec in specs)
        {
            if (OpensLogin(draft, spec))
            {
                return true;
            }
        }

        return false;
    }

    private static bool OpensLogin(CommandDraft draft, LoginSpec spec)
    {
        if (spec.NeedsStdin && !draft.Args.Exists(static a => a.Text is "--stdin" or "--stdin=true" or "--interactive" or "--interactive=true" || IsStdinCluster(a.Text)))
        {
            return false;
        }

        if ((spec.NoStdinOption is { } noStdin && draft.HasArg(noStdin)) || draft.Args.Exists(a => a.Text is "--help" or "-h"))
        {
            return false;
        }

        if (draft.Args.Exists(a => Array.Exists(spec.CommandOptions, o => a.Text == o || a.Text.StartsWith(o + "=", StringComparison.Ordinal))))
        {
            return false;
        }

        // The path's words in order among the first operands, then what follows them. Global options before the path
        // are skipped with the value that follows them (docker --context prod --config /x --tls attach web); at most
        // two other words may come first (gcloud compute tpus tpu-vm ssh).
        var args = draft.Args;
        var at = 0;
        var matched = 0;
        var otherWords = 0;
        for (; at < args.Count && matched < spec.Path.Length; at++)
        {
            var text = args[at].Text;
            if (text == spec.Path[matched])
            {
                matched++;
            }
            else if (matched > 0)
            {
                return false;
            }
            else if (text.Length > 1 && text[0] == '-')
            {
                var next = at + 1 < args.Count ? args[at + 1].Text : null;
                at += !text.Contains('=', StringComparison.Ordinal) && next is { Length: > 0 } && next[0] != '-' && next != spec.Path[0] ? 1 : 0;
            }
            else if (++otherWords > 2)
            {
                return false;
            }
        }

        if (matched < spec.Path.Length)
        {
            return false;
        }

        var operands = 0;
        for (var i = at; i < args.Count; i++)
        {
            var text = args[i].Text;
            if (text == "--")
            {
                var rest = args.Count - i - 1;
                return spec.HostOperands >= 0 ? operands + rest <= spec.HostOperands : !spec.CommandAfterDoubleDash || rest == 0;
            }

            if (text.Length > 1 && text[0] == '-')
            {
                i += Array.IndexOf(spec.OptionsWithValue, text) >= 0 ? 1 : 0;
                continue;
            }

            operands++;
        }

        return spec.HostOperands < 0 || operands <= spec.HostOperands;
    }
}
