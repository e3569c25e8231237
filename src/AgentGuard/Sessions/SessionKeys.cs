using System.Security.Cryptography;
using System.Text;

namespace AgentGuard.Policies;

/// <summary>
/// Bounds what a session keeps of identifiers the caller chooses — the session id, a call's id, tool name and source —
/// so a caller cannot make sessions hold megabytes by sending huge ids: up to <see cref="MaxLength"/> characters they are
/// kept as given; longer ones as <c>sha256:</c> and 32 hex digits of their SHA-256, which still tells them apart.
/// </summary>
/// <remarks>
/// Idempotent (a hashed form is short enough to be kept as given), so every path that bounds an id agrees. Standing for
/// another session takes its id or the hash of it, which only its id gives. Unkeyed on purpose: the same id maps to the
/// same key on every replica (the Redis store's keys are built from it).
/// </remarks>
internal static class SessionKeys
{
    /// <summary>The longest id kept as given.</summary>
    public const int MaxLength = 256;

    private const string Prefix = "sha256:";

    /// <summary>The form of <paramref name="id"/> a session keeps (null stays null).</summary>
    public static string? Bound(string? id)
        => id is null || id.Length <= MaxLength ? id : Hash(id);

    private static string Hash(string id)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var bytes = Encoding.UTF8.GetBytes(id);
        SHA256.HashData(bytes, digest);
        return Prefix + Convert.ToHexStringLower(digest[..16]);
    }
}
