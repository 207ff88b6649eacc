namespace RnnWorkbook.Vectors;

/// <summary>
/// Counts the terms of one document against a vocabulary without allocating a string per term (the
/// dictionary is looked up by span). While fitting it also adds unseen terms (<c>growing</c>).
/// </summary>
internal sealed class RowCounter : ITermSink
{
    private readonly Dictionary<string, int> _vocabulary;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly bool _growing;
    private int[] _counts;

    public RowCounter(Dictionary<string, int> vocabulary, int capacity, bool growing = false)
    {
        _vocabulary = vocabulary;
        _lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        _growing = growing;
        _counts = new int[Math.Max(capacity, 16)];
    }

    /// <summary>The distinct term ids of the current document, in first-seen order.</summary>
    public List<int> Touched { get; } = [];

    /// <summary>Terms seen over all documents so far.</summary>
    public long Terms { get; private set; }

    /// <summary>Terms not in the vocabulary over all documents so far (never while growing).</summary>
    public long Unknown { get; private set; }

    public int Count(int id) => _counts[id];

    public void Add(ReadOnlySpan<char> term)
    {
        Terms++;
        if (!_lookup.TryGetValue(term, out var id))
        {
            if (!_growing)
            {
                Unknown++;
                return;
            }

            id = _vocabulary.Count;
            _lookup.TryAdd(term, id);
            if (id >= _counts.Length)
                Array.Resize(ref _counts, _counts.Length * 2);
        }

        if (_counts[id]++ == 0)
            Touched.Add(id);
    }

    /// <summary>Appends the current document as a row with increasing columns, then starts the next.</summary>
    public void EmitSorted(CsrBuilder builder, bool binary)
    {
        Touched.Sort();
        foreach (var id in Touched)
            builder.Add(id, binary ? 1 : _counts[id]);
        builder.EndRow();
        Reset();
    }

    /// <summary>Appends the current document's counts by term id, unsorted (remapped later), then starts the next.</summary>
    public void EmitUnsorted(CsrBuilder builder)
    {
        foreach (var id in Touched)
            builder.Add(id, _counts[id]);
        builder.EndRow();
        Reset();
    }

    public void Reset()
    {
        foreach (var id in Touched)
            _counts[id] = 0;
        Touched.Clear();
    }
}
