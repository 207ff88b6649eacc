using System.Globalization;

namespace RnnWorkbook.Data;

/// <summary>How far a download has come, reported through <see cref="IProgress{T}"/> as bytes arrive.</summary>
/// <param name="Bytes">Bytes received so far.</param>
/// <param name="Total">Bytes expected in all (the size the manifest names).</param>
public readonly record struct DownloadProgress(long Bytes, long Total)
{
    /// <summary>The fraction received, between 0 and 1 (1 for an empty file).</summary>
    public double Fraction => Total <= 0 ? 1.0 : Math.Min(1.0, (double)Bytes / Total);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Bytes:N0} / {Total:N0} bytes ({Fraction:P0})");
}
