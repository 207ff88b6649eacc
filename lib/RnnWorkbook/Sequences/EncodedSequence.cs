namespace RnnWorkbook.Sequences;

/// <summary>A tagged sentence as ids: <see cref="Features"/> holds T × K feature ids row by row, <see cref="Tags"/> T tag ids.</summary>
/// <param name="Features">Feature k of token t at [t · K + k].</param>
/// <param name="Tags">The tag id of each token.</param>
/// <param name="FeatureCount">K.</param>
public sealed record EncodedSequence(int[] Features, int[] Tags, int FeatureCount)
{
    /// <summary>T.</summary>
    public int Length => Tags.Length;

    /// <summary>Encodes one sentence.</summary>
    /// <exception cref="ArgumentException">The sentence is empty (there is nothing to tag), or a tag is not in the set.</exception>
    public static EncodedSequence Encode(TaggedSentence sentence, ITokenFeatures features, TagSet tags)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(tags);
        if (sentence.Length == 0)
        {
            throw new ArgumentException("sentence: it has no tokens; an empty input has nothing to tag.", nameof(sentence));
        }

        int k = features.Sizes.Count;
        var ids = new int[sentence.Length * k];
        var tagIds = new int[sentence.Length];
        for (int t = 0; t < sentence.Length; t++)
        {
            features.Encode(sentence.Tokens[t], ids.AsSpan(t * k, k));
            tagIds[t] = tags.IdOf(sentence.Tags[t]);
        }

        return new EncodedSequence(ids, tagIds, k);
    }
}
