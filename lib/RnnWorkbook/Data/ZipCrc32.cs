namespace RnnWorkbook.Data;

/// <summary>The CRC-32 zip records for each member (IEEE 802.3 polynomial, reflected), computed incrementally.</summary>
internal sealed class ZipCrc32
{
    private static readonly uint[] _table = BuildTable();
    private uint _state = 0xFFFF_FFFFu;

    /// <summary>The checksum of everything appended so far.</summary>
    public uint Value => ~_state;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        var state = _state;
        foreach (var b in bytes)
            state = _table[(state ^ b) & 0xFF] ^ (state >> 8);
        _state = state;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB8_8320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }

        return table;
    }
}
