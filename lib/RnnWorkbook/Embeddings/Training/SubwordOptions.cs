namespace RnnWorkbook.Embeddings;

/// <summary>FastText's subword settings (Bojanowski et al. 2017): character n-grams of length MinN..MaxN hashed into Buckets rows.</summary>
public sealed record SubwordOptions
{
    /// <summary>The shortest n-gram, counting the boundary marks &lt; and &gt;.</summary>
    public int MinN { get; init; } = 3;

    /// <summary>The longest n-gram.</summary>
    public int MaxN { get; init; } = 6;

    /// <summary>Rows shared by all n-grams (fastText's default is 2,000,000; collisions share a row).</summary>
    public int Buckets { get; init; } = 2_000_000;

    /// <summary>Spell Hangul syllables out as jamo before taking n-grams, so 먹었다 and 먹는다 share ㅁㅓㄱ.</summary>
    public bool Jamo { get; init; }

    internal void Validate()
    {
        Word2VecOptions.Require(MinN is >= 1 and <= 20, nameof(MinN), MinN, "between 1 and 20");
        Word2VecOptions.Require(MaxN >= MinN && MaxN <= 20, nameof(MaxN), MaxN, $"between MinN ({MinN}) and 20");
        Word2VecOptions.Require(Buckets is >= 1 and <= 50_000_000, nameof(Buckets), Buckets, "between 1 and 50,000,000");
    }
}
