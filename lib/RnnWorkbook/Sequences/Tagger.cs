namespace RnnWorkbook.Sequences;

/// <summary>A trained <see cref="SequenceTagger"/> with the features and tags it was trained with: tokens in, tags out.</summary>
public sealed class Tagger
{
    /// <summary>Puts the three together.</summary>
    /// <exception cref="ArgumentException">The model's feature count or tag count differs from the features' or the tag set's.</exception>
    public Tagger(SequenceTagger model, ITokenFeatures features, TagSet tags)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(tags);
        if (model.FeatureCount != features.Sizes.Count || model.TagCount != tags.Count)
        {
            throw new ArgumentException(
                $"model: it reads {model.FeatureCount} features and scores {model.TagCount} tags, but there are {features.Sizes.Count} features and {tags.Count} tags.", nameof(model));
        }

        (Model, Features, Tags) = (model, features, tags);
    }

    /// <summary>The network.</summary>
    public SequenceTagger Model { get; }

    /// <summary>How tokens become ids.</summary>
    public ITokenFeatures Features { get; }

    /// <summary>The tags predicted.</summary>
    public TagSet Tags { get; }

    /// <summary>Tags every token; tokens outside the vocabulary are read as &lt;unk&gt; and listed in the result.</summary>
    /// <exception cref="ArgumentException">There are no tokens (nothing to tag), or a token is empty.</exception>
    public TaggingResult Tag(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            throw new ArgumentException("tokens: the input is empty; there is nothing to tag.", nameof(tokens));
        }

        int empty = tokens.ToList().FindIndex(string.IsNullOrEmpty);
        if (empty >= 0)
        {
            throw new ArgumentException($"tokens: token {empty} is null or empty.", nameof(tokens));
        }

        var placeholder = new TaggedSentence(tokens, [.. Enumerable.Repeat(Tags.Names[0], tokens.Count)]);
        var encoded = EncodedSequence.Encode(placeholder, Features, Tags);
        var predicted = TaggerTraining.Predict(Model, [encoded])[0];
        return new TaggingResult([.. predicted.Select(id => Tags.Names[id])], [.. tokens.Where(t => !Features.IsKnown(t))]);
    }
}
