using System.Buffers.Binary;

namespace RnnWorkbook.Text.Subword;

/// <summary>
/// A read-only map from byte sequences to ints (token bytes → rank), built for lookups with a
/// <see cref="ReadOnlySpan{T}"/> key and no allocation: all keys live in one byte array, the table is
/// open-addressed with linear probing, and each bucket keeps its key's 32-bit hash so most misses
/// never touch the key bytes. One- and two-byte keys, the most frequent lookups while merging, are
/// answered from direct tables.
/// </summary>
internal sealed class ByteSequenceTable
{
    private readonly byte[] _blob;
    private readonly (int Offset, int Length, int Value)[] _entries;
    private readonly (int Entry, uint Hash)[] _buckets;
    private readonly int _mask;
    private readonly int[] _oneByte = new int[256];
    private readonly int[] _twoBytes = new int[65536];

    public ByteSequenceTable(IReadOnlyList<(byte[] Key, int Value)> items)
    {
        _blob = new byte[items.Sum(item => item.Key.Length)];
        _entries = new (int, int, int)[items.Count];
        int capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, items.Count * 2));
        _buckets = new (int, uint)[capacity];
        _mask = capacity - 1;
        Array.Fill(_oneByte, -1);
        Array.Fill(_twoBytes, -1);
        int offset = 0;
        for (int e = 0; e < items.Count; e++)
        {
            (byte[] key, int value) = items[e];
            key.CopyTo(_blob, offset);
            _entries[e] = (offset, key.Length, value);
            offset += key.Length;
            if (key.Length == 1)
            {
                _oneByte[key[0]] = value;
            }
            else if (key.Length == 2)
            {
                _twoBytes[(key[0] << 8) | key[1]] = value;
            }

            uint hash = Hash(key);
            int bucket = (int)hash & _mask;
            while (_buckets[bucket].Entry != 0)
            {
                if (KeyEquals(_buckets[bucket].Entry - 1, key))
                {
                    throw new ArgumentException($"The key of entry {e} appears twice.", nameof(items));
                }

                bucket = (bucket + 1) & _mask;
            }

            _buckets[bucket] = (e + 1, hash);
        }
    }

    /// <summary>Number of keys.</summary>
    public int Count => _entries.Length;

    /// <summary>The value of a one-byte key (−1 when absent).</summary>
    public int OneByte(byte key) => _oneByte[key];

    /// <summary>The value of the two-byte key (<paramref name="first"/>, <paramref name="second"/>), or −1.</summary>
    public int TwoBytes(byte first, byte second) => _twoBytes[(first << 8) | second];

    /// <summary>The value of <paramref name="key"/>, or −1 when it is not in the table.</summary>
    public int Find(ReadOnlySpan<byte> key)
    {
        switch (key.Length)
        {
            case 1:
                return _oneByte[key[0]];
            case 2:
                return _twoBytes[(key[0] << 8) | key[1]];
        }

        uint hash = Hash(key);
        int bucket = (int)hash & _mask;
        while (true)
        {
            (int entry, uint bucketHash) = _buckets[bucket];
            if (entry == 0)
            {
                return -1;
            }

            if (bucketHash == hash && KeyEquals(entry - 1, key))
            {
                return _entries[entry - 1].Value;
            }

            bucket = (bucket + 1) & _mask;
        }
    }

    /// <summary>The key stored for each value, for decoding (values must be small non-negative ints).</summary>
    public ReadOnlyMemory<byte>[] KeysByValue()
    {
        var keys = new ReadOnlyMemory<byte>[_entries.Max(e => e.Value) + 1];
        foreach ((int offset, int length, int value) in _entries)
        {
            keys[value] = _blob.AsMemory(offset, length);
        }

        return keys;
    }

    private bool KeyEquals(int entry, ReadOnlySpan<byte> key)
    {
        (int offset, int length, _) = _entries[entry];
        return length == key.Length && key.SequenceEqual(_blob.AsSpan(offset, length));
    }

    /// <summary>A multiply–xorshift hash over 8-byte words; fast for the short keys of a BPE vocabulary.</summary>
    private static uint Hash(ReadOnlySpan<byte> key)
    {
        ulong h = (ulong)key.Length * 0x9E3779B97F4A7C15UL;
        int i = 0;
        for (; i + 8 <= key.Length; i += 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(key[i..])) * 0xFF51AFD7ED558CCDUL;
            h ^= h >> 32;
        }

        if (i < key.Length)
        {
            ulong tail = 0;
            for (int k = 0; i + k < key.Length; k++)
            {
                tail |= (ulong)key[i + k] << (8 * k);
            }

            h = (h ^ tail) * 0xC4CEB9FE1A85EC53UL;
        }

        h ^= h >> 29;
        return (uint)h ^ (uint)(h >> 32);
    }
}
