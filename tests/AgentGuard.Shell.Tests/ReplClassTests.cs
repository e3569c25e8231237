namespace AgentGuard.Shell.Tests;

/// <summary>
/// Eighth-round class (branch <c>shell7</c>): read-eval-print loops of any language started with nothing on the line
/// saying what they will be given (<c>jshell</c> with options, <c>groovysh</c>, <c>ipython</c>, <c>swift</c>,
/// <c>python3 -i script.py</c>, <c>deno repl</c>) are interactive programs on this machine, like a bare <c>python3</c>:
/// opaque. A program or script the line names is judged by its name only when the name states the effect (a class
/// called <c>Shell</c>, <c>revshell.py</c>, <c>keylogger</c>, <c>add_login_item.osa</c>): what it does is in a file the
/// line does not show. Names of a kind of program (<c>malware.py</c>, <c>backdoor.pl</c>) state no effect, and an
/// interpreter's <c>-i</c> after its script is the script's argument.
/// </summary>
public sealed class ReplClassTests
{
    private static IReadOnlyList<string> Tags(string line) => ShellAnalyzer.Analyze(line).Tags;

    [Theory]
    [InlineData("jshell --feedback silent")]
    [InlineData("jshell --class-path lib/app.jar -q")]
    [InlineData("jshell -R-Xmx1g")]
    [InlineData("groovysh")]
    [InlineData("kotlinc")]
    [InlineData("kotlinc-jvm")]
    [InlineData("clj")]
    [InlineData("clojure -Sdeps '{:deps {}}'")]
    [InlineData("pry")]
    [InlineData("ipython")]
    [InlineData("ipython3 --no-banner")]
    [InlineData("bpython")]
    [InlineData("ptpython")]
    [InlineData("psysh")]
    [InlineData("luajit")]
    [InlineData("swift")]
    [InlineData("ocaml")]
    [InlineData("utop")]
    [InlineData("evcxr")]
    [InlineData("deno repl")]
    [InlineData("bun repl")]
    [InlineData("scala-cli repl")]
    [InlineData("python3 -i script.py")]
    [InlineData("python3 -m code")]
    [InlineData("python3 -m asyncio")]
    [InlineData("node -i")]
    [InlineData("node --interactive")]
    [InlineData("lua -i config.lua")]
    [InlineData("jupyter console")]
    [InlineData("docker exec -it app ipython")]
    [InlineData("ipython -i script.py")]
    [InlineData("python3 -m pdb script.py")]
    [InlineData("python3 -m ipdb")]
    [InlineData("node inspect app.js")]
    [InlineData("python3 -ic 'import os'")]
    [InlineData("python3 -Bi app.py")]
    public void RepLsStartedWithoutInput_AreOpaque(string line)
        => Tags(line).Should().Contain(ShellTags.Opaque);

    [Theory]
    [InlineData("java Shell")]
    [InlineData("java -cp /tmp Shell")]
    [InlineData("java -cp . RevShell 10.0.0.1 4444")]
    [InlineData("java Shell.java")]
    [InlineData("java -jar reverse-shell.jar")]
    [InlineData("python3 revshell.py 10.0.0.1 4444")]
    [InlineData("python3 reverse_shell.py")]
    [InlineData("./bindshell 4444")]
    [InlineData("perl /tmp/webshell.pl")]
    [InlineData("swift MacOSKeylogger.swift -keylog")]
    [InlineData("osascript PathToAtomicsFolder/T1547.015/src/add_login_item.osa")]
    [InlineData("node keylogger.js")]
    [InlineData("java com.evil.RevShell")]
    [InlineData("java -cp /tmp shell.Shell")]
    [InlineData("java -cp tools/revshell.jar Main 10.0.0.1 4444")]
    [InlineData("python3 -m revshell 10.0.0.1")]
    public void ProgramsWhoseNameStatesAShellOrCaptureEffect_AreOpaque(string line)
        => Tags(line).Should().Contain(ShellTags.Opaque);

    [Theory]
    [InlineData("ipython script.py")]
    [InlineData("ipython --version")]
    [InlineData("ipython -c 'print(1)'")]
    [InlineData("kotlinc Main.kt -include-runtime -d main.jar")]
    [InlineData("swift build")]
    [InlineData("swift test --parallel")]
    [InlineData("swift main.swift")]
    [InlineData("clj -M -m app.core")]
    [InlineData("clojure -X:test")]
    [InlineData("ocaml script.ml")]
    [InlineData("luajit bench.lua")]
    [InlineData("jshell --class-path lib.jar script.jsh")]
    [InlineData("groovysh --version")]
    [InlineData("pry --help")]
    [InlineData("java -jar app.jar")]
    [InlineData("java -cp build/classes com.example.Main")]
    [InlineData("java Main")]
    [InlineData("java -version")]
    [InlineData("python3 -m pytest -q")]
    [InlineData("python3 manage.py shell -c 'print(1)'")]
    [InlineData("python3 scripts/shell_completion.py")]
    [InlineData("python malware.py")]
    [InlineData("perl backdoor.pl")]
    [InlineData("java com.example.ShellApp")]
    [InlineData("python3 -m pdb --help")]
    [InlineData("python3 -Ic 'print(1)'")]
    [InlineData("python3 -Bc 'print(1)'")]
    [InlineData("java -cp lib/app.jar:lib/shellcheck.jar Main")]
    [InlineData("node --inspect app.js")]
    [InlineData("python3 exploit.py")]
    [InlineData("python3 scanner.py -i 10.0.0.7")]
    [InlineData("node server.js -i")]
    [InlineData("python3 -c 'import sys; print(sys.argv)' -i")]
    [InlineData("nix-shell -p hello --run hello")]
    [InlineData("poetry run pytest")]
    [InlineData("deno run main.ts")]
    [InlineData("bun run build")]
    [InlineData("jupyter nbconvert --to html notebook.ipynb")]
    public void BatchRunsAndEverydayNames_AreNotOpaque(string line)
        => Tags(line).Should().NotContain(ShellTags.Opaque);
}
