using System.Buffers.Binary;
using System.Text;

namespace AgentGuard.Onnx.Tests.Infrastructure;

/// <summary>
/// Writes protocol-buffer messages field by field (varints, length-delimited bytes, 32-bit floats): enough to build
/// the small ONNX and SentencePiece models these tests run for real, without a schema compiler.
/// </summary>
internal sealed class Protobuf
{
    private readonly MemoryStream _bytes = new();

    public Protobuf Int(int field, long value)
    {
        Tag(field, 0);
        Varint(unchecked((ulong)value));
        return this;
    }

    public Protobuf Bool(int field, bool value) => Int(field, value ? 1 : 0);

    public Protobuf Float(int field, float value)
    {
        Tag(field, 5);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        _bytes.Write(bytes);
        return this;
    }

    public Protobuf Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, 2);
        Varint((ulong)value.Length);
        _bytes.Write(value);
        return this;
    }

    public Protobuf String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public Protobuf Message(int field, Protobuf message) => Bytes(field, message.ToArray());

    public byte[] ToArray() => _bytes.ToArray();

    private void Tag(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _bytes.WriteByte((byte)value);
    }
}
