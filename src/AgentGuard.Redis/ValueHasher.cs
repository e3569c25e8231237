using System.Security.Cryptography;
using System.Text;

namespace AgentGuard.Redis;

/// <summary>
/// Keyed hashes of seen values: one origin byte and the first 16 bytes of HMAC-SHA256(key, token). Redis never holds
/// the value; without the key a hash cannot be tested against guesses.
/// </summary>
internal sealed class ValueHasher(byte[] key)
{
    public const int HashLength = 16;

    public byte[] Hash(ValueOrigin origin, string token)
    {
        Span<byte> mac = stackalloc byte[32];
        var length = Encoding.UTF8.GetMaxByteCount(token.Length);
        var rented = length <= 512 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(token, rented);
        HMACSHA256.HashData(key, rented[..written], mac);
        var member = new byte[1 + HashLength];
        member[0] = (byte)('0' + (int)origin);
        mac[..HashLength].CopyTo(member.AsSpan(1));
        return member;
    }
}
