namespace RnnWorkbook.Vectors;

/// <summary>
/// A sparse matrix in compressed sparse row form (CSR, 압축 희소 행): for row <c>i</c>, the stored entries are
/// <c>Values[RowPointers[i]..RowPointers[i+1]]</c> at columns <c>ColumnIndices[...]</c>, sorted by column.
/// A document-term matrix is mostly zeros, so this stores only the non-zeros: 12 bytes each (a double and
/// an int) plus 4 bytes a row, where the dense matrix needs 8 bytes for every cell.
/// </summary>
public sealed class CsrMatrix
{
    private readonly int[] _rowPointers;
    private readonly int[] _columns;
    private readonly double[] _values;

    /// <summary>Creates a matrix from its three CSR arrays (taken, not copied).</summary>
    /// <exception cref="ArgumentException">The arrays are inconsistent; the message says how.</exception>
    public CsrMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, double[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(rowPointers);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        if (rowPointers.Length != rows + 1 || rowPointers[0] != 0 || rowPointers[rows] != values.Length)
            throw new ArgumentException($"rowPointers: expected {rows + 1} entries from 0 to {values.Length}.", nameof(rowPointers));
        if (columnIndices.Length != values.Length)
            throw new ArgumentException($"columnIndices has {columnIndices.Length} entries but values has {values.Length}.", nameof(columnIndices));
        for (var r = 0; r < rows; r++)
        {
            if (rowPointers[r + 1] < rowPointers[r])
                throw new ArgumentException($"rowPointers must not decrease (row {r}).", nameof(rowPointers));
            for (var k = rowPointers[r]; k < rowPointers[r + 1]; k++)
            {
                if ((uint)columnIndices[k] >= (uint)columns || (k > rowPointers[r] && columnIndices[k] <= columnIndices[k - 1]))
                    throw new ArgumentException($"columnIndices of row {r} must be increasing and below {columns}.", nameof(columnIndices));
            }
        }

        Rows = rows;
        Columns = columns;
        _rowPointers = rowPointers;
        _columns = columnIndices;
        _values = values;
    }

    /// <summary>The number of rows (documents).</summary>
    public int Rows { get; }

    /// <summary>The number of columns (terms).</summary>
    public int Columns { get; }

    /// <summary>How many entries are stored.</summary>
    public int NonZeros => _values.Length;

    /// <summary>The share of cells that are stored (non-zero).</summary>
    public double Density => Rows == 0 || Columns == 0 ? 0 : (double)NonZeros / ((double)Rows * Columns);

    /// <summary>Bytes the three arrays take: 8 per value, 4 per column index, 4 per row pointer.</summary>
    public long SparseBytes => (8L + 4L) * NonZeros + 4L * (Rows + 1);

    /// <summary>Bytes a dense <c>double[Rows, Columns]</c> would take.</summary>
    public long DenseBytes => 8L * Rows * Columns;

    /// <summary>Where each row starts in <see cref="ColumnIndices"/> and <see cref="Values"/> (length Rows + 1).</summary>
    public ReadOnlySpan<int> RowPointers => _rowPointers;

    /// <summary>The column of each stored entry.</summary>
    public ReadOnlySpan<int> ColumnIndices => _columns;

    /// <summary>The value of each stored entry.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The stored entries of row <paramref name="row"/>.</summary>
    public SparseRow Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Rows, nameof(row));
        var start = _rowPointers[row];
        var length = _rowPointers[row + 1] - start;
        return new SparseRow(_columns.AsSpan(start, length), _values.AsSpan(start, length));
    }

    /// <summary>The value at (<paramref name="row"/>, <paramref name="column"/>); 0 when not stored.</summary>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)column, (uint)Columns, nameof(column));
            var r = Row(row);
            var at = r.Indices.BinarySearch(column);
            return at >= 0 ? r.Values[at] : 0.0;
        }
    }

    /// <summary>The dense copy, for small matrices and tests.</summary>
    public double[,] ToDense()
    {
        var dense = new double[Rows, Columns];
        for (var r = 0; r < Rows; r++)
        {
            for (var k = _rowPointers[r]; k < _rowPointers[r + 1]; k++)
                dense[r, _columns[k]] = _values[k];
        }

        return dense;
    }

    /// <summary>A new matrix of the given rows, in the given order (e.g. one cross-validation fold).</summary>
    public CsrMatrix SelectRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var pointers = new int[rows.Count + 1];
        for (var i = 0; i < rows.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)rows[i], (uint)Rows, nameof(rows));
            pointers[i + 1] = pointers[i] + _rowPointers[rows[i] + 1] - _rowPointers[rows[i]];
        }

        var columns = new int[pointers[^1]];
        var values = new double[pointers[^1]];
        for (var i = 0; i < rows.Count; i++)
        {
            var start = _rowPointers[rows[i]];
            var length = pointers[i + 1] - pointers[i];
            Array.Copy(_columns, start, columns, pointers[i], length);
            Array.Copy(_values, start, values, pointers[i], length);
        }

        return new CsrMatrix(rows.Count, Columns, pointers, columns, values);
    }

    /// <summary>
    /// <c>A · B</c> for a dense row-major <paramref name="dense"/> of shape (Columns, <paramref name="width"/>);
    /// the result is row-major (Rows, width).
    /// </summary>
    public double[] Multiply(ReadOnlySpan<double> dense, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (dense.Length != (long)Columns * width)
            throw new ArgumentException($"dense: expected ({Columns}, {width}) = {(long)Columns * width} values, got {dense.Length}.", nameof(dense));
        var result = new double[(long)Rows * width];
        for (var r = 0; r < Rows; r++)
        {
            var target = result.AsSpan(r * width, width);
            for (var k = _rowPointers[r]; k < _rowPointers[r + 1]; k++)
            {
                var v = _values[k];
                var source = dense.Slice(_columns[k] * width, width);
                for (var j = 0; j < width; j++)
                    target[j] += v * source[j];
            }
        }

        return result;
    }

    /// <summary>
    /// <c>Aᵀ · B</c> for a dense row-major <paramref name="dense"/> of shape (Rows, <paramref name="width"/>);
    /// the result is row-major (Columns, width).
    /// </summary>
    public double[] TransposeMultiply(ReadOnlySpan<double> dense, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (dense.Length != (long)Rows * width)
            throw new ArgumentException($"dense: expected ({Rows}, {width}) = {(long)Rows * width} values, got {dense.Length}.", nameof(dense));
        var result = new double[(long)Columns * width];
        for (var r = 0; r < Rows; r++)
        {
            var source = dense.Slice(r * width, width);
            for (var k = _rowPointers[r]; k < _rowPointers[r + 1]; k++)
            {
                var v = _values[k];
                var target = result.AsSpan(_columns[k] * width, width);
                for (var j = 0; j < width; j++)
                    target[j] += v * source[j];
            }
        }

        return result;
    }

    /// <summary>The sum of each column.</summary>
    public double[] ColumnSums()
    {
        var sums = new double[Columns];
        for (var k = 0; k < _values.Length; k++)
            sums[_columns[k]] += _values[k];
        return sums;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"CsrMatrix {Rows} x {Columns}, {NonZeros:N0} stored ({Density:P3}), {SparseBytes / 1e6:N2} MB sparse vs {DenseBytes / 1e6:N2} MB dense";
}
