using RnnWorkbook.Scratch;
using static TorchSharp.torch;

namespace RnnWorkbook.Torch;

/// <summary>
/// Generates tokens from a language model: read the prompt, then repeatedly draw the next token with
/// <see cref="TokenSampler"/> (temperature, top-k) and feed it back. The same seed gives the same text.
/// </summary>
public static class TextGeneration
{
    /// <summary>Continues <paramref name="prompt"/> by <paramref name="count"/> tokens with the scratch model (evaluation mode).</summary>
    public static int[] Generate(GatedLm<float> model, IReadOnlyList<int> prompt, int count, double temperature = 1, int topK = int.MaxValue, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(model);
        Prepare(prompt, count, temperature, topK);
        bool training = model.Training;
        bool stateful = model.Recurrent.Stateful;
        (model.Training, model.Recurrent.Stateful) = (false, true);
        model.ResetState();
        try
        {
            var random = new Random(seed);
            var output = new int[count];
            var input = new NdArray<int>([.. prompt], 1, prompt.Count);
            int v = model.VocabularySize;
            for (int n = 0; n < count; n++)
            {
                var scores = model.Predict(input);
                int last = input.Dim(1) - 1;
                output[n] = TokenSampler.Sample(scores.Data.AsSpan(last * v, v), temperature, random, topK);
                input = new NdArray<int>([output[n]], 1, 1);
            }

            return output;
        }
        finally
        {
            model.ResetState();
            (model.Training, model.Recurrent.Stateful) = (training, stateful);
        }
    }

    /// <summary>Continues <paramref name="prompt"/> by <paramref name="count"/> tokens with the TorchSharp model (evaluation mode).</summary>
    public static int[] Generate(TorchGatedLm model, IReadOnlyList<int> prompt, int count, double temperature = 1, int topK = int.MaxValue, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(model);
        Prepare(prompt, count, temperature, topK);
        bool stateful = model.Stateful;
        model.Stateful = true;
        model.eval();
        model.ResetState();
        try
        {
            using var noGrad = no_grad();
            var random = new Random(seed);
            var output = new int[count];
            var input = new NdArray<int>([.. prompt], 1, prompt.Count);
            for (int n = 0; n < count; n++)
            {
                using var scope = NewDisposeScope();
                using var scores = model.forward(TensorConvert.ToTensor(input));
                using var last = scores[0, -1];
                var values = last.data<float>().ToArray();
                output[n] = TokenSampler.Sample(values, temperature, random, topK);
                input = new NdArray<int>([output[n]], 1, 1);
            }

            return output;
        }
        finally
        {
            model.ResetState();
            model.Stateful = stateful;
            model.train();
        }
    }

    private static void Prepare(IReadOnlyList<int> prompt, int count, double temperature, int topK)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Count == 0)
        {
            throw new ArgumentException("prompt: expected at least one token.", nameof(prompt));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        TokenSampler.Validate(temperature, topK); // refuse before any work
    }
}
