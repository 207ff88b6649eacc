namespace RnnWorkbook.Vectors;

/// <summary>Builds a <see cref="CsrMatrix"/> row by row.</summary>
internal sealed class CsrBuilder(int expectedRows, int columns)
{
    private readonly List<int> _pointers = new(expectedRows + 1) { 0 };
    private readonly List<int> _columns = [];
    private readonly List<double> _values = [];

    public void Add(int column, double value)
    {
        _columns.Add(column);
        _values.Add(value);
    }

    public void EndRow() => _pointers.Add(_columns.Count);

    public CsrMatrix Build() =>
        new(_pointers.Count - 1, columns, _pointers.ToArray(), _columns.ToArray(), _values.ToArray());

    /// <summary>The rows with every column <c>c</c> replaced by <c>map[c]</c> (dropped when -1) and sorted.</summary>
    public CsrMatrix BuildRemapped(int[] map, int newColumns, bool binary)
    {
        var pointers = new int[_pointers.Count];
        var cols = new int[_columns.Count];
        var values = new double[_columns.Count];
        var at = 0;
        for (var r = 0; r + 1 < _pointers.Count; r++)
        {
            var start = at;
            for (var k = _pointers[r]; k < _pointers[r + 1]; k++)
            {
                var c = map[_columns[k]];
                if (c < 0)
                    continue;
                cols[at] = c;
                values[at] = binary ? 1 : _values[k];
                at++;
            }

            Array.Sort(cols, values, start, at - start);
            pointers[r + 1] = at;
        }

        Array.Resize(ref cols, at);
        Array.Resize(ref values, at);
        return new CsrMatrix(pointers.Length - 1, newColumns, pointers, cols, values);
    }
}
