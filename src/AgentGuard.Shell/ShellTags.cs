namespace AgentGuard.Shell;

/// <summary>The tags the shell analyzer puts on commands, for rules to match (<c>Match.Tags</c>).</summary>
public static class ShellTags
{
    /// <summary>Deletes or overwrites data or systems beyond easy repair (rm -rf on important paths, mkfs, git push --force, DROP TABLE…). Risk High.</summary>
    public const string Destructive = "destructive";

    /// <summary>Sends files or data to another host (curl -d/-F/-T, nc, scp/rsync to a remote…). Risk High.</summary>
    public const string Exfiltration = "exfiltration";

    /// <summary>Runs downloaded or decoded code (curl … | sh, base64 -d | bash, bash &lt;(wget …)). Risk High.</summary>
    public const string RemoteCode = "remote-code";

    /// <summary>Reads or writes credentials (~/.ssh, id_rsa, .env, ~/.aws/credentials, .netrc, /etc/shadow, keychains). Risk High.</summary>
    public const string CredentialAccess = "credential-access";

    /// <summary>Gains or hands out privileges (sudo, su, doas, chmod 777, chmod +s, chown on system paths). Risk Medium.</summary>
    public const string Privilege = "privilege";

    /// <summary>Cannot be understood before it runs (unbalanced quotes, program computed at run time, eval of a variable). Risk High.</summary>
    public const string Opaque = "opaque";

    /// <summary>Reaches the network (curl, wget, ssh, nc…). Risk Medium.</summary>
    public const string Network = "network";

    /// <summary>Runs code given inline to an interpreter (python -c, node -e, perl -e). Risk Medium.</summary>
    public const string InlineCode = "inline-code";

    /// <summary>Copies local files to cloud storage (<c>aws s3 cp … s3://</c>, <c>gsutil cp … gs://</c>): not exfiltration by itself; rules decide by bucket. Risk Medium.</summary>
    public const string Upload = "upload";

    /// <summary>Starts a shell (bash -c, sh, source).</summary>
    public const string ShellWrapper = "shell-wrapper";

    /// <summary>Runs a script file.</summary>
    public const string ScriptFile = "script-file";

    /// <summary>Deletes files (any rm, unlink); <see cref="Destructive"/> is added when the targets matter.</summary>
    public const string FileDelete = "file-delete";

    /// <summary>Prints the environment (env, printenv), which may hold secrets.</summary>
    public const string EnvironmentRead = "environment-read";

    /// <summary>True for the tags that make a command High risk.</summary>
    public static bool IsHighRisk(string tag) => tag is Destructive or Exfiltration or RemoteCode or CredentialAccess or Opaque;

    internal static RiskLevel RiskOf(IEnumerable<string> tags)
    {
        var risk = RiskLevel.Low;
        foreach (var tag in tags)
        {
            if (IsHighRisk(tag))
            {
                return RiskLevel.High;
            }

            if (tag is Privilege or Network or InlineCode or FileDelete or EnvironmentRead or Upload)
            {
                risk = RiskLevel.Medium;
            }
        }

        return risk;
    }
}
