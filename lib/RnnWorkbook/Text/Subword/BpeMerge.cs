namespace RnnWorkbook.Text.Subword;

/// <summary>One learned merge: the pair <see cref="Left"/> + <see cref="Right"/> becomes <see cref="Merged"/>.</summary>
/// <param name="Rank">0 for the first merge learned; encoding applies lower ranks first.</param>
/// <param name="Left">The left token.</param>
/// <param name="Right">The right token.</param>
/// <param name="Merged">The new token, Left + Right.</param>
/// <param name="Count">How often the pair occurred in the training text when it was merged (0 when unknown).</param>
public sealed record BpeMerge(int Rank, string Left, string Right, string Merged, long Count)
{
    /// <inheritdoc/>
    public override string ToString() => $"#{Rank}: '{Left}' + '{Right}' → '{Merged}' ({Count:N0})";
}
