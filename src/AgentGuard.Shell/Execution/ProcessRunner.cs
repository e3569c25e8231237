using System.Diagnostics;
using System.Text;

namespace AgentGuard.Shell.Execution;

/// <summary>Runs a process with captured, bounded output and a timeout that kills its whole tree.</summary>
internal static class ProcessRunner
{
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    public static async Task<ProcessOutcome> RunAsync(ProcessStartInfo startInfo, string? standardInput, TimeSpan timeout, int maxChars, CancellationToken cancellationToken)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true;
        startInfo.UseShellExecute = false;
        startInfo.CreateNoWindow = true;

        using var process = new Process { StartInfo = startInfo };
        var output = new BoundedBuffer(maxChars);
        var error = new BoundedBuffer(maxChars);
        process.Start();
        var readOutput = PumpAsync(process.StandardOutput, output);
        var readError = PumpAsync(process.StandardError, error);
        var timedOut = false;
        using (var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeoutSource.CancelAfter(timeout);
            try
            {
                try
                {
                    if (standardInput is not null)
                    {
                        await process.StandardInput.WriteAsync(standardInput.AsMemory(), timeoutSource.Token).ConfigureAwait(false);
                    }

                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // The process exited without reading all of its input.
                }

                await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                timedOut = !cancellationToken.IsCancellationRequested;
                Kill(process);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        try
        {
            // A background child may keep the pipes open after the shell exits: stop reading after a grace period.
            await Task.WhenAll(readOutput, readError).WaitAsync(DrainGrace, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Output read so far is kept.
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ProcessOutcome(process.ExitCode, output.ToString(), error.ToString(), timedOut, output.Truncated || error.Truncated);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static async Task PumpAsync(StreamReader reader, BoundedBuffer buffer)
    {
        var chunk = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(chunk.AsMemory(), CancellationToken.None).ConfigureAwait(false)) > 0)
        {
            buffer.Append(chunk.AsSpan(0, read));
        }
    }

    private sealed class BoundedBuffer(int max)
    {
        private readonly StringBuilder _builder = new();

        public bool Truncated { get; private set; }

        public void Append(ReadOnlySpan<char> text)
        {
            var room = max - _builder.Length;
            if (text.Length > room)
            {
                Truncated = true;
                text = text[..Math.Max(room, 0)];
            }

            _builder.Append(text);
        }

        public override string ToString() => _builder.ToString();
    }
}

/// <summary>What a process did.</summary>
internal readonly record struct ProcessOutcome(int ExitCode, string StandardOutput, string StandardError, bool TimedOut, bool Truncated);
