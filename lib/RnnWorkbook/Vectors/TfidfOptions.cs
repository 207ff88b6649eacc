namespace RnnWorkbook.Vectors;

/// <summary>The weighting options of <see cref="TfidfVectorizer"/>, named and defaulted as in scikit-learn's <c>TfidfTransformer</c>.</summary>
public sealed record TfidfOptions
{
    /// <summary>Scale each document's vector (<c>norm</c>); L2 by default.</summary>
    public TfidfNorm Norm { get; init; } = TfidfNorm.L2;

    /// <summary>Multiply by the inverse document frequency (<c>use_idf</c>).</summary>
    public bool UseIdf { get; init; } = true;

    /// <summary>Add one to every document frequency, as if one extra document held every term (<c>smooth_idf</c>).</summary>
    public bool SmoothIdf { get; init; } = true;

    /// <summary>Replace a count tf by 1 + ln(tf) (<c>sublinear_tf</c>): the tenth repetition adds less than the second.</summary>
    public bool SublinearTf { get; init; }
}
