using System.Collections.Frozen;

namespace AgentGuard.Shell.Analysis;

/// <summary>
/// Commands whose output is a secret: a CLI asked for a stored secret, a token or a raw credential file
/// (<c>kubectl get secret db -o yaml</c>, <c>vault kv get</c>, <c>op read</c>, <c>aws secretsmanager get-secret-value</c>,
/// <c>git credential fill</c>), and <c>printenv</c> of a variable whose name says it holds one. Printed, the secret
/// enters the agent's context, from where any later call can carry it away. Decided by the subcommand words; listing
/// names (<c>kubectl get secrets</c>, <c>vault kv list</c>) is left alone.
/// </summary>
internal static partial class ShellClassifier
{
    /// <param name="Words">Operand words that must all appear, in order (<c>secretsmanager get-secret-value</c>).</param>
    /// <param name="Needs">An argument that must also appear (prefix match), or null.</param>
    private sealed record SecretPrinterSpec(string[] Words, string? Needs = null);

    private static readonly FrozenDictionary<string, SecretPrinterSpec[]> SecretPrinters = new Dictionary<string, SecretPrinterSpec[]>(StringComparer.Ordinal)
    {
        ["kubectl"] = [new(["config", "view"], "--raw"), new(["get", "secret"], "-o"), new(["get", "secrets"], "-o"), new(["get", "secret"], "--output"), new(["create", "token"])],
        ["oc"] = [new(["config", "view"], "--raw"), new(["get", "secret"], "-o"), new(["extract", "secret"]), new(["whoami"], "-t"), new(["whoami"], "--show-token")],
        ["vault"] = [new(["kv", "get"]), new(["read"]), new(["token", "create"]), new(["print", "token"])],
        ["op"] = [new(["read"]), new(["item", "get"]), new(["inject"])],
        ["doppler"] = [new(["secrets", "download"]), new(["secrets", "get"]), new(["run", "--", "printenv"])],
        ["heroku"] = [new(["config"]), new(["config:get"]), new(["auth:token"])],
        ["git"] = [new(["credential", "fill"])],
        ["aws"] = [new(["secretsmanager", "get-secret-value"]), new(["ssm", "get-parameter"], "--with-decryption"), new(["ssm", "get-parameters"], "--with-decryption"), new(["ecr", "get-login-password"]), new(["sts", "get-session-token"]), new(["iam", "create-access-key"])],
        ["gcloud"] = [new(["secrets", "versions", "access"])],
        ["az"] = [new(["keyvault", "secret", "show"]), new(["keyvault", "secret", "download"]), new(["storage", "account", "keys", "list"]), new(["acr", "credential", "show"])],
        ["gh"] = [new(["auth", "status"], "--show-token"), new(["auth", "status"], "-t")],
        ["pass"] = [new(["show"])],
        ["gopass"] = [new(["show"])],
        ["bw"] = [new(["get", "password"]), new(["get", "item"])],
        ["lpass"] = [new(["show"])],
        ["sops"] = [new(["-d"]), new(["--decrypt"]), new(["decrypt"])],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static void PrintsSecret(CommandDraft draft)
    {
        var program = draft.Program;
        if (program is "printenv" && draft.Operands().Exists(o => IsSecretName(o.Text)))
        {
            draft.Tag(ShellTags.CredentialAccess, "printenv prints a secret variable");
            return;
        }

        if (!SecretPrinters.TryGetValue(program, out var printers))
        {
            return;
        }

        var words = draft.Args;
        foreach (var printer in printers)
        {
            var next = 0;
            foreach (var word in words)
            {
                if (next < printer.Words.Length && word.Text == printer.Words[next])
                {
                    next++;
                }
            }

            if (next == printer.Words.Length && (printer.Needs is null || words.Exists(w => w.Text.StartsWith(printer.Needs, StringComparison.Ordinal))))
            {
                draft.Tag(ShellTags.CredentialAccess, program + " " + string.Join(' ', printer.Words) + " prints a secret");
                return;
            }
        }
    }

    /// <summary>A variable name that says it holds a secret (<c>GITHUB_TOKEN</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>DB_PASSWORD</c>).</summary>
    private static bool IsSecretName(string name)
        => name.Length > 0 && name.AsSpan().IndexOfAnyExcept(VariableNameCharacters) < 0
            && (name.Contains("TOKEN", StringComparison.OrdinalIgnoreCase) || name.Contains("SECRET", StringComparison.OrdinalIgnoreCase) || name.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase)
                || name.Contains("PASSWD", StringComparison.OrdinalIgnoreCase) || name.EndsWith("_KEY", StringComparison.OrdinalIgnoreCase) || name.Contains("CREDENTIAL", StringComparison.OrdinalIgnoreCase) || name.Contains("API_KEY", StringComparison.OrdinalIgnoreCase));

    private static readonly System.Buffers.SearchValues<char> VariableNameCharacters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
}
