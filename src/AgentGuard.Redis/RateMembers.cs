using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AgentGuard.Redis;

/// <summary>
/// Members for rate-limit windows (sorted sets): unique per hit across replicas — 8 random bytes drawn once per replica,
/// then a counter — so a hit can be given back (ZREM) without touching another replica's hit.
/// </summary>
internal sealed class RateMembers
{
    private readonly ulong _replica = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8));
    private long _next;

    public byte[] Next()
    {
        var member = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(member, _replica);
        BinaryPrimitives.WriteInt64LittleEndian(member.AsSpan(8), Interlocked.Increment(ref _next));
        return member;
    }
}
