namespace RnnWorkbook.Vectors;

/// <summary>Orders strings by Unicode code point, as Python's sorted() does (ordinal UTF-16 order differs only above U+FFFF).</summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static CodePointComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
            return 0;
        if (x is null)
            return -1;
        if (y is null)
            return 1;
        var a = x.EnumerateRunes();
        var b = y.EnumerateRunes();
        while (true)
        {
            var hasA = a.MoveNext();
            var hasB = b.MoveNext();
            if (!hasA || !hasB)
                return hasA.CompareTo(hasB);
            var order = a.Current.Value.CompareTo(b.Current.Value);
            if (order != 0)
                return order;
        }
    }
}
