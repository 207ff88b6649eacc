using RnnWorkbook.Scratch;
using RnnWorkbook.Text;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnWorkbook.Embeddings;

/// <summary>A TorchSharp embedding initialised from trained word vectors, and how much of the vocabulary they covered.</summary>
/// <param name="Module">The <c>nn.Embedding</c>; its weight is frozen (no gradient) or trainable.</param>
/// <param name="Found">Tokens whose row was copied from the vectors.</param>
/// <param name="Missing">Tokens without a vector, given random rows (the padding token gets zeros).</param>
public sealed record PretrainedEmbedding(Embedding Module, int Found, int Missing)
{
    /// <summary>
    /// Builds <c>nn.Embedding.from_pretrained</c> for a model's <paramref name="tokens"/> (id order): row i is the
    /// vector of token i; a token without one gets N(0, σ²) with σ the spread of the trained values, so it
    /// looks like the others; <see cref="Vocabulary.PadToken"/> gets zeros. <paramref name="freeze"/> keeps the
    /// rows fixed while the rest of the model trains (chapter 09 compares both).
    /// </summary>
    public static PretrainedEmbedding Create(WordVectors vectors, IReadOnlyList<string> tokens, bool freeze, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            throw new ArgumentException("tokens: the vocabulary is empty.", nameof(tokens));
        }

        int d = vectors.Dimension;
        double mean = vectors.Data.Average(v => (double)v);
        double sigma = Math.Sqrt(vectors.Data.Average(v => (v - mean) * (v - mean)));
        var random = new NormalRandom(seed);
        var weights = new float[tokens.Count * d];
        int found = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            Span<float> row = weights.AsSpan(i * d, d);
            if (vectors.Contains(tokens[i]))
            {
                vectors[tokens[i]].CopyTo(row);
                found++;
            }
            else if (tokens[i] != Vocabulary.PadToken)
            {
                for (int k = 0; k < d; k++)
                {
                    row[k] = (float)(sigma * random.Next());
                }
            }
        }

        // nn.Embedding_from_pretrained would do, but in TorchSharp 0.107 the tensor its parameters() lists is not
        // the one that receives gradients, so an optimizer built from parameters() never moves it. A plain
        // nn.Embedding with the rows copied in has one weight, registered as usual.
        var module = nn.Embedding(tokens.Count, d);
        using (no_grad())
        {
            using var initial = tensor(weights, [tokens.Count, d]);
            module.weight!.copy_(initial);
        }

        module.weight!.requires_grad = !freeze;
        return new PretrainedEmbedding(module, found, tokens.Count - found);
    }
}
