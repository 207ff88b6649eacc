using System.Numerics.Tensors;

namespace RnnWorkbook.Embeddings;

/// <summary>A trained word2vec or FastText model: the vocabulary, both weight matrices, and what the run cost.</summary>
public sealed class Word2VecModel
{
    private readonly float[] _input;
    private readonly int[][] _inputRows;
    private WordVectors? _vectors;

    internal Word2VecModel(EmbeddingVocabulary vocabulary, Word2VecOptions options, float[] input, float[] output, int[][] inputRows,
        TimeSpan elapsed, long wordsDone, double meanLoss)
    {
        (Vocabulary, Options, _input, Output, _inputRows, Elapsed, MeanLoss) = (vocabulary, options, input, output, inputRows, elapsed, meanLoss);
        WordsPerSecond = wordsDone / Math.Max(elapsed.TotalSeconds, 1e-9);
    }

    /// <summary>The words trained.</summary>
    public EmbeddingVocabulary Vocabulary { get; }

    /// <summary>The settings of the run.</summary>
    public Word2VecOptions Options { get; }

    /// <summary>The output (context) vectors, one row per word: word2vec's syn1neg.</summary>
    public float[] Output { get; }

    /// <summary>Wall time of the training loop.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Corpus words (before subsampling) processed per second, over all epochs.</summary>
    public double WordsPerSecond { get; }

    /// <summary>The mean negative-sampling loss per pair over the whole run.</summary>
    public double MeanLoss { get; }

    /// <summary>True for FastText: words are also made of hashed n-grams, so unseen words get vectors.</summary>
    public bool HasSubwords => Options.Subwords is not null;

    /// <summary>The vector of every vocabulary word (FastText: the mean of its word row and n-gram rows, as fastText's getWordVector).</summary>
    public WordVectors Vectors => _vectors ??= BuildVectors();

    /// <summary>
    /// The vector of any word: a vocabulary word's row; with subwords, an unseen word gets the mean of its
    /// n-gram rows.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The word is unseen and the model has no subwords (or the word has no n-gram).</exception>
    public float[] VectorOf(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        int id = Vocabulary.IdOf(word);
        if (id >= 0)
        {
            return Vectors[word].ToArray();
        }

        var subwords = Options.Subwords ?? throw new KeyNotFoundException($"'{word}' is not in the vocabulary, and a word2vec model has no subwords to build it from.");
        int[] buckets = SubwordNgrams.Buckets(word, subwords);
        if (buckets.Length == 0)
        {
            throw new KeyNotFoundException($"'{word}' is unseen and too short for {subwords.MinN}-grams.");
        }

        return MeanOfRows(buckets.Select(b => Vocabulary.Count + b).ToArray());
    }

    private WordVectors BuildVectors()
    {
        int d = Options.Dimension;
        var data = new float[Vocabulary.Count * d];
        for (int w = 0; w < Vocabulary.Count; w++)
        {
            MeanOfRows(_inputRows[w]).CopyTo(data.AsSpan(w * d, d));
        }

        return new WordVectors(Vocabulary.Words, data, d);
    }

    private float[] MeanOfRows(int[] rows)
    {
        int d = Options.Dimension;
        var mean = new float[d];
        foreach (int row in rows)
        {
            TensorPrimitives.Add(mean, _input.AsSpan(row * d, d), mean);
        }

        TensorPrimitives.Divide(mean, rows.Length, mean);
        return mean;
    }
}
