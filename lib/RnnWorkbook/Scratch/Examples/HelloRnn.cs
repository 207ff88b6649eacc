using System.Numerics.Tensors;

namespace RnnWorkbook.Scratch;

/// <summary>
/// The smallest language model of the chapter: over the alphabet h, e, l, o, read "hell" and predict
/// "ello". The two l's need different answers (l, then o), which only the hidden state can tell apart.
/// </summary>
public static class HelloRnn
{
    /// <summary>The vocabulary, in id order: h = 0, e = 1, l = 2, o = 3.</summary>
    public const string Alphabet = "helo";

    #region Train
    /// <summary>Trains a <see cref="SimpleRnnLm{T}"/> on the one sequence with Adam and returns what it predicts.</summary>
    /// <param name="steps">Training steps (each is the whole sequence).</param>
    /// <param name="learningRate">Adam's step size.</param>
    /// <param name="hiddenSize">H.</param>
    /// <param name="seed">Seed of the weights.</param>
    public static HelloRnnResult Train(int steps = 100, double learningRate = 0.01, int hiddenSize = 8, int seed = Workbook.DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        var model = new SimpleRnnLm<float>(HelloRnn.Alphabet.Length, wordVecSize: HelloRnn.Alphabet.Length, hiddenSize, seed, stateful: false);
        var trainer = new Trainer<float>(model, new Adam<float>(learningRate));
        var xs = HelloRnn.Encode("hell"); // ids (1, 4)
        var ts = HelloRnn.Encode("ello"); // the next character after each
        var losses = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            losses[i] = trainer.Step(xs, ts);
        }

        return new HelloRnnResult(model, losses, HelloRnn.Predict(model, "hell"));
    }
    #endregion

    /// <summary>The most likely next character after each character of <paramref name="text"/>.</summary>
    public static string Predict(SimpleRnnLm<float> model, string text)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.ResetState();
        var scores = model.Predict(Encode(text));
        int v = scores.Dim(2);
        var next = new char[text.Length];
        for (int t = 0; t < text.Length; t++)
        {
            ReadOnlySpan<float> row = scores.Data.AsSpan(t * v, v);
            next[t] = Alphabet[TensorPrimitives.IndexOfMax(row)];
        }

        return new string(next);
    }

    /// <summary>The ids (1, T) of a text over <see cref="Alphabet"/>.</summary>
    public static NdArray<int> Encode(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        var ids = new NdArray<int>(1, text.Length);
        for (int t = 0; t < text.Length; t++)
        {
            ids.Data[t] = Alphabet.IndexOf(text[t], StringComparison.Ordinal);
            if (ids.Data[t] < 0)
            {
                throw new ArgumentException($"text: '{text[t]}' at position {t} is not one of \"{Alphabet}\".", nameof(text));
            }
        }

        return ids;
    }
}
