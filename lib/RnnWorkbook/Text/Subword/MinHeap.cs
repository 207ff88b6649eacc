namespace RnnWorkbook.Text.Subword;

/// <summary>A binary min-heap of longs: the smallest key comes out first. Keys pack (rank, position) for the merge loops.</summary>
internal sealed class MinHeap(int capacity)
{
    private long[] _items = new long[Math.Max(4, capacity)];
    private int _count;

    public int Count => _count;

    public void Push(long key)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (_items[parent] <= key)
            {
                break;
            }

            _items[i] = _items[parent];
            i = parent;
        }

        _items[i] = key;
    }

    public bool TryPop(out long key)
    {
        if (_count == 0)
        {
            key = 0;
            return false;
        }

        key = _items[0];
        long last = _items[--_count];
        int i = 0;
        while (true)
        {
            int child = (2 * i) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && _items[child + 1] < _items[child])
            {
                child++;
            }

            if (last <= _items[child])
            {
                break;
            }

            _items[i] = _items[child];
            i = child;
        }

        _items[i] = last;
        return true;
    }
}
