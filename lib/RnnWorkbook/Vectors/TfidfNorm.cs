namespace RnnWorkbook.Vectors;

/// <summary>How each document's vector is scaled after weighting (scikit-learn's <c>norm</c>).</summary>
public enum TfidfNorm
{
    /// <summary>No scaling.</summary>
    None,

    /// <summary>Divide by the sum of absolute values: the entries sum to 1.</summary>
    L1,

    /// <summary>Divide by the Euclidean length: the vector has length 1, so a dot product is a cosine.</summary>
    L2,
}
