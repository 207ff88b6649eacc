namespace RnnWorkbook.Scratch;

/// <summary>
/// Text from a scratch language model: read the prompt, then repeatedly draw the next token with
/// <see cref="TokenSampler"/> (temperature, top-k, excluded ids) and feed it back. The same seed gives the
/// same text. The model runs in evaluation mode and carries its state from token to token; its mode,
/// statefulness and state are restored afterwards. <c>RnnWorkbook.Torch.TorchTextGeneration</c> does the same
/// for the TorchSharp twins.
/// </summary>
public static class TextGeneration
{
    /// <summary>Continues <paramref name="prompt"/> by <paramref name="count"/> tokens with a language model of chapters 6–8 (RNN, LSTM or GRU).</summary>
    /// <param name="model">The model; its state is reset before and after.</param>
    /// <param name="prompt">At least one id.</param>
    /// <param name="count">Tokens to generate.</param>
    /// <param name="temperature">τ &gt; 0.</param>
    /// <param name="topK">Only the k most likely tokens are drawn (default: all).</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="excluded">Ids never generated (e.g. &lt;unk&gt;).</param>
    /// <returns>The generated ids, without the prompt.</returns>
    public static int[] Generate(RecurrentLm<float> model, IReadOnlyList<int> prompt, int count, double temperature = 1,
        int topK = int.MaxValue, int seed = Workbook.DefaultSeed, IReadOnlySet<int>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Validate(prompt, count, temperature, topK);
        bool training = model.Training, stateful = model.Recurrent.Stateful;
        (model.Training, model.Recurrent.Stateful) = (false, true);
        model.ResetState();
        try
        {
            return Draw(model.Predict, prompt, count, temperature, topK, seed, excluded);
        }
        finally
        {
            model.ResetState();
            (model.Training, model.Recurrent.Stateful) = (training, stateful);
        }
    }

    /// <summary>Refuses, naming the argument, an empty prompt, a negative count, a bad τ or k: what the generators of both model families check before any work.</summary>
    public static void Validate(IReadOnlyList<int> prompt, int count, double temperature, int topK)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Count == 0)
        {
            throw new ArgumentException("prompt: at least one id is needed to start from.", nameof(prompt));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        TokenSampler.Validate(temperature, topK);
    }

    // predict: ids (1, T) → scores (1, T, V) with the state carried from the previous call.
    private static int[] Draw(Func<NdArray<int>, NdArray<float>> predict, IReadOnlyList<int> prompt, int count, double temperature,
        int topK, int seed, IReadOnlySet<int>? excluded)
    {
        var random = new Random(seed);
        var output = new int[count];
        var input = new NdArray<int>([.. prompt], 1, prompt.Count);
        for (int n = 0; n < count; n++)
        {
            var scores = predict(input);
            int v = scores.Dim(2), last = scores.Dim(1) - 1;
            output[n] = TokenSampler.Sample(scores.Data.AsSpan(last * v, v), temperature, random, excluded, topK);
            input = new NdArray<int>([output[n]], 1, 1);
        }

        return output;
    }
}
